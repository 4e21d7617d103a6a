import Mark from 'mark.js';
import { CATEGORY_LABELS } from '@/components/category-labels';
import type { Category } from '../kb/types';
import { MARK_TAG } from '../page/exclusions';
import { isInlineElement, type CollectedText } from '../page/text-collector';
import type { HighlightRecord, PendingHighlight, Renderer } from './renderer';

interface LocalRange {
  start: number;
  length: number;
  readonly record: HighlightRecord;
}

/**
 * Largest text, in UTF-16 units, of one mark.js context. mark.js re-reads its context for every
 * range, so small contexts keep wrapping linear; but each context costs a walk of its own, so
 * small neighbouring blocks are read together under a common ancestor.
 */
export const MAX_CONTEXT_CHARS = 4000;

/**
 * The blocks holding `ranges` (each grown to the largest ancestor within MAX_CONTEXT_CHARS) and the
 * ranges' offsets within them; or the whole scope when a range is not inside one block, or blocks nest.
 */
export function narrowContext(
  scope: Element,
  ranges: readonly PendingHighlight[],
  collected: CollectedText,
): { context: HTMLElement | HTMLElement[]; local: LocalRange[] } {
  const whole = {
    context: scope as HTMLElement,
    local: ranges.map(({ start, length, record }) => ({ start, length, record })),
  };
  const blocks: Element[] = [];
  const blockOf: Element[] = [];
  for (const range of ranges) {
    let block = range.node.parentElement;
    while (block && block !== scope && (isInlineElement(block) || !collected.blocks.has(block)))
      block = block.parentElement;
    const extent = block && collected.blocks.get(block);
    if (!block || !extent || range.start + range.length > extent.rawEnd) return whole;
    for (let parent = block.parentElement; parent && parent !== scope; parent = parent.parentElement) {
      const parentExtent = collected.blocks.get(parent);
      if (!parentExtent || parentExtent.rawEnd - parentExtent.rawStart > MAX_CONTEXT_CHARS) break;
      block = parent;
    }
    const last = blocks[blocks.length - 1];
    if (last !== block) {
      // Ranges come in document order, so any nesting shows between consecutive blocks.
      if (last && (last.contains(block) || block.contains(last))) return whole;
      blocks.push(block);
    }
    blockOf.push(block);
  }
  const base = new Map<Element, number>();
  let offset = 0;
  for (const block of blocks) {
    const extent = collected.blocks.get(block)!;
    base.set(block, offset - extent.rawStart);
    offset += extent.rawEnd - extent.rawStart;
  }
  return {
    context: blocks as HTMLElement[],
    local: ranges.map(({ start, length, record }, i) => ({ start: start + base.get(blockOf[i]!)!, length, record })),
  };
}

/**
 * Runs `read` (a synchronous mark.js call) with `document.createNodeIterator` answering TreeWalkers.
 * mark.js walks text nodes with NodeIterators, and the document keeps every NodeIterator it ever
 * made up to date on each node removal until it is garbage-collected, so wrapping a thousand
 * highlights paid for hundreds of dead iterators on every removal. A TreeWalker visits the same
 * text nodes in the same order (mark.js filters leaves only, where rejecting and skipping agree)
 * and is not tracked. The change is on this isolated world's `document` wrapper only, and undone
 * before returning: the page never sees it.
 */
export function withUntrackedIterators<T>(read: () => T): T {
  const doc = document as Document & { createNodeIterator: Document['createNodeIterator'] };
  const hadOwn = Object.prototype.hasOwnProperty.call(doc, 'createNodeIterator');
  const own = doc.createNodeIterator;
  doc.createNodeIterator = ((root: Node, whatToShow?: number, filter?: NodeFilter | null) =>
    document.createTreeWalker(root, whatToShow, filter)) as unknown as Document['createNodeIterator'];
  try {
    return read();
  } finally {
    if (hadOwn) doc.createNodeIterator = own;
    else delete (doc as { createNodeIterator?: unknown }).createNodeIterator;
  }
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
   * One mark.js call for a slice of ranges. mark.js re-reads its whole context for every range, so
   * the context is just the blocks (paragraphs) the slice touches, with offsets made relative to
   * them; raw offsets stay valid between slices because wrapping never changes the text.
   */
  render(scope: Element, slice: readonly PendingHighlight[], collected: CollectedText): void {
    const rawNodes = collected.rawNodes;
    const { context, local } = narrowContext(scope, slice, collected);
    withUntrackedIterators(() =>
      new Mark(context).markRanges(local, {
        element: MARK_TAG,
        each: (element, range) => {
          const { record } = range as unknown as LocalRange;
          decorate(element as HTMLElement, record, record.elements.length === 0);
          record.elements.push(element as HTMLElement);
          this.marks.push(element as HTMLElement);
          const after = element.nextSibling;
          if (after?.nodeType === 3 && !rawNodes.has(after as Text)) this.splitPieces.add(after as Text);
        },
      }),
    );
  }

  destroy(): void {
    const parents = new Set<Node>();
    for (const mark of this.marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      const text = document.createTextNode(mark.textContent ?? '');
      this.splitPieces.add(text);
      parent.replaceChild(text, mark);
      parents.add(parent);
    }
    this.marks.length = 0;
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

function decorate(element: HTMLElement, { entry, figure }: HighlightRecord, first: boolean): void {
  element.setAttribute('data-crosscheck-id', entry.id);
  element.setAttribute('data-crosscheck-category', entry.category satisfies Category);
  if (figure?.verdict) element.setAttribute('data-crosscheck-verdict', figure.verdict.verdict);
  if (first) {
    // Focusable by script (keyboard navigation) without joining the page's tab order.
    element.tabIndex = -1;
    element.setAttribute('role', 'button');
    element.setAttribute('aria-haspopup', 'dialog');
    // Screen readers keep the page's own words and hear what kind of entry it is.
    element.setAttribute('aria-description', `${CATEGORY_LABELS[entry.category]}: Crosscheck has sources on this`);
  } else {
    element.setAttribute('data-crosscheck-continued', '');
  }
}
