/**
 * What one annotation pass cost, recorded as the `detail` of its `crosscheck:annotate` measure so
 * that the benchmark (and anyone profiling a page) can read it. Milliseconds throughout.
 */
export interface PassTiming {
  /** Main-thread time: the sum of the pass's tasks (its duration also counts the page's turns between them). */
  busyMs: number;
  tasks: number;
  /** The longest of those tasks. */
  longestTaskMs: number;
  /** From the pass's start until the highlights in and near the viewport were drawn; null when it stopped first. */
  viewportMs: number | null;
  /** Getting the matcher: loading it on a page's first pass, nothing after. */
  matcherMs: number;
  /** Reading the article's text. */
  collectMs: number;
  /** Finding terms: the automaton's scan and the choice among its candidates. */
  matchMs: number;
  /** Reading the numbers of sentences that name a claim, linking and judging them. */
  figuresMs: number;
  /** Drawing the highlights. */
  wrapMs: number;
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
    matcherMs: 0,
    collectMs: 0,
    matchMs: 0,
    figuresMs: 0,
    wrapMs: 0,
    highlights: 0,
  };
  readonly startedAt: number;
  private taskStartedAt: number;
  /** Time spent so far in phases running inside the current one (it is theirs, not its). */
  private nested = 0;

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

  /** Runs `work`, adding its time to `phase`, less the time of phases timed inside it. */
  time<T>(phase: 'matcherMs' | 'collectMs' | 'matchMs' | 'figuresMs' | 'wrapMs', work: () => T): T {
    const started = this.now();
    const outer = this.nested;
    this.nested = 0;
    try {
      return work();
    } finally {
      const spent = this.now() - started;
      this.timing[phase] += spent - this.nested;
      this.nested = outer + spent;
    }
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
