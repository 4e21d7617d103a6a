import type { PageMatch } from '../matching/page-matcher';
import type { PageMatching } from '../services/matching-service';
import type { EntryRef } from '../kb/types';
import { isEditable, isSkippedElement, isWithinSkipped, MARK_TAG } from '../article/exclusions';
import { singleScript, type Script } from '../text/scripts';
import { FirstMentions, SectionCursor } from '../article/sections';
import { nodeAt, textCollector, toRawRange, type TextWindow } from '../article/text-collector';
import { MarkRenderer } from './mark-renderer';
import { PassClock } from './pass-timing';
import { isBelowViewport, nearViewport, type VerticalExtent } from './viewport';
import { yieldToPage, yieldUntilIdle } from './yielding';
import type { HighlightRecord, PendingHighlight, Renderer } from './renderer';
import type { HighlightStyles } from './highlight-styles';

export type { HighlightRecord } from './renderer';
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

/** Work per slice: well under the 50 ms long-task line, so the page stays responsive. */
export const SLICE_BUDGET_MS = 10;
/**
 * A task in idle time that draws out of view stops here, short of the slice budget: what it draws
 * costs the browser about as much again in layout in the next frame (more on a long article), and
 * the frame must stay short too.
 */
export const DRAW_BUDGET_MS = 6;
/**
 * Drawing goes in steps of at most this long, the budget checked between them: a step is sized by
 * the last one's rate, which misjudges when the next highlights cost more, so short steps end each
 * task near its budget (see README, "One pass over the page").
 */
const DRAW_STEP_MS = 2.5;
/** Highlights drawn per millisecond, assumed until the first step measures it. */
const INITIAL_DRAW_RATE = 20;
/**
 * Text read between two checks of the time budget, and the unit the matching reads: small enough
 * that reading a window stays well inside a task.
 */
const MATCH_WINDOW_CHARS = 1000;
/**
 * Text sent to be matched in one request once the highlights in view are drawn: few round trips
 * on a long article, and answers the page takes in well under a task.
 */
const MATCH_BATCH_CHARS = 50_000;
/** Highlights drawn in a step, at the least. */
const MIN_STEP = 10;
/** Passes restarted because the page changed the text mid-pass, at most. */
const MAX_RESTARTS = 2;

/** The viewport as a pass sees it: its height, and where a text node lies relative to its top. */
export interface Viewport {
  height(): number;
  extentOf(node: Text): VerticalExtent;
}

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
  private namedInFull: readonly string[] = [];
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
    const prompt = this.options.yieldToPage ?? yieldToPage;
    const idle = this.options.yieldUntilIdle ?? yieldUntilIdle;
    const viewport = this.options.viewport ?? WINDOW_VIEWPORT;
    // A pass starts a task of its own, so whatever ran before it (finding the article) does not lengthen it.
    await prompt();
    if (this.destroyed || !scope.isConnected || this.excludes(scope)) return [];
    const clock = new PassClock();
    const { isRendered } = this.options;
    // Read a window ahead of the matching, so a long article's first task reads what is in view, not all of it.
    const collected = textCollector(scope, this.isSkipped);
    // Sees the page's own edits between tasks: our offsets are then stale, so the rest starts over.
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
    let stale = false;
    /** Budget of the current task: a slice's worth, or what the idle period has left. */
    let budget = SLICE_BUDGET_MS;
    /** Whether the current task runs in idle time (after the highlights in view are drawn). */
    let inIdleTime = false;
    /**
     * Gives the page its turn, promptly until the highlights in view are drawn, then until the
     * browser is idle; false when the pass must stop (destroyed, or the text changed).
     */
    const yieldAndCheck = async (): Promise<boolean> => {
      clock.pause();
      inIdleTime = clock.timing.viewportMs !== null;
      if (inIdleTime) {
        budget = Math.min(SLICE_BUDGET_MS, await idle());
      } else {
        await prompt();
        budget = SLICE_BUDGET_MS;
      }
      clock.resume();
      return stillValid();
    };
    /** After a wait: false when the pass must stop (destroyed, or the text changed meanwhile). */
    const stillValid = (): boolean => {
      if (this.destroyed) return false;
      if (editedSinceStart() || !scope.isConnected) stale = true;
      return !stale;
    };
    /**
     * Sends windows read to be matched; the page has the main thread while the answer comes. Null
     * when the pass must stop: the page changed meanwhile, or nobody answers (the extension was
     * updated or removed under the page: its highlights stay as they are).
     */
    const matchBatch = async (windows: readonly TextWindow[]): Promise<readonly (readonly PageMatch[])[] | null> => {
      const asked = performance.now();
      // Sending (the browser serialises the message now) is the task's work; the wait is not.
      const answering = this.matching
        .matchWindows(
          windows.map((window) => window.text),
          this.namedInFull,
          this.options.withTracked ?? false,
        )
        .catch(() => null);
      clock.pause();
      const answer = await answering;
      clock.resume();
      clock.answered(performance.now() - asked, answer?.timing);
      if (answer === null) return null;
      this.namedInFull = answer.namedInFull;
      return stillValid() ? answer.matches : null;
    };
    const overBudget = () => clock.inTask() >= budget;

    const rendered = new Map<Element, boolean>();
    const shows = (node: Text) => {
      const parent = node.parentElement;
      if (!parent || !isRendered) return true;
      let answer = rendered.get(parent);
      if (answer === undefined) rendered.set(parent, (answer = isRendered(parent)));
      return answer;
    };
    const extents = new Map<Element | null, VerticalExtent>();
    const extentOf = (node: Text) => {
      const parent = node.parentElement;
      let extent = extents.get(parent);
      if (!extent) extents.set(parent, (extent = viewport.extentOf(node)));
      return extent;
    };
    // Calm highlighting decides from what is on the page now, so a first mention the page
    // re-rendered away is drawn again rather than counted as seen.
    const shown = this.options.everyMention === false ? this.entriesShownBySection() : null;
    const sections =
      shown &&
      new SectionCursor(this.root, {
        scope,
        isSkipped: (heading) => isWithinSkipped(heading, scope, this.isSkipped),
        rawStartOf: (heading) => collected.blocks.get(heading)?.rawStart,
      });
    /** Every highlight of the pass, in reading order. */
    const all: PendingHighlight[] = [];
    /** Found and not drawn yet while the viewport's are not drawn; then the rest, below it and above it. */
    const found: PendingHighlight[] = [];
    let below: PendingHighlight[] = [];
    let above: PendingHighlight[] = [];

    const draw = (slice: readonly PendingHighlight[]) => {
      clock.time('wrapMs', () => {
        this.options.styles?.adopt();
        this.mutate(() => this.renderer.render(scope, slice, collected));
      });
      for (const { record } of slice) this.remember(record);
      watcher?.takeRecords();
    };
    const drawInView = () => {
      const [from, to] = nearViewport(found.length, (i) => extentOf(found[i]!.node), viewport.height());
      if (to > from) draw(found.slice(from, to));
      above = found.slice(0, from);
      below = found.slice(to);
      found.length = 0;
      clock.viewportDrawn();
    };

    /** Turns a window's matches into highlights to draw, in the viewport's share or the rest. */
    const take = ({ from, text }: TextWindow, matches: readonly PageMatch[]) => {
      let script: Script | null | undefined;
      for (const match of matches) {
        const range: PendingHighlight = {
          ...toRawRange(collected, match.start + from, match.end + from),
          record: { entry: match.entry, figure: match.figure, elements: [], range: null },
        };
        if (!shows(range.node) || !shows(range.lastNode)) continue;
        if (shown && !match.figure) {
          // A window in one script (most are) tells its blocks' script without reading them again.
          script ??= singleScript(text);
          if (!shown.note(sections!.sectionOf(range.node, range.start, script), match.entry.id)) continue;
        }
        all.push(range);
        (clock.timing.viewportMs === null ? found : below).push(range);
      }
    };

    try {
      // Windows read and not yet sent: the first request goes once the text read passes the
      // viewport's bottom (what is in view can then be drawn), the next ones by MATCH_BATCH_CHARS.
      let batch: TextWindow[] = [];
      let batchChars = 0;
      for (;;) {
        if (overBudget() && !(await yieldAndCheck())) break;
        const window = clock.time('collectMs', () => collected.nextWindow(MATCH_WINDOW_CHARS));
        if (window !== null) {
          batch.push(window);
          batchChars += window.text.length;
        }
        // Matching on cannot add a highlight in view once the text read has passed the viewport's bottom.
        const lastRead =
          window !== null && clock.timing.viewportMs === null
            ? nodeAt(collected, window.from + window.text.length - 1)
            : null;
        const pastViewport = lastRead !== null && isBelowViewport(extentOf(lastRead), viewport.height());
        if (batch.length > 0 && (window === null || pastViewport || batchChars >= MATCH_BATCH_CHARS)) {
          const answer = await matchBatch(batch);
          if (answer === null) break;
          batch.forEach((read, k) => take(read, answer[k]!));
          batch = [];
          batchChars = 0;
          if (pastViewport) drawInView();
        }
        if (window === null) break;
      }
      if (!stale && !this.destroyed && clock.timing.viewportMs === null) drawInView();
      // The rest, below the viewport first (where a reader goes next), in steps sized to the budget.
      const rest = [...below, ...above];
      let done = 0;
      let drawRate = INITIAL_DRAW_RATE;
      // The pass's first task keeps its whole budget: a short article is then drawn in one go.
      const drawBudget = () => (inIdleTime ? Math.min(budget, DRAW_BUDGET_MS) : budget);
      while (done < rest.length && !stale && !this.destroyed) {
        if (clock.inTask() >= drawBudget() && !(await yieldAndCheck())) break;
        // A step fills what is left of the budget, at most DRAW_STEP_MS, at the last step's rate.
        const size = Math.round(drawRate * Math.min(drawBudget() - clock.inTask(), DRAW_STEP_MS));
        const stepStartedAt = performance.now();
        const step = rest.slice(done, done + Math.max(MIN_STEP, size));
        draw(step);
        done += step.length;
        drawRate = step.length / Math.max(performance.now() - stepStartedAt, 0.25);
      }
    } finally {
      watcher?.disconnect();
    }
    const records = all.map((r) => r.record).filter((record) => record.elements.length > 0 || record.range !== null);
    const timing = clock.finish();
    timing.highlights = records.length;
    performance.measure('crosscheck:annotate', { start: clock.startedAt, end: performance.now(), detail: timing });
    this.changes++;
    this.options.onPass?.();
    if (stale && restartsLeft > 0 && !this.destroyed)
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
      const answer = await this.matching.matchWindows([batch], namedInFull, true);
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
    isSkippedElement(element, this.options.isExcluded, this.options.includeEditable);

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
