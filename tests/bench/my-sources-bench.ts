/**
 * `npm run bench:sources` (the end of `npm run bench`): the reader's own sources at scale, in
 * Chromium's real IndexedDB in the built extension's own origin (an extension page runs the
 * shipped modules). Generates 10,000 saved articles (~50 MB of text), then times:
 *   - saving one more article, indexing and comparison included;
 *   - a card's data with own sources;
 *   - tracking a new term: searching all 10,000 in chunks, with progress;
 * and reports the page's JavaScript heap after a collection (articles are read a chunk at a time,
 * never all held), and the storage used.
 *
 * `--articles N` changes the corpus size; `--quick` uses 500 (the test suite checks the script runs).
 */
import { parseArgs } from 'node:util';
import { launchWithExtension } from '../harness/chromium';
import { builtExtensionPath } from '../harness/extension';
import { bundleForPage } from '../harness/page-script';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, articles: { type: 'string' } },
});
const ARTICLES = Number(values.articles ?? (values.quick ? 500 : 10_000));
const SAVES = values.quick ? 3 : 15;
const CARDS = values.quick ? 3 : 20;

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (x: number) => x.toFixed(1);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

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

    const rows = [
      ['save one article, indexing included (ms)', `${ms(median(saves))} (max ${ms(Math.max(...saves))})`, '≤ 150'],
      [
        `card data with own sources (ms; ${median(cards.map((c) => c.mentioning))} saved articles per entry, median)`,
        `${ms(median(cards.map((c) => c.ms)))} (max ${ms(Math.max(...cards.map((c) => c.ms)))})`,
        '≤ 50',
      ],
      [
        `track a new term across all ${ARTICLES.toLocaleString('en')} (ms; ${tracked.steps} progress steps, found in ${tracked.found})`,
        ms(tracked.ms),
        '≤ 3000',
      ],
      ['JS heap after generating, after the runs (MB)', `${mb(heapBefore)}, ${mb(heapAfter)}`, 'bounded'],
      ['storage used (MB, the browser’s estimate)', storage === null ? 'unknown' : mb(storage), ''],
    ];
    console.log('\n| my sources, Chromium IndexedDB | measured | target |\n| --- | ---: | ---: |');
    for (const [name, value, target] of rows) console.log(`| ${name} | ${value} | ${target} |`);
    await call('close');
  } finally {
    await browser.close();
  }
}

await main();
