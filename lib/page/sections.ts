/** Headings divide an article into sections: calm highlighting marks an entry once in each. */
const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/**
 * Where the headings a pass reads start, in its text map's raw offsets (see text-collector.ts):
 * comparing offsets costs nothing, where asking the DOM for the order of a heading and a node
 * walks the siblings between them, once per match (quadratic on a long flat article).
 */
export interface ReadHeadings {
  /** The element the pass reads: headings outside it are never read. */
  readonly scope: Element;
  /** Whether the pass skips the heading (it is then never read). */
  readonly isSkipped: (heading: Element) => boolean;
  /** Where a heading starts, once the pass has read all of it; undefined until then. */
  readonly rawStartOf: (heading: Element) => number | undefined;
}

/**
 * Tells which section of `root` a node lies in: the last heading at or before it (a heading's own
 * text is in its section), or `root` itself before the first heading. Nodes must be asked about in
 * document order: the cursor only moves forward, so a pass costs one walk over the headings.
 */
export class SectionCursor {
  private readonly headings: Element[];
  /** Per heading, whether its raw start will be known (read by the pass), when `read` is given. */
  private readonly readable: boolean[];
  private next = 0;

  constructor(
    private readonly root: Element,
    private readonly read?: ReadHeadings,
  ) {
    this.headings = [...root.querySelectorAll(HEADINGS)];
    this.readable = this.headings.map((h) => !!read && read.scope.contains(h) && !read.isSkipped(h));
  }

  /** The section of `node`; `rawOffset`, a raw offset in the node's text as the pass read it, makes the answer cheap. */
  sectionOf(node: Node, rawOffset?: number): Element {
    while (this.next < this.headings.length && this.startsAtOrBefore(this.next, node, rawOffset)) this.next++;
    return this.next === 0 ? this.root : this.headings[this.next - 1]!;
  }

  private startsAtOrBefore(index: number, node: Node, rawOffset: number | undefined): boolean {
    const heading = this.headings[index]!;
    if (rawOffset !== undefined && this.readable[index]) {
      // Not read yet: it comes after every text read so far, the node's among them.
      const rawStart = this.read!.rawStartOf(heading);
      return rawStart !== undefined && rawStart <= rawOffset;
    }
    return heading === node || (heading.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  }
}
