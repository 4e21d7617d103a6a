/**
 * `npm run bench:sources` (the end of `npm run bench`): the reader's own sources at scale, in
 * Chromium's real IndexedDB in the built extension's own origin (an extension page runs the
 * shipped modules). Generates 10,000 saved articles (~50 MB of text), then times:
 *   - saving one more article, indexing and comparison included;
 *   - a card's data with own sources;
 *   - tracking a new term: searching all 10,000 in chunks, with progress;
 * and reports the page's JavaScript heap after a collection (articles are read a chunk at a time,
 * never all held), and the storage used. Then imports a knowledge pack of 20,000 generated articles
 * (about 50 MB) through the options page's own import control, as a reader does, and reports how
 * long it took and the longest task on the options page meanwhile (its import worker does the work).
 *
 * Each figure is printed with its target and whether it was met; a full run (10,000 articles) writes
 * the table to docs/performance.md. `--articles N` changes the corpus size; `--quick` uses 500, to
 * try the script out (neither writes to the doc).
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumVersion, launchWithExtension } from '../harness/chromium';
import { builtExtensionPath } from '../harness/extension';
import { median } from '../harness/median';
import { bundleForPage } from '../harness/page-script';
import { generatedArticle } from './generated-articles';
import { machineDescription, writeRegion } from './performance-doc';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, articles: { type: 'string' } },
});
/** The corpus of a full run, whose figures go to the doc. */
const FULL_ARTICLES = 10_000;
const ARTICLES = Number(values.articles ?? (values.quick ? 500 : FULL_ARTICLES));
const SAVES = values.quick ? 3 : 15;
const CARDS = values.quick ? 3 : 20;
const PACK_ARTICLES = values.quick ? 500 : 20_000;

/** A knowledge pack of generated articles of about 2,500 characters: its path and size. */
async function writePack(count: number): Promise<{ path: string; bytes: number }> {
  const articles = Array.from({ length: count }, (_, n) => {
    const { text, metadata } = generatedArticle(1_000_000 + n, 2500);
    return { ...metadata, savedAt: 1_750_000_000_000 + n, text };
  });
  const json = JSON.stringify({
    format: 'crosscheck-knowledge-pack',
    version: 1,
    exportedAt: new Date().toISOString(),
    articles,
    tracked: [],
  });
  const path = join(tmpdir(), `crosscheck-bench-pack-${process.pid}.json`);
  await writeFile(path, json);
  return { path, bytes: Buffer.byteLength(json) };
}

const ms = (x: number) => x.toFixed(1);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** One figure: what was measured, and the most it may be (null: no target). */
interface Row {
  readonly what: string;
  readonly measured: string;
  /** The figure held to the target (the median, or the one measurement). */
  readonly value: number | null;
  readonly target: number | null;
}

const verdict = ({ value, target }: Row) =>
  target === null ? '' : value === null ? '?' : value <= target ? 'yes' : 'no';

function table(rows: readonly Row[]): string[] {
  return [
    '| my sources, Chromium IndexedDB | measured | target | met |',
    '| --- | ---: | ---: | --- |',
    ...rows.map(
      (row) => `| ${row.what} | ${row.measured} | ${row.target === null ? '' : `≤ ${row.target}`} | ${verdict(row)} |`,
    ),
  ];
}

interface Bench {
  generate(count: number): Promise<{ chars: number; ms: number }>;
  saveOne(n: number): Promise<number>;
  card(entryId: string): Promise<{ ms: number; mentioning: number }>;
  track(label: string): Promise<{ ms: number; steps: number; found: number }>;
  entryIds(): string[];
  storageUsed(): Promise<number | null>;
  close(): void;
}

/** Calls the bundled bench's `name` in the page with `args`. */
type Call = <R>(name: keyof Bench, ...args: unknown[]) => Promise<R>;

async function main(): Promise<void> {
  const machine = machineDescription();
  const code = await bundleForPage('tests/bench/my-sources-entry.ts');
  const browser = await launchWithExtension(builtExtensionPath());
  try {
    const page = await browser.context.newPage();
    // An extension page: the extension's own origin, whose IndexedDB the background uses.
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // Evaluated, as the extension pages' CSP allows no injected script tag.
    await page.evaluate((source) => (0, eval)(source), code);
    const call: Call = (name, ...args) =>
      page.evaluate(
        ([fn, list]) =>
          (globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)
            .crosscheckSourcesBench![fn as string]!(...(list as unknown[])),
        [name, args] as const,
      ) as never;
    const cdp = await browser.context.newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };

    console.log(`my sources: generating ${ARTICLES.toLocaleString('en')} saved articles…`);
    const generated = await call<{ chars: number; ms: number }>('generate', ARTICLES);
    console.log(
      `my sources: ${ARTICLES.toLocaleString('en')} articles, ${(generated.chars / 1e6).toFixed(1)} MB of text (ASCII) in ${(generated.ms / 1000).toFixed(0)} s`,
    );
    const heapBefore = await heap();

    const saves: number[] = [];
    for (let i = 0; i < SAVES; i++) saves.push(await call<number>('saveOne', ARTICLES + i));

    const ids = await call<string[]>('entryIds');
    const cards: { ms: number; mentioning: number }[] = [];
    for (let i = 0; i < CARDS; i++) cards.push(await call('card', ids[(i * 7) % ids.length]));

    const tracked = await call<{ ms: number; steps: number; found: number }>('track', 'budget tax');
    const heapAfter = await heap();
    const storage = await call<number | null>('storageUsed');

    // The import, as a reader runs it: the options page's file input, its worker, its result sentence.
    const pack = await writePack(PACK_ARTICLES);
    await page.evaluate(() => {
      const state = globalThis as unknown as { crosscheckLongest: number };
      state.crosscheckLongest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          state.crosscheckLongest = Math.max(state.crosscheckLongest, entry.duration);
      }).observe({ type: 'longtask' });
    });
    const importStarted = performance.now();
    await page.locator('input[type="file"]').setInputFiles(pack.path);
    await page.getByText(/^Added [\d,]+ articles\.$/).waitFor({ timeout: 600_000 });
    const importMs = performance.now() - importStarted;
    // A frame later, so that a task drawing the result is counted too.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
    const longest = await page.evaluate(
      () => (globalThis as unknown as { crosscheckLongest: number }).crosscheckLongest,
    );

    const rows: Row[] = [
      {
        what: 'save one article, indexing included (ms)',
        measured: `${ms(median(saves))} (max ${ms(Math.max(...saves))})`,
        value: median(saves),
        target: 150,
      },
      {
        what: `card data with own sources (ms; ${median(cards.map((c) => c.mentioning))} saved articles per entry, median)`,
        measured: `${ms(median(cards.map((c) => c.ms)))} (max ${ms(Math.max(...cards.map((c) => c.ms)))})`,
        value: median(cards.map((c) => c.ms)),
        target: 50,
      },
      {
        what: `track a new term across all ${ARTICLES.toLocaleString('en')} (ms; ${tracked.steps} progress steps, found in ${tracked.found})`,
        measured: ms(tracked.ms),
        value: tracked.ms,
        target: 3000,
      },
      {
        what: 'JS heap after generating, after the runs (MB)',
        measured: `${mb(heapBefore)}, ${mb(heapAfter)}`,
        value: null,
        target: null,
      },
      {
        what: 'storage used (MB, the browser’s estimate)',
        measured: storage === null ? 'unknown' : mb(storage),
        value: null,
        target: null,
      },
      {
        what: `import a pack of ${PACK_ARTICLES.toLocaleString('en')} articles (${mb(pack.bytes)} MB) through the options page (s)`,
        measured: (importMs / 1000).toFixed(1),
        value: importMs / 1000,
        target: 60,
      },
      {
        what: 'longest task on the options page during the import (ms; tasks under 50 ms are not reported)',
        measured: longest > 0 ? ms(longest) : 'none over 50',
        value: longest,
        target: 50,
      },
    ];
    const lines = table(rows);
    console.log(`\n${lines.join('\n')}`);
    if (!values.quick && ARTICLES === FULL_ARTICLES)
      await writeRegion('my-sources', { browsers: `Chromium ${chromiumVersion()}`, machine }, [
        ...lines,
        '',
        `- ${FULL_ARTICLES.toLocaleString('en')} generated articles (about 50 MB of text) saved in the built extension's own IndexedDB, in Chromium; ${SAVES} saves and ${CARDS} cards, medians (max). The import goes through the options page's own file control and its worker, as a reader's does; the longest task is the options page's, from its Long Tasks API.`,
      ]);
    await call('close');
  } finally {
    await browser.close();
  }
}

await main();
