/**
 * `npm run bench:budgets` (part of `npm run bench`): the time budgets of what the tests check.
 * The tests check what Crosscheck does (what is highlighted, in what order, how many passes); how
 * long it takes is measured here, because wall-clock times on a shared machine move with whatever
 * else runs. Each budget is printed with its target, what was measured and whether it was met,
 * and, on a full run, written to docs/performance.md.
 *
 * `--quick`: one load per page, a shorter long read; nothing written to the doc.
 */
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { findFigures } from '@/lib/figures/number-parser';
import { longArticlePage } from '../harness/big-page';
import { chromiumVersion, launchWithExtension, type ExtensionBrowser } from '../harness/chromium';
import { builtExtensionPath } from '../harness/extension';
import { openAfterFirstPass, waitForFirstPass } from '../harness/first-pass';
import { REALPAGES_DIR, startPageServer } from '../harness/server';
import { storeSettings, type SettingsChanges } from '../harness/settings';
import { loadWithExtension } from './loads';
import { withProbes } from './page-probes';
import { passField } from './pass-measure';
import { machineDescription, writeRegion } from './performance-doc';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const QUICK = values.quick;
/** Fresh loads per page; each budget is held by the worst of them. */
const LOADS = QUICK ? 1 : 3;
const LONG_READ_CHARS = QUICK ? 250_000 : 1_000_000;
/** Runs of the number parser per text; the median counts. */
const PARSER_RUNS = QUICK ? 1 : 3;
const LONG_PAGE = '/bench/budget/long.html';
const LONG_READ = '/bench/budget/long-read.html';
/** No main-thread task over this long: the browser's own threshold for a long task. */
const LONG_TASK_MS = 50;

const log = (line: string) => process.stderr.write(`bench:budgets: ${line}\n`);

/** One budget's outcome: a row of the table. */
interface BudgetRow {
  readonly what: string;
  readonly target: string;
  readonly measured: string;
  /** Null when nothing was measured. */
  readonly met: boolean | null;
}

interface Limit {
  readonly limit: number;
  readonly unit: 'ms' | '%';
  /** "under" the limit (strictly), or "at most" it. */
  readonly comparison: 'under' | 'at most';
}

const shown = (value: number, unit: Limit['unit']) =>
  unit === '%' ? `${value.toFixed(0)}%` : `${value.toFixed(1)} ms`;

function budgetRow(what: string, value: number | null, { limit, unit, comparison }: Limit, note = ''): BudgetRow {
  return {
    what,
    target: `${comparison === 'under' ? '<' : '≤'} ${limit.toLocaleString('en')}${unit === '%' ? '%' : ' ms'}`,
    measured: value === null ? '—' : `${shown(value, unit)}${note ? ` (${note})` : ''}`,
    met: value === null ? null : comparison === 'under' ? value < limit : value <= limit,
  };
}

const worst = (values: readonly (number | null | undefined)[]): number | null => {
  const known = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return known.length ? Math.max(...known) : null;
};

/** The main-thread time (`detail.busyMs`) of every pass on the page so far. */
const passBusyTimes = (page: Page): Promise<number[]> =>
  page.evaluate(() =>
    performance
      .getEntriesByName('crosscheck:annotate')
      .map((e) => ((e as PerformanceMeasure).detail as { busyMs: number }).busyMs),
  );

/** A browser with the extension and the reader's settings, for `use`; closed after. */
async function withExtension<T>(settings: SettingsChanges, use: (browser: ExtensionBrowser) => Promise<T>): Promise<T> {
  const browser = await launchWithExtension(builtExtensionPath());
  try {
    await storeSettings(browser, settings);
    return await use(browser);
  } finally {
    await browser.close();
  }
}

/** Every mention drawn, in a browser where nothing of Crosscheck's has run yet: its heaviest first passes. */
async function everyMentionBudgets(url: (path: string) => string): Promise<BudgetRow[]> {
  return withExtension({ everyMention: true }, async (browser) => {
    log('100,000 characters, every mention, traced');
    const traced = [];
    for (let load = 0; load < LOADS; load++)
      traced.push(await loadWithExtension(browser, url(LONG_PAGE), { traced: true }));
    log(`${LONG_READ_CHARS.toLocaleString('en')} characters, every mention, with the page's probes`);
    const reads = [];
    for (let load = 0; load < LOADS; load++)
      reads.push(await loadWithExtension(browser, url(LONG_READ), { timeoutMs: 300_000 }));
    const readName = `a ${LONG_READ_CHARS.toLocaleString('en')}-character read, every mention drawn`;
    return [
      budgetRow(
        'the first pass on a 100,000-character article, every mention drawn, cold: its longest main-thread task (trace)',
        worst(traced.map((load) => load.trace?.longestTaskMs)),
        { limit: LONG_TASK_MS, unit: 'ms', comparison: 'under' },
        `worst of ${LOADS}`,
      ),
      budgetRow(
        `${readName}: the first viewport drawn, as a share of the pass's wall time`,
        worst(reads.map((load) => percentOf(passField(load.pass, 'viewportMs'), load.pass?.duration))),
        { limit: 25, unit: '%', comparison: 'under' },
        `worst of ${LOADS}`,
      ),
      budgetRow(
        `${readName}: the pass's longest task (\`detail.longestTaskMs\`)`,
        worst(reads.map((load) => passField(load.pass, 'longestTaskMs'))),
        { limit: LONG_TASK_MS, unit: 'ms', comparison: 'under' },
        `worst of ${LOADS}`,
      ),
      budgetRow(
        `${readName}: how late the page's 20 ms timer fired`,
        worst(reads.map((load) => load.responsiveness?.timerLatenessMaxMs)),
        { limit: 200, unit: 'ms', comparison: 'under' },
        `worst of ${LOADS}`,
      ),
      budgetRow(
        `${readName}: the longest gap between the page's frames`,
        worst(reads.map((load) => load.responsiveness?.longestFrameGapMs)),
        { limit: 200, unit: 'ms', comparison: 'under' },
        `worst of ${LOADS}`,
      ),
    ];
  });
}

const percentOf = (part: number | null, whole: number | undefined) =>
  part === null || !whole ? null : (part / whole) * 100;

/** Pages that change under Crosscheck, and pages with much around the article, with the default settings. */
async function livePageBudgets(url: (path: string) => string): Promise<BudgetRow[]> {
  return withExtension({}, async (browser) => {
    log('a news layout with a huge DOM around the article');
    const layoutPasses: number[] = [];
    for (let load = 0; load < LOADS; load++) {
      const page = await openAfterFirstPass(browser.context, url('/fixtures/news-layout.html'));
      layoutPasses.push(...(await passBusyTimes(page)));
      await page.close();
    }
    log('a ticker');
    const tickerWaits: number[] = [];
    for (let load = 0; load < LOADS; load++) {
      const page = await browser.context.newPage();
      await page.goto(url('/fixtures/ticker.html'));
      await page.waitForFunction(() => (window as { tickerMarkedAt?: number }).tickerMarkedAt !== undefined);
      tickerWaits.push(
        await page.evaluate(() => {
          const w = window as unknown as { tickerMarkedAt: number; tickerStoppedAt: number };
          return w.tickerMarkedAt - w.tickerStoppedAt;
        }),
      );
      await page.close();
    }
    log('a page that strips highlights for 10 s');
    const page = await browser.context.newPage();
    await page.goto(url('/fixtures/highlight-stripper.html'));
    await page.waitForFunction(() => (window as { strippingEnded?: boolean }).strippingEnded === true, null, {
      timeout: 20_000,
    });
    const stripperPasses = await passBusyTimes(page);
    await page.close();
    return [
      budgetRow(
        'a news layout with 3,000 menu items around the article: each pass (main-thread time)',
        worst(layoutPasses),
        { limit: LONG_TASK_MS, unit: 'ms', comparison: 'under' },
        `the worst of ${layoutPasses.length} pass${layoutPasses.length === 1 ? '' : 'es'}`,
      ),
      budgetRow(
        'a ticker paragraph rewritten every 150 ms: highlighted after it stops changing',
        worst(tickerWaits),
        { limit: 2000, unit: 'ms', comparison: 'under' },
        `worst of ${LOADS}`,
      ),
      budgetRow(
        'a page that strips every highlight for 10 s: all passes in those 10 s (main-thread time)',
        stripperPasses.reduce((sum, ms) => sum + ms, 0),
        { limit: LONG_TASK_MS, unit: 'ms', comparison: 'under' },
        `${stripperPasses.length} pass${stripperPasses.length === 1 ? '' : 'es'}`,
      ),
    ];
  });
}

/** The saved real news pages (../shared/realpages), offline: every pass's main-thread time. */
async function realPageBudget(url: (path: string) => string): Promise<BudgetRow[]> {
  let names: string[];
  try {
    names = readdirSync(REALPAGES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    log(`${REALPAGES_DIR} is missing: no real pages`);
    return [];
  }
  return withExtension({}, async (browser) => {
    log(`${names.length} real pages`);
    const worstByPage: [string, number | null][] = [];
    for (const name of names) {
      const page = await browser.context.newPage();
      // Offline: only the page server answers.
      await page.route('**/*', (route) =>
        route.request().url().startsWith(url('/')) ? route.continue() : route.abort(),
      );
      await page.goto(url(`/realpages/${name}/source.html`));
      // A page where Crosscheck finds no article has no pass, and no time to count.
      await waitForFirstPass(page, { timeoutMs: 20_000 }).catch(() => undefined);
      worstByPage.push([name, worst(await passBusyTimes(page))]);
      await page.close();
    }
    const [name, ms] = worstByPage.reduce((a, b) => ((b[1] ?? -1) > (a[1] ?? -1) ? b : a));
    return [
      budgetRow(
        `${names.length} saved real news pages: each pass (main-thread time)`,
        ms,
        { limit: LONG_TASK_MS, unit: 'ms', comparison: 'at most' },
        `worst: ${name}`,
      ),
    ];
  });
}

/** Texts the number parser must get through in time, however its expressions backtrack: a unit repeated to 100,000 characters. */
const PARSER_TEXTS: readonly [string, string][] = [
  ['prose', 'California has $76 billion in reserves, nearly 40 million people and 41 states in 2025. '],
  ['Chinese prose', '加利福尼亚州利用其巨额储备(760亿美元),约40万人在一百三十多个城市。'],
  ['one long word', 'a'],
  ['digits', '1'],
  ['a digit list', '1,'],
  ['number words that never form one number', 'one '],
  ['Chinese numerals read digit by digit', '一二'],
  ['phone-like runs', '+1 '],
  ['ranges', '1-'],
];

/** The number parser on 100,000 characters of each text, in this process (Node). */
function numberParserBudget(): BudgetRow[] {
  log('number parser');
  const times = PARSER_TEXTS.map(([name, unit]) => {
    const text = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
    const runs = Array.from({ length: PARSER_RUNS }, () => {
      const started = performance.now();
      findFigures(text);
      return performance.now() - started;
    }).sort((a, b) => a - b);
    return [name, runs[runs.length >> 1]!] as const;
  });
  const [name, ms] = times.reduce((a, b) => (b[1] > a[1] ? b : a));
  return [
    budgetRow(
      `the number parser on 100,000 characters of each of ${PARSER_TEXTS.length} kinds of text (Node)`,
      ms,
      { limit: 1500, unit: 'ms', comparison: 'under' },
      `slowest: ${name}`,
    ),
  ];
}

function budgetTable(rows: readonly BudgetRow[]): string[] {
  const met = (row: BudgetRow) => (row.met === null ? '?' : row.met ? 'yes' : 'no');
  return [
    '| what | target | measured | met |',
    '| --- | ---: | ---: | --- |',
    ...rows.map((row) => `| ${row.what} | ${row.target} | ${row.measured} | ${met(row)} |`),
    '',
    `- ${LOADS} fresh load${LOADS > 1 ? 's' : ''} per page in Chromium with the built extension; each budget is held by the worst of them. Main-thread time is a pass's \`detail.busyMs\`; a pass's duration also counts the idle time it waits for.`,
    `- Every mention drawn: the heaviest first passes, in a browser launched for them (its first load the coldest). The long read carries the page's own probes (a 20 ms timer and every frame, see Long reads).`,
    `- The pages that change: the default settings. The ticker is rewritten for 3 s; the time runs from its last change to its first highlight, as the page records them.`,
  ];
}

async function main(): Promise<void> {
  const started = Date.now();
  const machine = machineDescription();
  const server = await startPageServer(
    new Map([
      [LONG_PAGE, longArticlePage().html],
      [LONG_READ, withProbes(longArticlePage(LONG_READ_CHARS).html)],
    ]),
  );
  const url = (path: string) => `${server.origin}${path}`;
  const chromium = chromiumVersion();
  try {
    const rows = [
      ...numberParserBudget(),
      ...(await everyMentionBudgets(url)),
      ...(await livePageBudgets(url)),
      ...(await realPageBudget(url)),
    ];
    const lines = budgetTable(rows);
    console.log(
      [
        `Crosscheck budgets: Chromium ${chromium}${QUICK ? ', quick mode (one load per page, a shorter long read)' : ''}; ${((Date.now() - started) / 1000).toFixed(0)} s.`,
        '',
        ...lines,
      ].join('\n'),
    );
    if (!QUICK) await writeRegion('budgets', { browsers: `Chromium ${chromium}`, machine }, lines);
  } finally {
    await server.close();
  }
}

await main();
