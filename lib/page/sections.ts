/** Headings divide an article into sections: calm highlighting marks an entry once in each. */
const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/**
 * Tells which section of `root` a node lies in: the last heading at or before it (a heading's own
 * text is in its section), or `root` itself before the first heading. Nodes must be asked about in
 * document order: the cursor only moves forward, so a pass costs one walk over the headings.
 */
export class SectionCursor {
  private readonly headings: Element[];
  private next = 0;

  constructor(private readonly root: Element) {
    this.headings = [...root.querySelectorAll(HEADINGS)];
  }

  sectionOf(node: Node): Element {
    while (this.next < this.headings.length && startsAtOrBefore(this.headings[this.next]!, node)) this.next++;
    return this.next === 0 ? this.root : this.headings[this.next - 1]!;
  }
}

function startsAtOrBefore(heading: Element, node: Node): boolean {
  return heading === node || (heading.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}
