/**
 * `npm run bench`: times the annotation engine in real Chromium, side by side with the naive
 * baseline (mark.js `mark(array)` with the same terms), and prints the README's table.
 *
 *   1. a seed article page
 *   2. a page of about 100,000 characters of text in a real page's layout
 *      (../shared/realpages/guardian-1 with its scripts removed and its article filled with seed text;
 *      the seed page's own layout when ../shared is not there)
 *   3. stress: 20,000 words against 1,000 terms, counting long tasks
 *   5. the page of 2 with ten times as many terms
 *
 * Cases 1 and 2 are also timed on their first run: once in a fresh browser each time (the engine
 * in the page, with long tasks counted), and as the shipped extension's own `crosscheck:annotate`
 * on the first pass after each page load.
 *
 * `--quick` runs each case a few times only (the test suite uses it to check the script runs).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium, launchWithExtension } from '../harness/chromium';
import { builtExtensionPath } from '../harness/extension';
import { longArticlePage } from '../harness/big-page';
import { bundleForPage } from '../harness/page-script';
import { PROJECT_ROOT, startPageServer } from '../harness/server';
import type { RunResult } from './engine-entry';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const RUNS = values.quick ? 3 : 15;
/** Repeated runs settle only after the JIT has optimised the hot code, about ten runs on case 2. */
const WARMUPS = values.quick ? 1 : 10;
/** First runs: each in a fresh browser, or a fresh page load of the extension. */
const FIRST_RUNS = values.quick ? 1 : 7;
/** The naive baseline is slow (seconds per run on the large cases): fewer runs of it. */
const NAIVE_RUNS = values.quick ? 1 : 5;

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const bundleEngine = () => bundleForPage('tests/bench/engine-entry.ts');

const VOCABULARY = (
  'state federal court budget reserve governor law compact vote senate county city board water river ' +
  'policy health school tax fund market bank union council treaty party agency office border trade'
).split(' ');

/** Made-up two- and three-word terms, deterministic. */
function syntheticTerms(count: number, salt: string): string[] {
  return Array.from({ length: count }, (_, i) => {
    const a = VOCABULARY[i % VOCABULARY.length]!;
    const b = VOCABULARY[(i * 7 + 3) % VOCABULARY.length]!;
    return `${a} ${b} ${salt}${i}`;
  });
}

function stressPage(words: number, terms: readonly string[]): string {
  const paragraphs: string[] = [];
  let written = 0;
  let i = 0;
  while (written < words) {
    const sentence: string[] = [];
    for (let w = 0; w < 60; w++, i++) {
      // One term every ~25 words; the rest ordinary vocabulary.
      if (i % 25 === 0) sentence.push(terms[(i / 25) % terms.length]!);
      else sentence.push(VOCABULARY[(i * 13) % VOCABULARY.length]!);
    }
    written += sentence.join(' ').split(' ').length;
    paragraphs.push(`<p>${sentence.join(' ')}.</p>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stress</title></head><body><main><article><h1>Stress</h1>${paragraphs.join('\n')}</article></main></body></html>`;
}

interface CaseResult {
  readonly name: string;
  readonly textChars: number;
  readonly terms: number;
  readonly crosscheck: RunResult[];
  readonly naive: RunResult[] | null;
}

async function main(): Promise<void> {
  const engine = await bundleEngine();
  const stressTerms = syntheticTerms(1000, 'x');
  const big = longArticlePage();
  if (!big.realLayout) console.warn(`bench: ${big.layout}.`);
  const bigPath = '/bench/big.html';
  const server = await startPageServer(
    new Map([
      ['/bench/stress.html', stressPage(20_000, stressTerms)],
      [bigPath, big.html],
    ]),
  );
  // --expose-gc: a full collection between runs (outside the timing), so each run starts like a
  // fresh page load instead of inheriting the previous runs' garbage, such as mark.js's live
  // NodeIterators, which slow every DOM removal until they are collected.
  const launch = () =>
    chromium.launch({
      executablePath: findChromium(),
      args: [...CHROMIUM_FLAGS, '--js-flags=--expose-gc'],
      headless: true,
    });
  const browser = await launch();

  /** Loads `path` with the engine in `browser`, using the knowledge base plus `extraTerms`. */
  async function openCase(
    on: Browser,
    path: string,
    extraTerms: string[] | null,
    replace: boolean,
  ): Promise<{ page: Page; terms: number; textChars: number }> {
    const page = await on.newPage();
    await page.goto(`${server.origin}${path}`);
    await page.addScriptTag({ content: engine });
    const terms = await page.evaluate(
      ({ extraTerms, replace }) => (window as any).crosscheckBench.useTerms(extraTerms, replace), // eslint-disable-line @typescript-eslint/no-explicit-any
      { extraTerms, replace },
    );
    const textChars = await page.evaluate(
      () => (document.querySelector('[itemprop="articleBody"], article, main') ?? document.body).textContent!.length,
    );
    return { page, terms, textChars };
  }

  async function runCase(
    name: string,
    path: string,
    extraTerms: string[] | null,
    { replace = false, withNaive = true } = {},
  ): Promise<CaseResult> {
    const { page, terms, textChars } = await openCase(browser, path, extraTerms, replace);
    const crosscheck: RunResult[] = [];
    const naive: RunResult[] = [];
    const collectGarbage = () => page.evaluate(() => (window as unknown as { gc: () => void }).gc());
    for (let run = 0; run < WARMUPS + RUNS; run++) {
      await collectGarbage();
      const ours = await page.evaluate(() => (window as any).crosscheckBench.crosscheck()); // eslint-disable-line @typescript-eslint/no-explicit-any
      if (run >= WARMUPS) crosscheck.push(ours);
      if (withNaive && run >= WARMUPS && naive.length < NAIVE_RUNS) {
        await collectGarbage();
        naive.push(await page.evaluate(() => (window as any).crosscheckBench.naive())); // eslint-disable-line @typescript-eslint/no-explicit-any
      }
    }
    await page.close();
    return { name, textChars, terms, crosscheck, naive: withNaive ? naive : null };
  }

  /** The engine's first run on `path`, each time in a browser of its own (nothing compiled yet). */
  async function firstRuns(path: string): Promise<RunResult[]> {
    const runs: RunResult[] = [];
    for (let run = 0; run < FIRST_RUNS; run++) {
      const fresh = await launch();
      const { page } = await openCase(fresh, path, null, false);
      // Let the new browser finish starting up, which would otherwise compete with the run.
      await page.waitForTimeout(500);
      runs.push(await page.evaluate(() => (window as any).crosscheckBench.crosscheck())); // eslint-disable-line @typescript-eslint/no-explicit-any
      await fresh.close();
    }
    return runs;
  }

  /** The shipped extension's own measure of its first pass, over fresh loads of `path`. */
  async function extensionFirstPasses(path: string): Promise<number[]> {
    const extension = await launchWithExtension(builtExtensionPath());
    const measures: number[] = [];
    for (let run = 0; run < FIRST_RUNS; run++) {
      const page = await extension.context.newPage();
      await page.goto(`${server.origin}${path}`);
      await page.waitForFunction(() => performance.getEntriesByName('crosscheck:annotate').length > 0);
      measures.push(await page.evaluate(() => performance.getEntriesByName('crosscheck:annotate')[0]!.duration));
      await page.close();
    }
    await extension.close();
    return measures;
  }

  const results: CaseResult[] = [];
  results.push(await runCase('1. Seed article page (armitage)', '/seed/armitage.html', null));
  results.push(await runCase(`2. ~100,000 characters, ${big.layout}`, bigPath, null));
  results.push(
    await runCase('3. Stress: 20,000 words, 1,000 terms', '/bench/stress.html', stressTerms, { replace: true }),
  );
  const kbForms = results[1]!.terms;
  results.push(
    await runCase(`5. Page 2 with ten times the terms`, bigPath, syntheticTerms(kbForms * 9, 'y'), {
      withNaive: false,
    }),
  );
  const firsts = [
    {
      name: '1. Seed article page',
      inPage: await firstRuns('/seed/armitage.html'),
      extension: await extensionFirstPasses('/seed/armitage.html'),
    },
    {
      name: '2. ~100,000 characters',
      inPage: await firstRuns(bigPath),
      extension: await extensionFirstPasses(bigPath),
    },
  ];
  const chromiumVersion = browser.version();
  await browser.close();
  await server.close();

  const fmt = (ms: number) => ms.toFixed(1);
  const rows = results.map((r) => {
    const ours = median(r.crosscheck.map((x) => x.ms));
    const theirs = r.naive ? median(r.naive.map((x) => x.ms)) : null;
    const longTasks = Math.max(...r.crosscheck.map((x) => x.longTasks));
    const longest = Math.max(...r.crosscheck.map((x) => x.longestTaskMs));
    return {
      name: r.name,
      chars: r.textChars,
      terms: r.terms,
      ours,
      theirs,
      ratio: theirs === null ? null : theirs / ours,
      marks: r.crosscheck[0]!.marks,
      longTasks,
      longest,
    };
  });
  const scaling = rows[3]!.ours / rows[1]!.ours;
  const lines = [
    `| case | text chars | terms | Crosscheck median (ms) | naive mark(array) median (ms) | speed-up | highlights | long tasks (max ms) |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.chars.toLocaleString('en')} | ${r.terms.toLocaleString('en')} | ${fmt(r.ours)} | ${r.theirs === null ? '—' : fmt(r.theirs)} | ${r.ratio === null ? '—' : `${r.ratio.toFixed(0)}×`} | ${r.marks} | ${r.longTasks} (${fmt(r.longest)}) |`,
    ),
    '',
    `Ten times the terms costs ${scaling.toFixed(2)}× the time (case 5 / case 2).`,
    `${RUNS} timed runs per case after ${WARMUPS} warm-ups (naive baseline: ${NAIVE_RUNS}, in arrays of 100 terms); Chromium ${chromiumVersion}, ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `| first run | engine in a fresh browser: median (max) ms | long tasks (max ms) | shipped extension, first pass per page load: median (max) ms |`,
    `| --- | ---: | ---: | ---: |`,
    ...firsts.map(({ name, inPage, extension }) => {
      const times = inPage.map((x) => x.ms);
      const longTasks = Math.max(...inPage.map((x) => x.longTasks));
      const longest = Math.max(...inPage.map((x) => x.longestTaskMs));
      return `| ${name} | ${fmt(median(times))} (${fmt(Math.max(...times))}) | ${longTasks} (${fmt(longest)}) | ${fmt(median(extension))} (${fmt(Math.max(...extension))}) |`;
    }),
    '',
    `First runs: ${FIRST_RUNS} of each.`,
  ];
  console.log(lines.join('\n'));
  await mkdir(join(PROJECT_ROOT, 'test-results'), { recursive: true });
  await writeFile(join(PROJECT_ROOT, 'test-results/bench.md'), `${lines.join('\n')}\n`);
}

await main();
