/**
 * The annotation engine as the content script runs it (same modules), bundled for the benchmark
 * page, side by side with the naive baseline: mark.js `mark(array)` with the same terms.
 */
import './page-i18n';
import Mark from 'mark.js';
import { LiveAnnotator } from '@/lib/page-life/live-annotator';
import { findCueMatches } from '@/lib/figures/linker';
import { findFigures } from '@/lib/figures/number-parser';
import { sentenceAround } from '@/lib/text/excerpt';
import { kbIndex } from '@/lib/kb/index-data';
import { createPageMatcher, loadPageMatcher, type PageMatcher } from '@/lib/matching/page-matcher';
import { precompiledPageMatcher } from '@/lib/matching/page-matcher-data';
import { MatchingEngine } from '@/lib/services/matching-service';
import type { IndexedEntry } from '@/lib/kb/types';
import { findArticleRoot } from '@/lib/article/finder';
import { isRendered, isSkippedElement } from '@/lib/article/exclusions';
import { collectText } from '@/lib/article/text-collector';
import type { PassMeasure } from './pass-measure';

/** What the number parser costs on a page's sentences that name a figure cue, run cold. */
export interface NumberParserCost {
  readonly sentences: number;
  /** Its first call: the scanner's expression is compiled then. */
  readonly firstMs: number;
  /** The other sentences, on average. */
  readonly perSentenceMs: number | null;
}

export interface RunResult {
  readonly ms: number;
  readonly marks: number;
  readonly longTasks: number;
  readonly longestTaskMs: number;
  /** The `detail` of the run's `crosscheck:annotate` measure, with its duration; null for the naive baseline. */
  readonly pass: PassMeasure | null;
}

/** The last `crosscheck:annotate` measure on the page, or null. */
function lastPass(): PassMeasure | null {
  const entry = performance.getEntriesByName('crosscheck:annotate').at(-1) as PerformanceMeasure | undefined;
  if (!entry) return null;
  const detail =
    typeof entry.detail === 'object' && entry.detail !== null ? (entry.detail as Record<string, unknown>) : null;
  return { startTime: entry.startTime, duration: entry.duration, detail };
}

const NAIVE_CHUNK = 100;

// As the content script does: the matcher the build compiled (other term sets are compiled here).
let matcher: PageMatcher = loadPageMatcher(precompiledPageMatcher);
let terms: string[] = kbIndex.entries.flatMap((e) => e.forms.map((f) => f.text));

function root(): HTMLElement {
  return (findArticleRoot(document) ?? document.body) as HTMLElement;
}

async function withLongTasks(run: () => Promise<number>): Promise<Omit<RunResult, 'marks' | 'pass'>> {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
  observer.observe({ type: 'longtask' });
  const ms = await run();
  // Long-task entries are delivered after the task ends: give them a turn.
  await new Promise((resolve) => setTimeout(resolve, 50));
  tasks.push(...observer.takeRecords().map((e) => e.duration));
  observer.disconnect();
  return { ms, longTasks: tasks.length, longestTaskMs: Math.max(0, ...tasks) };
}

const bench = {
  /** Uses the knowledge base's forms plus `extra` made-up terms (null: the knowledge base alone). */
  useTerms(extra: readonly string[] | null, replace = false): number {
    const entries: IndexedEntry[] = [
      ...(replace ? [] : kbIndex.entries),
      ...(extra ?? []).map((text, i) => ({
        id: `synthetic-${i}`,
        category: 'concept' as const,
        label: text,
        forms: [{ text, caseSensitive: false, shortForm: false }],
      })),
    ];
    matcher = createPageMatcher({ entries, figures: replace ? [] : kbIndex.figures, sourceCount: kbIndex.sourceCount });
    terms = entries.flatMap((e) => e.forms.map((f) => f.text));
    return terms.length;
  },

  async crosscheck(): Promise<RunResult> {
    // As the content script runs it: the live annotator and its one observer around the highlighter,
    // with the matching in process (the extension's runs in its background): its time is then the
    // page's main thread's too, reported apart from the pass's own tasks (see mainThreadMs).
    const annotator = new LiveAnnotator(root(), new MatchingEngine(() => matcher), { isRendered });
    const timing = await withLongTasks(async () => {
      const started = performance.now();
      await annotator.start();
      return performance.now() - started;
    });
    const marks = annotator.highlighter.highlights().filter((m) => !m.hasAttribute('data-crosscheck-continued')).length;
    annotator.destroy();
    return { ...timing, marks, pass: lastPass() };
  },

  async naive(): Promise<RunResult> {
    const article = root();
    let marks = 0;
    const timing = await withLongTasks(async () => {
      const started = performance.now();
      // mark(array) recurses once per term and overflows the stack past a few hundred terms, so
      // the baseline hands it the terms in arrays of NAIVE_CHUNK: the same work, term by term.
      for (let i = 0; i < terms.length; i += NAIVE_CHUNK) {
        new Mark(article).mark(terms.slice(i, i + NAIVE_CHUNK), {
          separateWordSearch: false,
          acrossElements: true,
          exclude: ['script', 'style', 'code', 'pre', 'textarea', 'input', 'button'],
          done: (count) => {
            marks += count;
          },
        });
      }
      return performance.now() - started;
    });
    new Mark(article).unmark();
    return { ...timing, marks, pass: null };
  },

  /**
   * The number parser over every sentence of the article that names a figure cue (the figure
   * linker parses those where a claim can be complete: a subset), in a page where it has not run.
   */
  numberParser(): NumberParserCost {
    const { text } = collectText(root(), (element) => isSkippedElement(element));
    const sentences = new Map<number, number>();
    for (const cue of findCueMatches(matcher.figures, text)) {
      const [from, to] = sentenceAround(text, cue.start, cue.end, { linesAreParagraphs: false });
      sentences.set(from, to);
    }
    const [first, ...rest] = sentences;
    if (!first) return { sentences: 0, firstMs: 0, perSentenceMs: null };
    const started = performance.now();
    findFigures(text, ...first);
    const firstDone = performance.now();
    for (const [from, to] of rest) findFigures(text, from, to);
    const restDone = performance.now();
    return {
      sentences: sentences.size,
      firstMs: firstDone - started,
      perSentenceMs: rest.length ? (restDone - firstDone) / rest.length : null,
    };
  },

  /** Characters of text in the article as the engine finds it, as a reader sees them. */
  articleChars(): number {
    return root().innerText.length;
  },
};

(window as unknown as { crosscheckBench: typeof bench }).crosscheckBench = bench;
