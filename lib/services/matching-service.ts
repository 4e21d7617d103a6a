import { checkFigure, type FigureCheck } from '../matching/figure-check';
import {
  loadPageMatcher,
  matchPage,
  type PageMatch,
  type PageMatcher,
  type PrecompiledPageMatcher,
} from '../matching/page-matcher';
import type { IndexedEntry } from '../kb/types';

/**
 * The matching the background runs for every tab: one engine, kept warm from page to page, around
 * the build's page matcher and the reader's tracked terms; and the interface its client in the
 * content script shares (PageMatching).
 */

/** What matching a request's windows cost where it ran, in milliseconds. */
export interface MatchingTiming {
  /** Loading the page matcher, when this request was the first after a start or a change of tracked terms. */
  readonly matcherMs: number;
  /** Finding terms: the automaton's scan and the choice among its candidates. */
  readonly matchMs: number;
  /** Reading the numbers of sentences that name a claim, linking and judging them. */
  readonly figuresMs: number;
}

export interface WindowMatches {
  /** For each window asked about, in order, its matches, with offsets into that window's text. */
  readonly matches: readonly (readonly PageMatch[])[];
  /** The entries named in full once the last window is read: the page's memory for its next request. */
  readonly namedInFull: readonly string[];
  readonly timing: MatchingTiming;
}

/** What a request's windows are matched with, besides their text. */
export interface WindowContext {
  /** The entries the page has named in full before the first window. */
  readonly namedInFull: readonly string[];
  /**
   * Whether the reader's tracked terms are matched too, decided per request (the reader chooses
   * where a page may see them highlighted).
   */
  readonly withTracked: boolean;
}

/**
 * Where a page's text is matched against the knowledge base: in the extension's background for a
 * content script (see matching-client.ts), in process for tests and the engine's benchmark.
 */
export interface PageMatching {
  /**
   * Matches windows of a page's text in reading order, as one pass over their concatenation would
   * (see matchPage).
   */
  matchWindows(windows: readonly string[], context: WindowContext): Promise<WindowMatches>;
  /** "Check this figure" on a selection: `context` is its block's text, `start`…`end` the selection in it. */
  checkFigure(context: string, start: number, end: number): Promise<FigureCheck>;
}

export interface EngineOptions {
  /** The clock its timings are read from (tests set their own). */
  readonly now?: () => number;
  /**
   * Text `warmUp` matches once: the matching's code then runs for the first time there, not on a
   * page's first request. A freshly started worker takes about 20 ms to match its first text, and
   * a few warm.
   */
  readonly warmUpText?: string;
}

/**
 * The matching itself, around a page matcher loaded on first use and again after `reset` (the
 * reader's tracked terms changed). The background keeps one for every page, warm from one page to
 * the next; tests keep one in process.
 */
export class MatchingEngine implements PageMatching {
  private matcher: Promise<PageMatcher> | null = null;
  private warmedUp = false;

  private readonly now: () => number;
  private readonly warmUpText: string;

  constructor(
    private readonly load: () => PageMatcher | Promise<PageMatcher>,
    { now = () => performance.now(), warmUpText = '' }: EngineOptions = {},
  ) {
    this.now = now;
    this.warmUpText = warmUpText;
  }

  /**
   * Gets ready for a page's first request (the background calls it as a tab starts loading): loads
   * the matcher meanwhile. Never fails.
   */
  prepare(): void {
    this.current().catch(() => undefined);
  }

  /**
   * Loads the matcher, then matches the warm-up text, once in the engine's life, if `wanted` says
   * so (asked only while the engine is not warm yet) and no page's request came first: a request
   * warms the code up itself, and the warm-up would only delay it.
   */
  warmUp(wanted: () => Promise<boolean> = async () => true): void {
    if (this.warmedUp || this.warmUpText === '') return;
    Promise.all([this.current(), wanted()])
      .then(([matcher, yes]) => {
        if (!yes || this.warmedUp) return;
        this.warmedUp = true;
        matchPage(matcher, this.warmUpText, new Set());
      })
      .catch(() => undefined);
  }

  /** Forgets the matcher: the next request loads it anew. */
  reset(): void {
    this.matcher = null;
  }

  async matchWindows(windows: readonly string[], { namedInFull, withTracked }: WindowContext): Promise<WindowMatches> {
    this.warmedUp = true;
    const loadStarted = this.now();
    const loading = this.matcher === null;
    const matcher = await this.current();
    const matcherMs = loading ? this.now() - loadStarted : 0;
    const named = new Set(namedInFull);
    let figuresMs = 0;
    const timeFigures = <T>(work: () => T): T => {
      const started = this.now();
      try {
        return work();
      } finally {
        figuresMs += this.now() - started;
      }
    };
    const started = this.now();
    const matches = windows.map((text) => matchPage(matcher, text, named, { withTracked, timeFigures }));
    const matchMs = this.now() - started - figuresMs;
    return { matches, namedInFull: [...named], timing: { matcherMs, matchMs, figuresMs } };
  }

  async checkFigure(context: string, start: number, end: number): Promise<FigureCheck> {
    const matcher = await this.current();
    const claims = [...matcher.figureEntries.values()].map(({ claim }) => claim);
    return checkFigure(matcher.figures, claims, context, start, end);
  }

  private current(): Promise<PageMatcher> {
    if (this.matcher === null) {
      const loading = Promise.resolve().then(this.load);
      // A failed load is not kept: the next request tries again.
      loading.catch(() => {
        if (this.matcher === loading) this.matcher = null;
      });
      this.matcher = loading;
    }
    return this.matcher;
  }
}

/**
 * The background's engine: the build's page matcher with the reader's tracked terms. Until
 * `track` is told them (the background reads its database at start), the terms stored last stand
 * in; a `track` with other terms than those the matcher was loaded with makes the next request
 * load it anew, and one with the same terms (the database read at start, most often) changes
 * nothing.
 */
export function trackingEngine(
  data: PrecompiledPageMatcher,
  storedTerms: () => Promise<readonly IndexedEntry[]>,
  warmUpText = '',
): { readonly engine: MatchingEngine; track(entries: readonly IndexedEntry[]): void } {
  let tracked: readonly IndexedEntry[] | null = null;
  const engine = new MatchingEngine(
    async () => {
      const stored = await storedTerms();
      // Terms told while the stored ones were read are newer: they stand.
      tracked ??= stored;
      return loadPageMatcher(data, [...tracked]);
    },
    { warmUpText },
  );
  return {
    engine,
    track(entries) {
      const changed = tracked !== null && JSON.stringify(entries) !== JSON.stringify(tracked);
      tracked = entries;
      if (changed) engine.reset();
    },
  };
}
