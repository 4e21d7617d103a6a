import Mark from 'mark.js/dist/mark.es6.js';
import { highlightDescriptions, type HighlightDescriptions } from '../kb/category-labels';
import type { Category } from '../kb/types';
import { MARK_TAG } from '../article/exclusions';
import { isInlineElement, type RawExtent, type TextMap } from '../article/text-collector';
import { idInPage, type HighlightRecord, type PendingHighlight, type Renderer } from './renderer';

/**
 * The default renderer: mark.js wraps each match in a `<crosscheck-mark>` element carrying the
 * observable contract's attributes, reached by keyboard, and unwrapped again without a trace.
 */

/**
 * A range as mark.js takes it: offsets only. mark.js serialises every range it is given into a
 * debug message even when debugging is off, so carrying the record along cost milliseconds a slice.
 */
interface LocalRange {
  start: number;
  length: number;
}

/**
 * Largest text, in UTF-16 units, of one mark.js call's context. For every range, mark.js copies
 * its whole context's text and walks all of its text nodes, so a call's cost grows with the
 * ranges times the context; each call also walks its context once more. Calls over about 2,000
 * characters of neighbouring blocks, each block read whole, balance the two.
 */
export const MAX_CONTEXT_CHARS = 2000;

/**
 * Most text, in UTF-16 units, one mark.js call copies: its ranges times its context's text (it
 * joins the text anew after each wrap, and reading the next range copies all of it). Blocks
 * dense with highlights join fewer neighbours: on a fresh page that copying was most of what the
 * first pass allocated (the seed page's opening, 44 highlights in 1,900 characters of Chinese and
 * English, copied 170 KB in one call), and allocation is what brings the page's first garbage
 * collection into the pass.
 */
export const MAX_CALL_COPY = 20_000;

/** One mark.js call: the blocks it reads and the ranges' offsets within them. */
export interface MarkCall {
  readonly context: HTMLElement | HTMLElement[];
  readonly ranges: LocalRange[];
  readonly records: readonly HighlightRecord[];
}

/** A block of a slice and the ranges in it, in document order. */
interface BlockRanges {
  readonly block: HTMLElement;
  readonly extent: RawExtent;
  readonly ranges: PendingHighlight[];
}

/**
 * Splits a slice of ranges into mark.js calls over the blocks holding them (each block grown to
 * its largest ancestor within MAX_CONTEXT_CHARS), neighbouring blocks together up to
 * MAX_CONTEXT_CHARS and MAX_CALL_COPY; or one call over the whole scope when a range is not
 * inside one block, or blocks nest.
 */
export function markCalls(scope: Element, ranges: readonly PendingHighlight[], collected: TextMap): MarkCall[] {
  const blocks = blocksOf(scope, ranges, collected);
  if (blocks === null)
    return [
      {
        context: scope as HTMLElement,
        ranges: ranges.map(({ start, length }) => ({ start, length })),
        records: ranges.map(({ record }) => record),
      },
    ];
  const calls: { blocks: HTMLElement[]; chars: number; ranges: LocalRange[]; records: HighlightRecord[] }[] = [];
  for (const { block, extent, ranges: inBlock } of blocks) {
    const chars = extent.rawEnd - extent.rawStart;
    let call = calls[calls.length - 1];
    if (
      !call ||
      call.chars + chars > MAX_CONTEXT_CHARS ||
      (call.ranges.length + inBlock.length) * (call.chars + chars) > MAX_CALL_COPY
    ) {
      call = { blocks: [], chars: 0, ranges: [], records: [] };
      calls.push(call);
    }
    const base = call.chars - extent.rawStart; // a range's offset in its call's text, less its raw offset
    call.blocks.push(block);
    call.chars += chars;
    for (const range of inBlock) {
      call.ranges.push({ start: range.start + base, length: range.length });
      call.records.push(range.record);
    }
  }
  return calls.map(({ blocks, ranges, records }) => ({ context: blocks, ranges, records }));
}

/**
 * The blocks holding `ranges` (each grown to its largest ancestor within MAX_CONTEXT_CHARS), with
 * their ranges; null when a range is not inside one block, or blocks nest.
 */
function blocksOf(scope: Element, ranges: readonly PendingHighlight[], collected: TextMap): BlockRanges[] | null {
  const blocks: BlockRanges[] = [];
  for (const range of ranges) {
    let block = range.node.parentElement;
    while (block && block !== scope && (isInlineElement(block) || !collected.blocks.has(block)))
      block = block.parentElement;
    const extent = block && collected.blocks.get(block);
    if (!block || !extent || range.start + range.length > extent.rawEnd) return null;
    for (let parent = block.parentElement; parent && parent !== scope; parent = parent.parentElement) {
      const parentExtent = collected.blocks.get(parent);
      if (!parentExtent || parentExtent.rawEnd - parentExtent.rawStart > MAX_CONTEXT_CHARS) break;
      block = parent;
    }
    const last = blocks[blocks.length - 1];
    if (last?.block === block) {
      last.ranges.push(range);
      continue;
    }
    // Ranges come in document order, so any nesting shows between consecutive blocks.
    if (last && (last.block.contains(block) || block.contains(last.block))) return null;
    blocks.push({ block: block as HTMLElement, extent: collected.blocks.get(block)!, ranges: [range] });
  }
  return blocks;
}

/**
 * Runs `read` (a synchronous mark.js call) with `document.createNodeIterator` answering with
 * cursors over a snapshot (see textNodeCursor). mark.js walks text nodes with NodeIterators, and
 * the document keeps every NodeIterator it ever made up to date on each node removal until it is
 * garbage-collected, so wrapping a thousand highlights paid for hundreds of dead iterators on every
 * removal. The change is on this isolated world's `document` wrapper only, and undone before
 * returning: the page never sees it.
 */
export function withUntrackedIterators<T>(read: () => T): T {
  const doc = document as Document & { createNodeIterator: Document['createNodeIterator'] };
  const hadOwn = Object.prototype.hasOwnProperty.call(doc, 'createNodeIterator');
  const own = doc.createNodeIterator;
  // mark.js passes its filter as a function.
  doc.createNodeIterator = ((root: Node, whatToShow?: number, filter?: (node: Node) => number) =>
    whatToShow === NodeFilter.SHOW_TEXT
      ? textNodeCursor(root, filter)
      : document.createTreeWalker(root, whatToShow, filter)) as unknown as Document['createNodeIterator'];
  try {
    return read();
  } finally {
    if (hadOwn) doc.createNodeIterator = own;
    else delete (doc as { createNodeIterator?: unknown }).createNodeIterator;
  }
}

/** The part of a node iterator mark.js uses: it steps back one node and forward two for each node it reads. */
export interface NodeCursor {
  nextNode(): Node | null;
  previousNode(): Node | null;
}

/**
 * The text nodes under `root` that `filter` accepts, read once, stepped through as a TreeWalker
 * would (mark.js collects them all before it changes anything). A live walker with the filter
 * called it from native code three times per text node, for mark.js's back-and-forth steps: most
 * of the drawing time on a page made of one-word spans. For text nodes, leaves, rejecting and
 * skipping agree.
 */
export function textNodeCursor(root: Node, filter?: (node: Node) => number): NodeCursor {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Node[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode())
    if (!filter || filter(node) === NodeFilter.FILTER_ACCEPT) nodes.push(node);
  let at = -1;
  return {
    nextNode: () => (at + 1 < nodes.length ? nodes[++at]! : null),
    previousNode: () => (at > 0 ? nodes[--at]! : null),
  };
}

/**
 * Draws highlights as `<crosscheck-mark>` elements with mark.js, one call per slice, and puts the
 * text back exactly on destroy (merging only the pieces its own wrapping split off).
 */
export class MarkRenderer implements Renderer {
  private readonly marks: HTMLElement[] = [];
  /** Text nodes our wrapping split off; restoring merges them back into their original node. */
  private readonly splitPieces = new WeakSet<Text>();

  /**
   * `descriptions`: what a screen reader hears each category's highlights are. In a page they come
   * from the background (see PageToolsOptions): a page's first `browser.i18n` call loads the
   * extension's whole catalogue into the page's process, about 3 ms of a fresh load.
   */
  constructor(private readonly descriptions: HighlightDescriptions = highlightDescriptions()) {}

  /**
   * Wraps a slice of ranges, one mark.js call per few neighbouring blocks (see markCalls), with
   * offsets made relative to those blocks; raw offsets stay valid between slices because wrapping
   * never changes the text.
   */
  render(scope: Element, slice: readonly PendingHighlight[], collected: TextMap): void {
    for (const { context, ranges, records } of markCalls(scope, slice, collected)) {
      const recordOf = new Map(ranges.map((range, i) => [range, records[i]!]));
      withUntrackedIterators(() =>
        new Mark(context).markRanges(ranges, {
          element: MARK_TAG,
          each: (element, range) => {
            const record = recordOf.get(range as unknown as LocalRange)!;
            decorate(element as HTMLElement, record, this.descriptions);
            record.elements.push(element as HTMLElement);
            this.marks.push(element as HTMLElement);
            // mark.js splits off the text after the match (splitText) before wrapping it: the node
            // after a mark is always one it made, never one of the page's.
            const after = element.nextSibling;
            if (after?.nodeType === 3) this.splitPieces.add(after as Text);
          },
        }),
      );
    }
  }

  remove(records: readonly HighlightRecord[]): void {
    const removed = new Set(records.flatMap((record) => record.elements));
    if (removed.size === 0) return;
    this.unwrap(removed);
    for (const record of records) record.elements.length = 0;
    for (let i = this.marks.length - 1; i >= 0; i--) if (removed.has(this.marks[i]!)) this.marks.splice(i, 1);
  }

  destroy(): void {
    this.unwrap(this.marks);
    this.marks.length = 0;
  }

  /** Puts each mark's text back in place of it and merges the pieces our wrapping split off. */
  private unwrap(marks: Iterable<HTMLElement>): void {
    const parents = new Set<Node>();
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      const text = document.createTextNode(mark.textContent ?? '');
      this.splitPieces.add(text);
      parent.replaceChild(text, mark);
      parents.add(parent);
    }
    for (const parent of parents) {
      let current: Text | null = null;
      for (let child = parent.firstChild; child !== null;) {
        const next = child.nextSibling;
        if (child.nodeType === 3) {
          const text = child as Text;
          if (current !== null && this.splitPieces.has(text)) {
            current.appendData(text.data);
            parent.removeChild(text);
          } else {
            current = text;
          }
        } else {
          current = null;
        }
        child = next;
      }
    }
  }
}

/** Gives a mark its record's attributes; the first piece of a record (none drawn yet) is the one a reader opens. */
function decorate(
  element: HTMLElement,
  { entry, figure, elements }: HighlightRecord,
  descriptions: HighlightDescriptions,
): void {
  element.setAttribute('data-crosscheck-id', idInPage(entry));
  element.setAttribute('data-crosscheck-category', entry.category satisfies Category);
  if (figure?.verdict) element.setAttribute('data-crosscheck-verdict', figure.verdict.verdict);
  if (elements.length === 0) {
    // Focusable by script (keyboard navigation) without joining the page's tab order.
    element.tabIndex = -1;
    element.setAttribute('role', 'button');
    element.setAttribute('aria-haspopup', 'dialog');
    // Screen readers keep the page's own words and hear what kind of entry it is.
    element.setAttribute('aria-description', descriptions[entry.category]);
  } else {
    element.setAttribute('data-crosscheck-continued', '');
  }
}
