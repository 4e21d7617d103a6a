import { BARRIER } from '../text/fold';

/**
 * Reads an element's text once, as one string for the matcher, keeping the map back to the DOM.
 *
 * Two offset spaces: `text` is what the matcher reads (blocks and skipped regions become BARRIER,
 * `<br>` a space); "raw" offsets count every text node the way mark.js does (all text nodes except
 * children of script/style/title/head/html), because mark.js's `markRanges` takes raw offsets.
 */

export interface TextSegment {
  readonly node: Text;
  /** Offset of the node's first unit in `text`. */
  readonly textStart: number;
  /** Offset of the node's first unit in mark.js's concatenation. */
  readonly rawStart: number;
}

/** Where a block element's text lies in mark.js's concatenation: lets a caller hand mark.js just that block. */
export interface RawExtent {
  readonly rawStart: number;
  readonly rawEnd: number;
}

/** Where the text read so far lies in the DOM: enough to draw a match without the text itself. */
export interface TextMap {
  /** The matchable text nodes, in document order. */
  readonly segments: readonly TextSegment[];
  /** The raw extent of every block element read through (not of inline or skipped ones). */
  readonly blocks: ReadonlyMap<Element, RawExtent>;
}

export interface CollectedText extends TextMap {
  readonly text: string;
}

/** Elements mark.js never descends into for text (its built-in exclusions). */
const MARKJS_IGNORED_PARENTS = new Set(['script', 'style', 'title', 'head', 'html']);

/** Inline elements: a match may run across their edges ("<em>soft</em> secession"). */
const INLINE_ELEMENTS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'mark',
  'q',
  'ruby',
  'rb',
  'rt',
  'rp',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'label',
  'nobr',
  'big',
  'acronym',
  'crosscheck-mark',
]);

/** True for elements a match may run across (inline formatting, links). */
export function isInlineElement(element: Element): boolean {
  return INLINE_ELEMENTS.has(element.localName);
}

/**
 * Collects the text under `root`. `isSkipped(element)` says whether an element's subtree is out of
 * bounds (code, inputs, hidden, our own marks…); its text becomes a BARRIER so nothing matches in
 * or across it, yet its raw offsets are still counted.
 */
export function collectText(root: Element, isSkipped: (element: Element) => boolean): CollectedText {
  const collector = textCollector(root, isSkipped);
  const text = collector.nextWindow(Infinity)?.text ?? '';
  const { segments, blocks } = collector;
  return { text, segments, blocks };
}

/**
 * Where the window of text starting at `from` ends: just after the first BARRIER at or after
 * `from + size - 1`. No match or sentence crosses a BARRIER, so matching windows in order finds
 * what matching the whole text at once does. Null when `text` has no such BARRIER (a whole text's
 * last window then ends at its end).
 */
export function windowEnd(text: string, from: number, size: number): number | null {
  const barrier = text.indexOf(BARRIER, from + size - 1);
  return barrier === -1 ? null : barrier + 1;
}

/** An element being read: where its next child is, and what closing it adds. */
interface OpenElement {
  readonly element: Element;
  readonly skipped: boolean;
  /** Whether mark.js counts its text nodes (see MARKJS_IGNORED_PARENTS). */
  readonly countsRaw: boolean;
  /** Whether BARRIERs stand around it (a block, or a skipped element). */
  readonly apart: boolean;
  /** Whether its raw extent is kept, once read through (a block, not skipped). */
  readonly block: boolean;
  readonly rawStart: number;
  next: ChildNode | null;
}

/**
 * Reads an element's text in document order, as far as asked each time, so a long article can be
 * read a window at a time between the page's own tasks. What was read stays valid while later
 * text is read: wrapping read text in highlights splits its nodes but changes no text, and the
 * reader's place is the next node, which no wrapping touches. A page's own edits make the text
 * stale: the caller starts over.
 */
export interface TextCollector extends TextMap {
  /**
   * The next window of text (see windowEnd) and where it starts, reading on as far as it needs;
   * null once all the text has been handed out. Its text is then released: only what is not
   * handed out yet is kept, so a long article never copies its whole text.
   */
  nextWindow(size: number): TextWindow | null;
}

/** A window of an article's text, and where it starts in the text read. */
export interface TextWindow {
  readonly from: number;
  readonly text: string;
}

/** A TextCollector of the text under `root`, skipping as collectText does; it reads nothing until asked. */
export function textCollector(root: Element, isSkipped: (element: Element) => boolean): TextCollector {
  return new TextReader(root, isSkipped);
}

class TextReader implements TextCollector {
  readonly segments: TextSegment[] = [];
  readonly blocks = new Map<Element, RawExtent>();
  /**
   * The text from `released` on (what nextWindow has not handed out yet): `pending`, searched for
   * a window's end, then `fresh`, read since.
   */
  private pending = '';
  private fresh = '';
  private released = 0;
  /** Length of all the text read so far. */
  private length = 0;
  private raw = 0;
  // Tracked, not read back from the text: indexing a string still being concatenated flattens it.
  private endsWithBarrier = true;
  /** The elements being read, innermost last. */
  private readonly open: OpenElement[];

  constructor(
    root: Element,
    private readonly isSkipped: (element: Element) => boolean,
  ) {
    const tag = root.localName;
    // The root itself adds nothing around its text.
    this.open = [{ ...this.opened(root, tag, isSkipped(root)), apart: false, block: false }];
  }

  nextWindow(size: number): TextWindow | null {
    let end = windowEnd(this.pending, 0, size);
    while (end === null && this.open.length > 0) {
      this.readUntil(this.length + size);
      // Only the text just read is searched: searching all of `pending` again would re-read (and,
      // to search a string still being concatenated, copy) a long text without a BARRIER each time.
      const inFresh = windowEnd(this.fresh, 0, Math.max(1, size - this.pending.length));
      if (inFresh !== null) end = this.pending.length + inFresh;
      this.pending += this.fresh;
      this.fresh = '';
    }
    const to = end ?? this.pending.length;
    if (to === 0) return null;
    const from = this.released;
    const text = this.pending.slice(0, to);
    this.pending = this.pending.slice(to);
    this.released += to;
    return { from, text };
  }

  /** Reads on until the text holds at least `wanted` units, or to the end. */
  private readUntil(wanted: number): void {
    const { open } = this;
    while (open.length > 0 && this.length < wanted) {
      const parent = open[open.length - 1]!;
      const child = parent.next;
      if (child === null) {
        this.close(open.pop()!);
        continue;
      }
      parent.next = child.nextSibling;
      if (child.nodeType === 3) this.readText(parent, child as Text);
      else if (child.nodeType === 1) this.enter(parent, child as Element);
    }
  }

  private readText(parent: OpenElement, node: Text): void {
    if (!parent.countsRaw) return;
    const nodeLength = node.data.length;
    if (nodeLength === 0) return;
    if (parent.skipped) {
      this.barrier();
    } else {
      this.segments.push({ node, textStart: this.length, rawStart: this.raw });
      this.append(node.data);
    }
    this.raw += nodeLength;
  }

  private enter(parent: OpenElement, element: Element): void {
    const tag = element.localName;
    if (tag === 'br') {
      if (!parent.skipped) this.append(' ');
      return;
    }
    const inner = this.opened(element, tag, parent.skipped || this.isSkipped(element));
    if (inner.apart) this.barrier();
    this.open.push(inner);
  }

  private close(element: OpenElement): void {
    if (element.block) this.blocks.set(element.element, { rawStart: element.rawStart, rawEnd: this.raw });
    if (element.apart) this.barrier();
  }

  /** An element inside the root, opened where the reading stands. */
  private opened(element: Element, tag: string, skipped: boolean): OpenElement {
    const inline = INLINE_ELEMENTS.has(tag);
    return {
      element,
      skipped,
      countsRaw: !MARKJS_IGNORED_PARENTS.has(tag),
      apart: !inline || skipped,
      block: !inline && !skipped,
      rawStart: this.raw,
      next: element.firstChild,
    };
  }

  private append(text: string): void {
    this.fresh += text;
    this.length += text.length;
    this.endsWithBarrier = false;
  }

  private barrier(): void {
    if (this.endsWithBarrier) return;
    this.append(BARRIER);
    this.endsWithBarrier = true;
  }
}

function segmentIndexAt(segments: readonly TextSegment[], offset: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (segments[mid]!.textStart <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The text node holding `text[offset]`, or the last one before it (for a BARRIER); null when there is none. */
export function nodeAt(collected: TextMap, offset: number): Text | null {
  return collected.segments.length === 0 ? null : collected.segments[segmentIndexAt(collected.segments, offset)]!.node;
}

/** A match located in the DOM: mark.js's raw offsets, and the text nodes and offsets it spans. */
export interface LocatedRange {
  readonly start: number;
  readonly length: number;
  readonly node: Text;
  readonly startOffset: number;
  readonly lastNode: Text;
  readonly endOffset: number;
}

/**
 * Maps a match over `text` to mark.js's raw offsets and to the text nodes it starts and ends in.
 * The match must not cover a BARRIER.
 */
export function toRawRange(collected: TextMap, start: number, end: number): LocatedRange {
  const first = collected.segments[segmentIndexAt(collected.segments, start)]!;
  const last = collected.segments[segmentIndexAt(collected.segments, end - 1)]!;
  const rawStart = first.rawStart + (start - first.textStart);
  const rawEnd = last.rawStart + (end - 1 - last.textStart) + 1;
  return {
    start: rawStart,
    length: rawEnd - rawStart,
    node: first.node,
    startOffset: start - first.textStart,
    lastNode: last.node,
    endOffset: end - last.textStart,
  };
}
