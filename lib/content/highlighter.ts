import Mark from 'mark.js';
import { matchPage, type PageFigure, type PageMatcher } from '../kb/page-matcher';
import type { Category, IndexedEntry } from '../kb/types';
import { isSkippedElement, MARK_TAG } from '../page/exclusions';
import { collectText, isInlineElement, toRawRange, type CollectedText } from '../page/text-collector';

/** What Crosscheck itself recorded about a highlight: the card trusts this, never the page's attributes. */
export interface HighlightRecord {
  readonly entry: IndexedEntry;
  /** For a figure: the page's value and its verdict against the sources. */
  readonly figure: PageFigure | null;
  /** Every element of one match (a match across inline elements is wrapped piece by piece). */
  readonly elements: HTMLElement[];
}

export interface HighlighterOptions {
  /** The caller's own structural exclusions (e.g. article furniture), on top of isSkippedElement's. */
  readonly isExcluded?: (element: Element) => boolean;
  /** Asks the browser whether an element renders; asked only of elements that hold a match. */
  readonly isRendered?: (element: Element) => boolean;
  /** Called right after each of our own DOM changes, so an observer can discard their records. */
  readonly afterOwnMutation?: () => void;
  /**
   * A count of the page's own edits under the root, kept by a live annotator's observer; without
   * it each pass watches for edits itself.
   */
  readonly pageEdits?: () => number;
  /** How a pass gives the page its turn between slices (tests inject their own). */
  readonly yieldToPage?: () => Promise<void>;
}

/** Work per slice: well under the 50 ms long-task line, so the page stays responsive. */
export const SLICE_BUDGET_MS = 10;
const INITIAL_SLICE = 150;
const MIN_SLICE = 10;
/** Passes restarted because the page changed the text mid-pass, at most. */
const MAX_RESTARTS = 2;

interface LocalRange {
  start: number;
  length: number;
  readonly record: HighlightRecord;
}

/**
 * Largest text, in UTF-16 units, of one mark.js context. mark.js re-reads its context for every
 * range, so small contexts keep wrapping linear; but each context costs a live NodeIterator that
 * every later DOM removal must update, so not one per paragraph either.
 */
export const MAX_CONTEXT_CHARS = 4000;

/**
 * The blocks holding `ranges` (each grown to the largest ancestor within MAX_CONTEXT_CHARS) and the
 * ranges' offsets within them; or the whole scope when a range is not inside one block, or blocks nest.
 */
export function narrowContext(
  scope: Element,
  ranges: readonly PendingRange[],
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

/** Yields to the page: scheduler.yield() where the browser has it, else a macrotask. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

interface PendingRange {
  start: number;
  length: number;
  readonly node: Text;
  readonly lastNode: Text;
  readonly record: HighlightRecord;
}

/**
 * Owns the highlights in one article: finds terms in one pass over its text, wraps them with one
 * mark.js call, and can put the page back exactly as it was.
 */
export class Highlighter {
  private readonly records_ = new WeakMap<Element, HighlightRecord>();
  private readonly marks: HTMLElement[] = [];
  /** Text nodes our wrapping split off; restoring merges them back into their original node. */
  private readonly splitPieces = new WeakSet<Text>();
  /** Entries named in full so far on this page (unlocks their short forms). */
  private readonly namedInFull = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();
  private destroyed = false;

  constructor(
    private readonly root: Element,
    private readonly matcher: PageMatcher,
    private readonly options: HighlighterOptions = {},
  ) {}

  /**
   * Highlights what is not highlighted yet under `scope` (the article by default). Running it
   * again over the same text adds nothing. Passes run one after another; each reads and matches
   * the text in one go, then wraps the matches in slices of about SLICE_BUDGET_MS, yielding to the
   * page between slices. Resolves with the new records.
   */
  annotate(scope: Element = this.root): Promise<HighlightRecord[]> {
    const pass = this.queue.then(() => this.runPass(scope, MAX_RESTARTS));
    this.queue = pass.catch(() => undefined);
    return pass;
  }

  private async runPass(scope: Element, restartsLeft: number): Promise<HighlightRecord[]> {
    if (this.destroyed || !scope.isConnected) return [];
    const startedAt = performance.now();
    const { isExcluded, isRendered } = this.options;
    const collected = collectText(scope, (element) => isSkippedElement(element, isExcluded));
    const matches = matchPage(this.matcher, collected.text, this.namedInFull);
    const rendered = new Map<Element, boolean>();
    const shows = (node: Text) => {
      const parent = node.parentElement;
      if (!parent || !isRendered) return true;
      let answer = rendered.get(parent);
      if (answer === undefined) rendered.set(parent, (answer = isRendered(parent)));
      return answer;
    };
    const ranges: PendingRange[] = matches
      .map((match) => ({
        ...toRawRange(collected, match.start, match.end),
        record: { entry: match.entry, figure: match.figure, elements: [] },
      }))
      .filter((range) => shows(range.node) && shows(range.lastNode));
    // Sees the page's own edits between slices: our offsets are then stale, so the rest starts over.
    // With a live annotator the page's edits are counted by its observer; alone, we watch ourselves
    // (our own records are taken synchronously after each slice, so only the page's reach the callback).
    const editsAtStart = this.options.pageEdits?.();
    let pageEdited = false;
    const watcher =
      editsAtStart === undefined
        ? new MutationObserver(() => {
            pageEdited = true;
          })
        : null;
    watcher?.observe(scope, { childList: true, characterData: true, subtree: true });
    const editedSinceStart = () =>
      editsAtStart === undefined
        ? pageEdited || (watcher?.takeRecords().length ?? 0) > 0
        : this.options.pageEdits?.() !== editsAtStart;
    let done = 0;
    let sliceSize = INITIAL_SLICE;
    let stale = false;
    try {
      while (done < ranges.length) {
        if (done > 0) {
          await (this.options.yieldToPage ?? yieldToPage)();
          if (this.destroyed) break;
          if (editedSinceStart() || !scope.isConnected) {
            stale = true;
            break;
          }
        }
        const sliceStartedAt = performance.now();
        const slice = ranges.slice(done, done + sliceSize);
        this.wrap(scope, slice, collected);
        watcher?.takeRecords();
        this.options.afterOwnMutation?.();
        done += slice.length;
        const spent = Math.max(performance.now() - sliceStartedAt, 0.25);
        sliceSize = Math.max(MIN_SLICE, Math.round((slice.length * SLICE_BUDGET_MS) / spent));
      }
    } finally {
      watcher?.disconnect();
    }
    performance.measure('crosscheck:annotate', { start: startedAt, end: performance.now() });
    const records = ranges.map((r) => r.record).filter((record) => record.elements.length > 0);
    if (stale && restartsLeft > 0 && !this.destroyed)
      return [...records, ...(await this.runPass(scope, restartsLeft - 1))];
    return records;
  }

  /**
   * One mark.js call for a slice of ranges. mark.js re-reads its whole context for every range, so
   * the context is just the blocks (paragraphs) the slice touches, with offsets made relative to
   * them; raw offsets stay valid between slices because wrapping never changes the text.
   */
  private wrap(scope: Element, ranges: PendingRange[], collected: CollectedText): void {
    const rawNodes = collected.rawNodes;
    const { context, local } = narrowContext(scope, ranges, collected);
    new Mark(context).markRanges(local, {
      element: MARK_TAG,
      each: (element, range) => {
        const { record } = range as unknown as LocalRange;
        this.decorate(element as HTMLElement, record, record.elements.length === 0);
        record.elements.push(element as HTMLElement);
        this.records_.set(element, record);
        this.marks.push(element as HTMLElement);
        const after = element.nextSibling;
        if (after?.nodeType === 3 && !rawNodes.has(after as Text)) this.splitPieces.add(after as Text);
      },
    });
  }

  /** The record behind a highlight element, or undefined for anything Crosscheck did not create. */
  recordFor(element: Element): HighlightRecord | undefined {
    return this.records_.get(element);
  }

  /** One record per highlighted match, in document order. */
  records(): HighlightRecord[] {
    const seen = new Set<HighlightRecord>();
    const records: HighlightRecord[] = [];
    for (const mark of this.marks) {
      const record = this.records_.get(mark);
      if (!record || seen.has(record) || !mark.isConnected) continue;
      seen.add(record);
      records.push(record);
    }
    return records.sort((a, b) =>
      a.elements[0]!.compareDocumentPosition(b.elements[0]!) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
  }

  /** All highlight elements in document order of creation (first piece of each match first). */
  highlights(): readonly HTMLElement[] {
    return this.marks.filter((mark) => mark.isConnected);
  }

  /** Removes every highlight and merges the text back, leaving the DOM as it was. */
  destroy(): void {
    this.destroyed = true;
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
    this.options.afterOwnMutation?.();
  }

  private decorate(element: HTMLElement, { entry, figure }: HighlightRecord, first: boolean): void {
    element.setAttribute('data-crosscheck-id', entry.id);
    element.setAttribute('data-crosscheck-category', entry.category satisfies Category);
    if (figure?.verdict) element.setAttribute('data-crosscheck-verdict', figure.verdict.verdict);
    if (first) {
      // Focusable by script (keyboard navigation) without joining the page's tab order.
      element.tabIndex = -1;
      element.setAttribute('role', 'button');
      element.setAttribute('aria-haspopup', 'dialog');
    } else {
      element.setAttribute('data-crosscheck-continued', '');
    }
  }
}
