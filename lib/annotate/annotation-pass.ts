import type { HighlightStyles } from './highlight-styles';
import type { PageMatch } from '../matching/page-matcher';
import type { PageMatching } from '../services/matching-service';
import { isWithinSkipped } from '../article/exclusions';
import { singleScript, type Script } from '../text/scripts';
import { SectionCursor, type FirstMentions } from '../article/sections';
import { nodeAt, textCollector, toRawRange, type TextCollector, type TextWindow } from '../article/text-collector';
import { PassClock } from './pass-timing';
import { isBelowViewport, nearViewport, type VerticalExtent } from './viewport';
import type { HighlightRecord, PendingHighlight, Renderer } from './renderer';

/**
 * One annotation pass over an article's text (see AnnotationPass): reading it, having it matched
 * in the background, and drawing what is in view first, the rest in slices that yield to the page.
 */

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
 * task near its budget (see docs/decisions.md, "Drawing").
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
export const MATCH_BATCH_CHARS = 50_000;
/** Highlights drawn in a step, at the least. */
const MIN_STEP = 10;

/** The viewport as a pass sees it: its height, and where a text node lies relative to its top. */
export interface Viewport {
  height(): number;
  extentOf(node: Text): VerticalExtent;
}

/** What a pass uses of the highlighter that runs it. */
export interface PassContext {
  /** The article: its sections decide calm highlighting. */
  readonly root: Element;
  readonly matching: PageMatching;
  readonly renderer: Renderer;
  readonly isSkipped: (element: Element) => boolean;
  /** How the pass gives the page its turn, and waits for idle time (see HighlighterOptions). */
  readonly yieldToPage: () => Promise<void>;
  readonly yieldUntilIdle: () => Promise<number>;
  readonly viewport: Viewport;
  readonly isRendered?: (element: Element) => boolean;
  /** A count of the page's own edits under the root; without it the pass watches for edits itself. */
  readonly pageEdits?: () => number;
  readonly withTracked: boolean;
  /**
   * For calm highlighting, reads the entries each section shows now (from what is on the page, so
   * a first mention the page re-rendered away is drawn again); null to highlight every mention.
   */
  readonly shownNow: (() => FirstMentions) | null;
  /** The entries named in full so far on the page: read by each request, replaced by its answer. */
  readonly memory: { namedInFull: readonly string[] };
  /** Whether the highlighter was destroyed: the pass stops. */
  readonly destroyed: () => boolean;
  /** Runs one of our own DOM changes (see HighlighterOptions.ownMutations). */
  readonly mutate: (change: () => void) => void;
  /** Keeps a drawn record. */
  readonly remember: (record: HighlightRecord) => void;
  /** The highlights' stylesheet, added with the first highlight drawn (see HighlighterOptions.styles). */
  readonly styles?: HighlightStyles;
}

/**
 * One pass over the text under `scope`: reads it window by window in reading order and sends it
 * to be matched, first up to the viewport's bottom, whose highlights are drawn as soon as the
 * answer comes, then the rest in batches, drawn in the browser's idle time in slices that yield to
 * the page. `stale` once the page edited the text meanwhile: the pass stops, and its caller may
 * run another.
 */
export class AnnotationPass {
  stale = false;
  private readonly clock = new PassClock();
  /** Read a window ahead of the matching, so a long article's first task reads what is in view, not all of it. */
  private readonly collected: TextCollector;
  private readonly edits: EditWatch;
  /** Budget of the current task: a slice's worth, or what the idle period has left. */
  private budget = SLICE_BUDGET_MS;
  /** Whether the current task runs in idle time (after the highlights in view are drawn). */
  private inIdleTime = false;
  private readonly rendered = new Map<Element, boolean>();
  private readonly extents = new Map<Element | null, VerticalExtent>();
  private readonly shown: FirstMentions | null;
  private readonly sections: SectionCursor | null;
  /** Every highlight of the pass, in reading order. */
  private readonly all: PendingHighlight[] = [];
  /** Found and not drawn yet while the viewport's are not drawn; then the rest, below it and above it. */
  private readonly found: PendingHighlight[] = [];
  private below: PendingHighlight[] = [];
  private above: PendingHighlight[] = [];

  constructor(
    private readonly scope: Element,
    private readonly context: PassContext,
  ) {
    this.collected = textCollector(scope, context.isSkipped);
    this.edits = new EditWatch(scope, context.pageEdits);
    this.shown = context.shownNow?.() ?? null;
    this.sections =
      this.shown &&
      new SectionCursor(context.root, {
        scope,
        isSkipped: (heading) => isWithinSkipped(heading, scope, context.isSkipped),
        rawStartOf: (heading) => this.collected.blocks.get(heading)?.rawStart,
      });
  }

  /** Runs the pass; resolves with the records it drew, and records its timing as `crosscheck:annotate`. */
  async run(): Promise<HighlightRecord[]> {
    try {
      await this.readAndMatch();
      if (!this.stopped() && this.clock.timing.viewportMs === null) this.drawInView();
      await this.drawRest();
    } finally {
      this.edits.stop();
    }
    const records = this.all
      .map((r) => r.record)
      .filter((record) => record.elements.length > 0 || record.range !== null);
    const timing = this.clock.finish();
    timing.highlights = records.length;
    performance.measure('crosscheck:annotate', { start: this.clock.startedAt, end: performance.now(), detail: timing });
    return records;
  }

  /**
   * Reads the text a window at a time and sends it to be matched: the first request once the text
   * read passes the viewport's bottom (what is in view can then be drawn), the next ones by
   * MATCH_BATCH_CHARS.
   */
  private async readAndMatch(): Promise<void> {
    let batch: TextWindow[] = [];
    let batchChars = 0;
    for (;;) {
      if (this.clock.inTask() >= this.budget && !(await this.yieldAndCheck())) return;
      const window = this.clock.time('collectMs', () => this.collected.nextWindow(MATCH_WINDOW_CHARS));
      if (window !== null) {
        batch.push(window);
        batchChars += window.text.length;
      }
      const pastViewport = window !== null && this.readPastViewport(window);
      if (batch.length > 0 && (window === null || pastViewport || batchChars >= MATCH_BATCH_CHARS)) {
        const answer = await this.matchBatch(batch);
        if (answer === null) return;
        batch.forEach((read, k) => this.take(read, answer[k]!));
        batch = [];
        batchChars = 0;
        if (pastViewport) this.drawInView();
      }
      if (window === null) return;
    }
  }

  /** Whether `window` ends below the viewport, while its highlights are not drawn: matching on cannot add one in view. */
  private readPastViewport(window: TextWindow): boolean {
    if (this.clock.timing.viewportMs !== null) return false;
    const lastRead = nodeAt(this.collected, window.from + window.text.length - 1);
    return lastRead !== null && isBelowViewport(this.extentOf(lastRead), this.context.viewport.height());
  }

  /** The rest, below the viewport first (where a reader goes next), in steps sized to the budget. */
  private async drawRest(): Promise<void> {
    const rest = [...this.below, ...this.above];
    let done = 0;
    let drawRate = INITIAL_DRAW_RATE;
    // The pass's first task keeps its whole budget: a short article is then drawn in one go.
    const drawBudget = () => (this.inIdleTime ? Math.min(this.budget, DRAW_BUDGET_MS) : this.budget);
    while (done < rest.length && !this.stopped()) {
      if (this.clock.inTask() >= drawBudget() && !(await this.yieldAndCheck())) return;
      // A step fills what is left of the budget, at most DRAW_STEP_MS, at the last step's rate.
      const size = Math.round(drawRate * Math.min(drawBudget() - this.clock.inTask(), DRAW_STEP_MS));
      const stepStartedAt = performance.now();
      const step = rest.slice(done, done + Math.max(MIN_STEP, size));
      this.draw(step);
      done += step.length;
      drawRate = step.length / Math.max(performance.now() - stepStartedAt, 0.25);
    }
  }

  private stopped(): boolean {
    return this.stale || this.context.destroyed();
  }

  /**
   * Gives the page its turn, promptly until the highlights in view are drawn, then until the
   * browser is idle; false when the pass must stop (destroyed, or the text changed).
   */
  private async yieldAndCheck(): Promise<boolean> {
    this.clock.pause();
    this.inIdleTime = this.clock.timing.viewportMs !== null;
    if (this.inIdleTime) {
      this.budget = Math.min(SLICE_BUDGET_MS, await this.context.yieldUntilIdle());
    } else {
      await this.context.yieldToPage();
      this.budget = SLICE_BUDGET_MS;
    }
    this.clock.resume();
    return this.stillValid();
  }

  /** After a wait: false when the pass must stop (destroyed, or the text changed meanwhile). */
  private stillValid(): boolean {
    if (this.context.destroyed()) return false;
    if (this.edits.editedSinceStart() || !this.scope.isConnected) this.stale = true;
    return !this.stale;
  }

  /**
   * Sends windows read to be matched; the page has the main thread while the answer comes. Null
   * when the pass must stop: the page changed meanwhile, or nobody answers (the extension was
   * updated or removed under the page: its highlights stay as they are).
   */
  private async matchBatch(windows: readonly TextWindow[]): Promise<readonly (readonly PageMatch[])[] | null> {
    const { matching, memory, withTracked } = this.context;
    const asked = performance.now();
    // Sending (the browser serialises the message now) is the task's work; the wait is not.
    const answering = matching
      .matchWindows(
        windows.map((window) => window.text),
        { namedInFull: memory.namedInFull, withTracked },
      )
      .catch(() => null);
    this.clock.pause();
    const answer = await answering;
    this.clock.resume();
    this.clock.answered(performance.now() - asked, answer?.timing);
    if (answer === null) return null;
    memory.namedInFull = answer.namedInFull;
    return this.stillValid() ? answer.matches : null;
  }

  /** Turns a window's matches into highlights to draw, in the viewport's share or the rest. */
  private take({ from, text }: TextWindow, matches: readonly PageMatch[]): void {
    const { shown } = this;
    let script: Script | null | undefined;
    for (const match of matches) {
      const range: PendingHighlight = {
        ...toRawRange(this.collected, match.start + from, match.end + from),
        record: { entry: match.entry, figure: match.figure, elements: [], range: null },
      };
      if (!this.shows(range.node) || !this.shows(range.lastNode)) continue;
      if (shown && !match.figure) {
        // A window in one script (most are) tells its blocks' script without reading them again.
        script ??= singleScript(text);
        if (!shown.note(this.sections!.sectionOf(range.node, range.start, script), match.entry.id)) continue;
      }
      this.all.push(range);
      (this.clock.timing.viewportMs === null ? this.found : this.below).push(range);
    }
  }

  private drawInView(): void {
    const { found } = this;
    const [from, to] = nearViewport(found.length, (i) => this.extentOf(found[i]!.node), this.context.viewport.height());
    if (to > from) this.draw(found.slice(from, to));
    this.above = found.slice(0, from);
    this.below = found.slice(to);
    found.length = 0;
    this.clock.viewportDrawn();
  }

  private draw(slice: readonly PendingHighlight[]): void {
    const { renderer, mutate, remember } = this.context;
    this.clock.time('wrapMs', () => {
      this.context.styles?.adopt();
      mutate(() => renderer.render(this.scope, slice, this.collected));
    });
    for (const { record } of slice) remember(record);
    this.edits.forgetOwn();
  }

  /** Whether a text node renders (asked once per parent element, and only of nodes that hold a match). */
  private shows(node: Text): boolean {
    const parent = node.parentElement;
    const { isRendered } = this.context;
    if (!parent || !isRendered) return true;
    let answer = this.rendered.get(parent);
    if (answer === undefined) this.rendered.set(parent, (answer = isRendered(parent)));
    return answer;
  }

  private extentOf(node: Text): VerticalExtent {
    const parent = node.parentElement;
    let extent = this.extents.get(parent);
    if (!extent) this.extents.set(parent, (extent = this.context.viewport.extentOf(node)));
    return extent;
  }
}

/**
 * Sees the page's own edits between a pass's tasks: its offsets are then stale, so the rest starts
 * over. With a live annotator the page's edits are counted by its observer (`pageEdits`); alone,
 * the pass watches itself (its own records are taken synchronously after each slice, so only the
 * page's reach the callback).
 */
class EditWatch {
  private readonly atStart: number | undefined;
  private edited = false;
  private readonly observer: MutationObserver | null;

  constructor(
    scope: Element,
    private readonly pageEdits: (() => number) | undefined,
  ) {
    this.atStart = pageEdits?.();
    this.observer =
      this.atStart === undefined
        ? new MutationObserver(() => {
            this.edited = true;
          })
        : null;
    this.observer?.observe(scope, { childList: true, characterData: true, subtree: true });
  }

  editedSinceStart(): boolean {
    return this.atStart === undefined
      ? this.edited || (this.observer?.takeRecords().length ?? 0) > 0
      : this.pageEdits?.() !== this.atStart;
  }

  /** Drops the records of our own changes just made. */
  forgetOwn(): void {
    this.observer?.takeRecords();
  }

  stop(): void {
    this.observer?.disconnect();
  }
}
