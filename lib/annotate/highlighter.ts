import type { PageMatching } from '../services/matching-service';
import type { EntryRef } from '../kb/types';
import { isEditable, isSkippedElement, isWithinSkipped, MARK_TAG } from '../article/exclusions';
import { FirstMentions, SectionCursor } from '../article/sections';
import { textCollector } from '../article/text-collector';
import { AnnotationPass, MATCH_BATCH_CHARS, type Viewport } from './annotation-pass';
import { MarkRenderer } from './mark-renderer';
import { yieldToPage, yieldUntilIdle } from './yielding';
import type { HighlightRecord, Renderer } from './renderer';
import type { HighlightStyles } from './highlight-styles';

/**
 * The highlights of one article: passes over its text (annotation-pass.ts), one after another, the
 * records of what was drawn, removing them from a region, and putting the page back as it was.
 */

export type { HighlightRecord } from './renderer';
export { DRAW_BUDGET_MS, SLICE_BUDGET_MS, type Viewport } from './annotation-pass';
export { yieldToPage } from './yielding';

export interface HighlighterOptions {
  /** The caller's own structural exclusions (e.g. article furniture), on top of isSkippedElement's. */
  readonly isExcluded?: (element: Element) => boolean;
  /** Asks the browser whether an element renders; asked only of elements that hold a match. */
  readonly isRendered?: (element: Element) => boolean;
  /**
   * Runs each of our own DOM changes (a slice drawn, the page restored), so that an observer can
   * keep them out of its records: a live annotator stops observing for the duration.
   */
  readonly ownMutations?: (change: () => void) => void;
  /**
   * A count of the page's own edits under the root, kept by a live annotator's observer; without
   * it each pass watches for edits itself.
   */
  readonly pageEdits?: () => number;
  /** How a pass gives the page its turn before the highlights in view are drawn (tests inject their own). */
  readonly yieldToPage?: () => Promise<void>;
  /** How it waits for idle time after that, resolving with the milliseconds it may use (tests inject their own). */
  readonly yieldUntilIdle?: () => Promise<number>;
  /** Where the viewport is, to draw what is in view first (the window's by default). */
  readonly viewport?: Viewport;
  /** How matches are drawn: mark.js elements unless the page's DOM must stay untouched. */
  readonly renderer?: Renderer;
  /** The highlights' stylesheet: added to the page with the first highlight drawn, removed on destroy. */
  readonly styles?: HighlightStyles;
  /** Highlight inside editable regions too (only with a renderer that leaves the DOM alone). */
  readonly includeEditable?: boolean;
  /** Told after every pass, when what is highlighted may have changed. */
  readonly onPass?: () => void;
  /**
   * Highlight every mention (the default), or only an entry's first mention in each section of
   * the article, as reference works do; figures are always highlighted.
   */
  readonly everyMention?: boolean;
  /**
   * Highlight the reader's tracked terms too (off by default): the page can read every highlight,
   * so only where the reader chose (see Settings.trackedHighlights). Counting mentions for the
   * popup includes them either way: its counts never reach the page.
   */
  readonly withTracked?: boolean;
}

/** Passes restarted because the page changed the text mid-pass, at most. */
const MAX_RESTARTS = 2;

const WINDOW_VIEWPORT: Viewport = {
  height: () => window.innerHeight,
  extentOf: (node) => (node.parentElement ?? node.ownerDocument.documentElement).getBoundingClientRect(),
};

/**
 * Owns the highlights in one article: has its text matched in one pass, draws the matches with its
 * renderer slice by slice, and can put the page back exactly as it was.
 */
export class Highlighter {
  private readonly byElement = new WeakMap<Element, HighlightRecord>();
  private readonly drawn: HighlightRecord[] = [];
  private readonly renderer: Renderer;
  /** Entries named in full so far on this page (unlocks their short forms). */
  private readonly memory: { namedInFull: readonly string[] } = { namedInFull: [] };
  private queue: Promise<unknown> = Promise.resolve();
  /** Passes run and removals made so far: what the last count of mentions was taken at. */
  private changes = 0;
  private mentionCounts: {
    readonly changes: number;
    readonly counts: ReadonlyMap<string, { readonly entry: EntryRef; readonly count: number }>;
  } | null = null;
  private destroyed = false;

  constructor(
    private readonly root: Element,
    /** Where the text is matched: the background, for a content script (see matching-client.ts). */
    private readonly matching: PageMatching,
    private readonly options: HighlighterOptions = {},
  ) {
    this.renderer = options.renderer ?? new MarkRenderer();
  }

  /**
   * Highlights what is not highlighted yet under `scope` (the article by default). Running it
   * again over the same text adds nothing. Passes run one after another; each reads the text
   * once, window by window in reading order, and sends it to be matched: first up to the
   * viewport's bottom, whose highlights are drawn as soon as the answer comes, then the rest in
   * batches, drawn in the browser's idle time. Resolves with the new records once all are drawn.
   */
  annotate(scope: Element = this.root): Promise<HighlightRecord[]> {
    const pass = this.queue.then(() => this.runPass(scope, MAX_RESTARTS));
    this.queue = pass.catch(() => undefined);
    return pass;
  }

  private async runPass(scope: Element, restartsLeft: number): Promise<HighlightRecord[]> {
    const { options } = this;
    const yieldToPageNow = options.yieldToPage ?? yieldToPage;
    // A pass starts a task of its own, so whatever ran before it (finding the article) does not lengthen it.
    await yieldToPageNow();
    if (this.destroyed || !scope.isConnected || this.excludes(scope)) return [];
    const pass = new AnnotationPass(scope, {
      root: this.root,
      matching: this.matching,
      renderer: this.renderer,
      isSkipped: this.isSkipped,
      yieldToPage: yieldToPageNow,
      yieldUntilIdle: options.yieldUntilIdle ?? yieldUntilIdle,
      viewport: options.viewport ?? WINDOW_VIEWPORT,
      isRendered: options.isRendered,
      pageEdits: options.pageEdits,
      withTracked: options.withTracked ?? false,
      shownNow: options.everyMention === false ? () => this.entriesShownBySection() : null,
      memory: this.memory,
      destroyed: () => this.destroyed,
      mutate: (change) => this.mutate(change),
      remember: (record) => this.remember(record),
      styles: this.options.styles,
    });
    const records = await pass.run();
    this.changes++;
    this.options.onPass?.();
    if (pass.stale && restartsLeft > 0 && !this.destroyed)
      return [...records, ...(await this.runPass(scope, restartsLeft - 1))];
    return records;
  }

  /**
   * Whether highlights are off limits in `element`: it or a region around it is skipped (an
   * editor, code, inert, furniture), or an editor holds it, however far up.
   */
  excludes(element: Element): boolean {
    return (
      isWithinSkipped(element, this.root, this.isSkipped) || (!this.options.includeEditable && isEditable(element))
    );
  }

  /** Removes the highlights inside `within` (a region that became editable or inert), leaving its DOM as it was. */
  remove(within: Element): void {
    const inside = this.drawn.filter(
      (record) =>
        record.elements.some((element) => within.contains(element)) ||
        (record.range !== null && within.contains(record.range.startContainer)),
    );
    this.changes++; // the region's mentions no longer count, highlighted or not
    if (inside.length === 0) return;
    this.mutate(() => this.renderer.remove(inside));
    const removed = new Set(inside);
    for (let i = this.drawn.length - 1; i >= 0; i--) if (removed.has(this.drawn[i]!)) this.drawn.splice(i, 1);
  }

  /**
   * Every mention of every entry in the article, tracked terms' included, highlighted or not (calm
   * highlighting draws only some; tracked terms may not be drawn here), in order of first mention:
   * read again from the page's text when asked (the popup, an extension page).
   */
  async countMentions(): Promise<ReadonlyMap<string, { readonly entry: EntryRef; readonly count: number }>> {
    // What is highlighted changes only with a pass or a removal: the popup's repeated asks reuse it.
    if (this.mentionCounts?.changes === this.changes) return this.mentionCounts.counts;
    const changes = this.changes;
    const collected = textCollector(this.root, (element) => element.localName !== MARK_TAG && this.isSkipped(element));
    // Read in one go (the page may change while the answers come), sent a batch per request.
    const batches: string[] = [];
    for (let window = collected.nextWindow(MATCH_BATCH_CHARS); window; window = collected.nextWindow(MATCH_BATCH_CHARS))
      batches.push(window.text);
    const counts = new Map<string, { entry: EntryRef; count: number }>();
    let namedInFull: readonly string[] = [];
    for (const batch of batches) {
      const answer = await this.matching.matchWindows([batch], { namedInFull, withTracked: true });
      namedInFull = answer.namedInFull;
      for (const { entry } of answer.matches[0]!) {
        const counted = counts.get(entry.id);
        if (counted) counted.count++;
        else counts.set(entry.id, { entry, count: 1 });
      }
    }
    this.mentionCounts = { changes, counts };
    return counts;
  }

  /** For each section of the article, the entries highlighted in it now. */
  private entriesShownBySection(): FirstMentions {
    const shown = new FirstMentions();
    const sections = new SectionCursor(this.root);
    for (const record of this.records()) shown.note(sections.sectionOf(startNode(record)), record.entry.id);
    return shown;
  }

  /** The record behind a highlight element, or undefined for anything Crosscheck did not create. */
  recordFor(element: Element): HighlightRecord | undefined {
    return this.byElement.get(element);
  }

  /** One record per highlighted match still on the page, in document order. */
  records(): HighlightRecord[] {
    return this.drawn.filter(isShowing).sort((a, b) => (startsBefore(a, b) ? -1 : 1));
  }

  /** All highlight elements (the DOM renderer's), first piece of each match first. */
  highlights(): readonly HTMLElement[] {
    return this.drawn.flatMap((record) => record.elements).filter((mark) => mark.isConnected);
  }

  /** Removes every highlight, leaving the DOM as it was. */
  destroy(): void {
    this.destroyed = true;
    this.mutate(() => this.renderer.destroy());
    this.options.styles?.destroy();
    this.drawn.length = 0;
  }

  private readonly isSkipped = (element: Element): boolean =>
    isSkippedElement(element, this.options.isExcluded, { includeEditable: this.options.includeEditable });

  private mutate(change: () => void): void {
    if (this.options.ownMutations) this.options.ownMutations(change);
    else change();
  }

  private remember(record: HighlightRecord): void {
    if (record.elements.length === 0 && !record.range) return;
    this.drawn.push(record);
    for (const element of record.elements) this.byElement.set(element, record);
  }
}

function isShowing(record: HighlightRecord): boolean {
  return record.elements[0]?.isConnected ?? (record.range !== null && record.range.startContainer.isConnected);
}

function startNode(record: HighlightRecord): Node {
  return record.elements[0] ?? record.range!.startContainer;
}

function startsBefore(a: HighlightRecord, b: HighlightRecord): boolean {
  const x = startNode(a);
  const y = startNode(b);
  if (x === y) return (a.range?.startOffset ?? 0) < (b.range?.startOffset ?? 0);
  return (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}
