import { primaryLanguage } from '../text/language-tags';
import { mainScript, type Script } from '../text/scripts';
import { isInlineElement } from './text-collector';

/** An article's sections, by heading and language: calm highlighting marks an entry once in each. */

/** Headings divide an article into sections: calm highlighting marks an entry once in each. */
const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/**
 * Where calm highlighting marks an entry once: the text under one heading (or before the first)
 * in one language. A block in another language, declared (`lang`) or written in another script
 * (an aggregator's Chinese summary above an English article), gets first mentions of its own, so
 * each language's readers see the entries marked in their text.
 */
export interface Section {
  /** The last heading at or before the text, or the article itself before the first. */
  readonly heading: Element;
  /** The text's block's language: its declared language and its script, as a key. */
  readonly language: string;
}

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
 * Tells which section of `root` a node lies in: its heading, the last at or before it (a heading's
 * own text is in its section), or `root` itself before the first heading; and its block's
 * language. Nodes must be asked about in document order: the cursor only moves forward, so a pass
 * costs one walk over the headings.
 */
export class SectionCursor {
  private readonly headings: Element[];
  /** Per heading, whether its raw start will be known (read by the pass), when `read` is given. */
  private readonly readable: boolean[];
  private readonly languages = new Map<Element, string>();
  private next = 0;

  constructor(
    private readonly root: Element,
    private readonly read?: ReadHeadings,
  ) {
    this.headings = [...root.querySelectorAll(HEADINGS)];
    this.readable = this.headings.map((h) => !!read && read.scope.contains(h) && !read.isSkipped(h));
  }

  /**
   * The section of `node`. `rawOffset`, a raw offset in the node's text as the pass read it, makes
   * the heading cheap to tell; `script`, the script of all the text read around the node when it
   * is one (see singleScript), spares reading its block again.
   */
  sectionOf(node: Node, rawOffset?: number, script?: Script | null): Section {
    while (this.next < this.headings.length && this.startsAtOrBefore(this.next, node, rawOffset)) this.next++;
    const heading = this.next === 0 ? this.root : this.headings[this.next - 1]!;
    return { heading, language: this.languageOf(blockOf(node) ?? this.root, script ?? null) };
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

  /** A block's language, read once per block: a pass asks once per match. */
  private languageOf(block: Element, script: Script | null): string {
    let language = this.languages.get(block);
    if (language === undefined) {
      const declared = block.closest('[lang]')?.getAttribute('lang') ?? '';
      language = `${primaryLanguage(declared)} ${script ?? scriptOf(block) ?? ''}`;
      this.languages.set(block, language);
    }
    return language;
  }
}

/** The block a node's text belongs to: its nearest ancestor that is not inline (a paragraph, a list item). */
function blockOf(node: Node): Element | null {
  let element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (element && isInlineElement(element)) element = element.parentElement;
  return element;
}

/** Characters of a block read to tell its script: its opening tells, and reading them costs the same on any block. */
const SCRIPT_SAMPLE = 200;

/** The main script of a block's opening (see mainScript). */
function scriptOf(block: Element): Script | null {
  // Native and one copy of a paragraph; a block that is a whole article is read once per pass.
  return mainScript((block.textContent ?? '').slice(0, SCRIPT_SAMPLE));
}

/** Which entries each section has shown: calm highlighting marks an entry's first mention in each. */
export class FirstMentions {
  private readonly shown = new Map<Element, Set<string>>();

  /** Notes `entryId` as shown in `section`; true when it was not shown there yet. */
  note(section: Section, entryId: string): boolean {
    let ids = this.shown.get(section.heading);
    if (!ids) this.shown.set(section.heading, (ids = new Set()));
    const key = `${section.language}\n${entryId}`;
    if (ids.has(key)) return false;
    ids.add(key);
    return true;
  }
}
