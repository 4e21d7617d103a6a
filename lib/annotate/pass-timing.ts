import type { MatchingTiming } from '../services/matching-service';

/** Timing an annotation pass task by task, for its `crosscheck:annotate` measure. */

/**
 * What one annotation pass cost, recorded as the `detail` of its `crosscheck:annotate` measure so
 * that the benchmark (and anyone profiling a page) can read it. Milliseconds throughout. The
 * page's main thread reads the text and draws; the matching runs in the background (see
 * matching-client.ts), and its phases are as it reported them, not part of `busyMs`.
 */
export interface PassTiming {
  /** Main-thread time: the sum of the pass's tasks (its duration also counts the page's turns between them). */
  busyMs: number;
  tasks: number;
  /** The longest of those tasks. */
  longestTaskMs: number;
  /** From the pass's start until the highlights in and near the viewport were drawn; null when it stopped first. */
  viewportMs: number | null;
  /** Reading the article's text (main thread). */
  collectMs: number;
  /** Drawing the highlights (main thread). */
  wrapMs: number;
  /** Requests sent to be matched, and the time from sending each until its answer came, summed. */
  requests: number;
  waitMs: number;
  /** Where the matching ran: loading the matcher (when the pass's requests were its first), finding terms, figures. */
  matcherMs: number;
  matchMs: number;
  figuresMs: number;
  /** Highlights drawn. */
  highlights: number;
}

/** Counts a pass's main-thread time task by task: `resume` when a task of it starts, `pause` before it yields. */
export class PassClock {
  readonly timing: PassTiming = {
    busyMs: 0,
    tasks: 0,
    longestTaskMs: 0,
    viewportMs: null,
    collectMs: 0,
    wrapMs: 0,
    requests: 0,
    waitMs: 0,
    matcherMs: 0,
    matchMs: 0,
    figuresMs: 0,
    highlights: 0,
  };
  readonly startedAt: number;
  private taskStartedAt: number;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.startedAt = this.taskStartedAt = now();
    this.timing.tasks = 1;
  }

  /** Time spent in the current task so far. */
  inTask(): number {
    return this.now() - this.taskStartedAt;
  }

  pause(): void {
    const task = this.now() - this.taskStartedAt;
    this.timing.busyMs += task;
    this.timing.longestTaskMs = Math.max(this.timing.longestTaskMs, task);
  }

  resume(): void {
    this.taskStartedAt = this.now();
    this.timing.tasks++;
  }

  /** Runs `work`, adding its time to `phase`. */
  time<T>(phase: 'collectMs' | 'wrapMs', work: () => T): T {
    const started = this.now();
    try {
      return work();
    } finally {
      this.timing[phase] += this.now() - started;
    }
  }

  /** Notes an answer to a request for matching, `waited` after it was sent, and what the matching reported (none when it failed). */
  answered(waited: number, matching: MatchingTiming | undefined): void {
    this.timing.requests++;
    this.timing.waitMs += waited;
    this.timing.matcherMs += matching?.matcherMs ?? 0;
    this.timing.matchMs += matching?.matchMs ?? 0;
    this.timing.figuresMs += matching?.figuresMs ?? 0;
  }

  /** Notes that the highlights in view are drawn (once). */
  viewportDrawn(): void {
    this.timing.viewportMs ??= this.now() - this.startedAt;
  }

  /** The timing at the pass's end (the current task closed). */
  finish(): PassTiming {
    this.pause();
    return this.timing;
  }
}
