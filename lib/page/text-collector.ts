import { BARRIER } from '../matching/fold';

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

export interface CollectedText {
  readonly text: string;
  /** The matchable text nodes, in document order. */
  readonly segments: readonly TextSegment[];
  /** Every text node mark.js will count, matchable or not: lets a caller tell our splits from page nodes. */
  readonly rawNodes: ReadonlySet<Text>;
  /** The raw extent of every block element read (not of inline or skipped ones). */
  readonly blocks: ReadonlyMap<Element, RawExtent>;
}

/** Elements mark.js never descends into for text (its built-in exclusions). */
const MARKJS_IGNORED_PARENTS = new Set(['SCRIPT', 'STYLE', 'TITLE', 'HEAD', 'HTML']);

/** Inline elements: a match may run across their edges ("<em>soft</em> secession"). */
const INLINE_ELEMENTS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'MARK',
  'Q',
  'RUBY',
  'RB',
  'RT',
  'RP',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'WBR',
  'LABEL',
  'NOBR',
  'BIG',
  'ACRONYM',
  'CROSSCHECK-MARK',
]);

/** True for elements a match may run across (inline formatting, links). */
export function isInlineElement(element: Element): boolean {
  return INLINE_ELEMENTS.has(element.tagName.toUpperCase());
}

/**
 * Collects the text under `root`. `isSkipped(element)` says whether an element's subtree is out of
 * bounds (code, inputs, hidden, our own marks…); its text becomes a BARRIER so nothing matches in
 * or across it, yet its raw offsets are still counted.
 */
export function collectText(root: Element, isSkipped: (element: Element) => boolean): CollectedText {
  const segments: TextSegment[] = [];
  const rawNodes = new Set<Text>();
  const blocks = new Map<Element, RawExtent>();
  let text = '';
  let raw = 0;

  // Tracked, not read back from `text`: indexing a string still being concatenated flattens it.
  let endsWithBarrier = true;
  const barrier = () => {
    if (endsWithBarrier) return;
    text += BARRIER;
    endsWithBarrier = true;
  };

  const visit = (element: Element, skipped: boolean) => {
    const countsRaw = !MARKJS_IGNORED_PARENTS.has(element.tagName.toUpperCase());
    for (let child = element.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const node = child as Text;
        if (!countsRaw) continue;
        rawNodes.add(node);
        const length = node.data.length;
        if (length === 0) continue;
        if (skipped) {
          barrier();
        } else {
          segments.push({ node, textStart: text.length, rawStart: raw });
          text += node.data;
          endsWithBarrier = false;
        }
        raw += length;
      } else if (child.nodeType === 1) {
        const childElement = child as Element;
        const tag = childElement.tagName.toUpperCase();
        if (tag === 'BR') {
          if (!skipped) {
            text += ' ';
            endsWithBarrier = false;
          }
          continue;
        }
        const inline = INLINE_ELEMENTS.has(tag);
        const childSkipped = skipped || isSkipped(childElement);
        if (!inline || childSkipped) barrier();
        const rawStart = raw;
        visit(childElement, childSkipped);
        if (!inline && !childSkipped) blocks.set(childElement, { rawStart, rawEnd: raw });
        if (!inline || childSkipped) barrier();
      }
    }
  };

  visit(root, isSkipped(root));
  return { text, segments, rawNodes, blocks };
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
export function nodeAt(collected: CollectedText, offset: number): Text | null {
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
export function toRawRange(collected: CollectedText, start: number, end: number): LocatedRange {
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
