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
 * `--quick` runs each case a few times only (the test suite uses it to check the script runs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium, launchWithExtension } from '../harness/chromium';
import { builtExtensionPath } from '../harness/extension';
import { offlineCopy, PROJECT_ROOT, startPageServer } from '../harness/server';
import type { RunResult } from './engine-entry';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const RUNS = values.quick ? 3 : 15;
const WARMUPS = values.quick ? 1 : 3;
/** The naive baseline is slow (seconds per run on the large cases): fewer runs of it. */
const NAIVE_RUNS = values.quick ? 1 : 5;

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function bundleEngine(): Promise<string> {
  const result = await build({
    entryPoints: [join(PROJECT_ROOT, 'tests/bench/engine-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    alias: { '@': PROJECT_ROOT },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

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

function realLayoutPage(): { html: string; layout: string } {
  const source = join(PROJECT_ROOT, '../shared/realpages/guardian-1/source.html');
  if (!existsSync(source)) {
    console.warn('bench: ../shared/realpages is missing; using the seed page layout for the 100,000-character case.');
    return { html: '', layout: 'seed page layout' };
  }
  return { html: offlineCopy(readFileSync(source, 'utf8')), layout: 'guardian-1 (realpages), scripts removed' };
}

/** Fills the page's article with seed paragraphs until it holds about `chars` characters of text. */
async function fillArticle(page: Page, chars: number, paragraphs: readonly string[]): Promise<number> {
  return page.evaluate(
    ({ chars, paragraphs }) => {
      const article = document.querySelector('[itemprop="articleBody"], article, main') ?? document.body;
      let i = 0;
      while ((article.textContent ?? '').length < chars) {
        const p = document.createElement('p');
        p.textContent = paragraphs[i++ % paragraphs.length]!;
        article.append(p);
      }
      return (article.textContent ?? '').length;
    },
    { chars, paragraphs },
  );
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
  const seedText = readFileSync(join(PROJECT_ROOT, 'seeds/000_7413e54e0e4ba69d.txt'), 'utf8');
  const seedParagraphs = seedText
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 80);
  const stressTerms = syntheticTerms(1000, 'x');
  const real = realLayoutPage();
  const extra = new Map([['/bench/stress.html', stressPage(20_000, stressTerms)]]);
  if (real.html) extra.set('/bench/real-layout.html', real.html);
  const server = await startPageServer(extra);
  // --expose-gc: a full collection between runs (outside the timing), so each run starts like a
  // fresh page load instead of inheriting the previous runs' garbage, such as mark.js's live
  // NodeIterators, which slow every DOM removal until they are collected.
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...CHROMIUM_FLAGS, '--js-flags=--expose-gc'],
    headless: true,
  });

  async function runCase(
    name: string,
    path: string,
    setup: (page: Page) => Promise<number>,
    withNaive: boolean,
  ): Promise<CaseResult> {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${path}`);
    await page.addScriptTag({ content: engine });
    const terms = await setup(page);
    const textChars = await page.evaluate(
      () => (document.querySelector('[itemprop="articleBody"], article, main') ?? document.body).textContent!.length,
    );
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

  const useKb =
    (extraTerms: string[] | null, replace = false) =>
    (page: Page) =>
      page.evaluate(
        ({ extraTerms, replace }) => (window as any).crosscheckBench.useTerms(extraTerms, replace), // eslint-disable-line @typescript-eslint/no-explicit-any
        { extraTerms, replace },
      );
  const bigPath = real.html ? '/bench/real-layout.html' : '/seed/armitage.html';
  const fillBig = (terms: string[] | null) => async (page: Page) => {
    await fillArticle(page, 100_000, seedParagraphs);
    return useKb(terms)(page);
  };
  const results: CaseResult[] = [];
  results.push(await runCase('1. Seed article page (armitage)', '/seed/armitage.html', useKb(null), true));
  results.push(await runCase(`2. ~100,000 characters, ${real.layout}`, bigPath, fillBig(null), true));
  results.push(
    await runCase('3. Stress: 20,000 words, 1,000 terms', '/bench/stress.html', useKb(stressTerms, true), true),
  );
  const kbForms = results[1]!.terms;
  results.push(
    await runCase(`5. Page 2 with ten times the terms`, bigPath, fillBig(syntheticTerms(kbForms * 9, 'y')), false),
  );

  // The shipped extension on the seed page: the content script's own measure, cold, per page load.
  const extension = await launchWithExtension(builtExtensionPath());
  const coldMeasures: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await extension.context.newPage();
    await page.goto(`${server.origin}/seed/armitage.html`);
    await page.waitForFunction(() => performance.getEntriesByName('crosscheck:annotate').length > 0);
    coldMeasures.push(await page.evaluate(() => performance.getEntriesByName('crosscheck:annotate')[0]!.duration));
    await page.close();
  }
  await extension.close();
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
    `Shipped extension on the seed page, first pass per page load (cold): median ${fmt(median(coldMeasures))} ms, max ${fmt(Math.max(...coldMeasures))} ms over ${coldMeasures.length} loads.`,
    `${RUNS} timed runs per case after ${WARMUPS} warm-ups (naive baseline: ${NAIVE_RUNS}, in arrays of 100 terms); Chromium ${browser.version()}, ${new Date().toISOString().slice(0, 10)}.`,
  ];
  console.log(lines.join('\n'));
  await mkdir(join(PROJECT_ROOT, 'test-results'), { recursive: true });
  await writeFile(join(PROJECT_ROOT, 'test-results/bench.md'), `${lines.join('\n')}\n`);
}

await main();
