/**
 * One fresh page load, measured: with the shipped extension (its first pass, as it records it, in
 * Chromium or, with the Firefox build, in Firefox), with the engine bundled into the page (for term
 * sets the extension does not ship), or with the naive baseline.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../harness/chromium';
import { builtExtensionPath } from '../harness/extension';
import { waitForFirstPass } from '../harness/first-pass';
import { launchFirefoxWithExtension, waitForFirstPassInFirefox, type FirefoxExtension } from '../harness/firefox';
import type { NumberParserCost, RunResult } from './engine-entry';
import { duringPass, type ProbeRecord, type ResponsivenessDuringPass } from './page-probes';
import { passField, type PassMeasure } from './pass-measure';
import { readTracedPass, traceWhile, type TracedPass } from './trace';

/** The content script's path in the built extension, as Chromium's trace names it. */
const CONTENT_SCRIPT = '/content-scripts/content.js';
/** Key presses sent while a long pass runs: a reader typing, or holding a key. */
const INPUT_EVERY_MS = 25;

export interface FirstPass {
  /** The page's first `crosscheck:annotate` measure; null if the engine records none. */
  readonly pass: PassMeasure | null;
  /** The searches for the article that ended by the pass's end, summed; null when not recorded. */
  readonly findArticleMs: number | null;
  /** As the pass recorded it, else counted on the page after it. */
  readonly highlights: number;
  /** The article's characters, as the page holds them. */
  readonly textChars: number;
  /** From Chromium's trace, for traced loads. */
  readonly trace: TracedPass | null;
  /** What the page's own probes saw during the pass, for pages that have them (see page-probes.ts). */
  readonly responsiveness: ResponsivenessDuringPass | null;
}

export interface LoadOptions {
  /** Record Chromium's trace of the load (it slows what it records: kept to loads of their own). */
  readonly traced?: boolean;
  /** Press a key every INPUT_EVERY_MS from the start of the load until the pass ends. */
  readonly typing?: boolean;
  /**
   * Stop the extension's background (its service worker) before the load, as the browser does
   * after 30 s without events: the page then waits for it to start and load its matcher.
   */
  readonly backgroundAsleep?: boolean;
  readonly timeoutMs?: number;
}

/** Presses Shift (nothing on the page reacts to it) through Chromium's input pipeline, until stopped. */
function startTyping(cdp: CDPSession): () => Promise<void> {
  const sent: Promise<unknown>[] = [];
  const press = (type: 'rawKeyDown' | 'keyUp') =>
    cdp
      .send('Input.dispatchKeyEvent', { type, key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16 })
      .catch(() => undefined);
  // Not awaited one by one: a busy page acknowledges late, and the next presses must still be sent on time.
  const timer = setInterval(() => sent.push(press('rawKeyDown').then(() => press('keyUp'))), INPUT_EVERY_MS);
  return async () => {
    clearInterval(timer);
    await Promise.all(sent);
  };
}

interface PageReading {
  readonly pass: PassMeasure | null;
  readonly findArticleMs: number | null;
  readonly marks: number;
  readonly textChars: number;
  readonly probe: ProbeRecord | null;
}

/**
 * In the page, once the first pass has ended: its measure, the searches for the article up to its
 * end, and what the page holds (the same for Chromium and Firefox).
 */
const readPage = (): PageReading => {
  const [entry] = performance.getEntriesByName('crosscheck:annotate') as PerformanceMeasure[];
  const end = entry ? entry.startTime + entry.duration : Infinity;
  const searches = performance
    .getEntriesByName('crosscheck:find-article')
    .filter((e) => e.startTime + e.duration <= end + 1);
  const article = document.querySelector('[itemprop="articleBody"], article, main') ?? document.body;
  return {
    pass: entry
      ? {
          startTime: entry.startTime,
          duration: entry.duration,
          detail:
            typeof entry.detail === 'object' && entry.detail !== null
              ? (entry.detail as Record<string, unknown>)
              : null,
        }
      : null,
    findArticleMs: searches.length ? searches.reduce((sum, e) => sum + e.duration, 0) : null,
    marks: document.querySelectorAll('crosscheck-mark:not([data-crosscheck-continued])').length,
    textChars: article.textContent?.length ?? 0,
    probe: (window as unknown as { __crosscheckProbe?: ProbeRecord }).__crosscheckProbe ?? null,
  };
};

/** Loads `url` in a new tab of `extension` and waits for the extension's first pass to end. */
export async function loadWithExtension(
  extension: ExtensionBrowser,
  url: string,
  { traced = false, typing = false, backgroundAsleep = false, timeoutMs = 60_000 }: LoadOptions = {},
): Promise<FirstPass> {
  const page = await extension.context.newPage();
  const cdp = await extension.context.newCDPSession(page);
  if (backgroundAsleep) {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  }
  const load = async () => {
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    const stopTyping = typing ? startTyping(cdp) : null;
    try {
      // Polled every 100 ms, not every frame: the poll itself runs on the page's main thread.
      await waitForFirstPass(page, { pollingMs: 100, timeoutMs });
    } finally {
      await stopTyping?.();
    }
  };
  const events = traced ? await traceWhile(cdp, load) : (await load(), null);
  const reading = await page.evaluate(readPage);
  await page.close();
  const { pass, probe } = reading;
  return {
    pass,
    findArticleMs: reading.findArticleMs,
    highlights: passField(pass, 'highlights') ?? reading.marks,
    textChars: reading.textChars,
    trace: events && readTracedPass(events, CONTENT_SCRIPT),
    responsiveness: probe && pass ? duringPass(probe, pass.startTime, pass.startTime + pass.duration) : null,
  };
}

/** Loads `url` in a new tab of Firefox with the Firefox build, and reads its first pass as loadWithExtension does. */
export async function loadWithFirefox(firefox: FirefoxExtension, url: string, timeoutMs = 60_000): Promise<FirstPass> {
  const page = await firefox.newPage();
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    await waitForFirstPassInFirefox(page, { timeoutMs });
    const { pass, findArticleMs, marks, textChars } = await page.evaluate(readPage);
    return {
      pass,
      findArticleMs,
      highlights: passField(pass, 'highlights') ?? marks,
      textChars,
      trace: null,
      responsiveness: null,
    };
  } finally {
    await page.close();
  }
}

/**
 * `runs` fresh loads of `url` in a Firefox launched for them with the Firefox build (its first
 * load the coldest, as for Chromium), after `settleMs` for Firefox's own start-up; with Firefox's
 * version.
 */
export async function firstPassesInFirefox(
  url: string,
  runs: number,
  settleMs: number,
): Promise<{ version: string; loads: FirstPass[] }> {
  const firefox = await launchFirefoxWithExtension(builtExtensionPath('firefox-mv2'));
  try {
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const loads: FirstPass[] = [];
    for (let run = 0; run < runs; run++) loads.push(await loadWithFirefox(firefox, url));
    return { version: await firefox.browser.version(), loads };
  } finally {
    await firefox.close();
  }
}

/** What engine-entry.ts puts on the page's window, as `crosscheckBench`. */
export interface EngineBench {
  useTerms(extra: readonly string[] | null, replace?: boolean): number;
  crosscheck(): Promise<RunResult>;
  naive(): Promise<RunResult>;
  numberParser(): NumberParserCost;
  articleChars(): number;
}

/** Opens `url` in a new tab of `browser` with the engine bundle, using `terms` alone (null: the knowledge base). */
export async function openWithEngine(
  browser: Browser,
  url: string,
  engine: string,
  terms: readonly string[] | null,
): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.addScriptTag({ content: engine });
  if (terms)
    await page.evaluate(
      (terms) => (window as unknown as { crosscheckBench: EngineBench }).crosscheckBench.useTerms(terms, true),
      terms,
    );
  return page;
}

/**
 * The engine's first pass on `url`, bundled into the page of a browser launched for it (nothing
 * compiled yet): for term sets the shipped extension does not know.
 */
export async function firstPassWithEngine(
  launch: () => Promise<Browser>,
  url: string,
  engine: string,
  terms: readonly string[] | null,
  { traced = false }: LoadOptions = {},
): Promise<FirstPass> {
  const browser = await launch();
  try {
    const page = await openWithEngine(browser, url, engine, terms);
    // Let the new browser finish starting up, which would otherwise compete with the pass.
    await page.waitForTimeout(500);
    let run: RunResult | undefined;
    const go = async () => {
      run = await page.evaluate(() =>
        (window as unknown as { crosscheckBench: EngineBench }).crosscheckBench.crosscheck(),
      );
    };
    const events = traced ? await traceWhile(await page.context().newCDPSession(page), go) : (await go(), null);
    const textChars = await page.evaluate(
      () => (document.querySelector('article, main') ?? document.body).textContent!.length,
    );
    const pass = run!.pass ?? { startTime: 0, duration: run!.ms, detail: null };
    return {
      pass,
      findArticleMs: null,
      highlights: passField(pass, 'highlights') ?? run!.marks,
      textChars,
      trace: events && readTracedPass(events, null),
      responsiveness: null,
    };
  } finally {
    await browser.close();
  }
}

/** The number parser's cost on `url`'s sentences that name a figure cue, in a browser launched for it (nothing compiled yet). */
export async function numberParserCost(
  launch: () => Promise<Browser>,
  url: string,
  engine: string,
): Promise<NumberParserCost> {
  const browser = await launch();
  try {
    const page = await openWithEngine(browser, url, engine, null);
    await page.waitForTimeout(500);
    return await page.evaluate(() =>
      (window as unknown as { crosscheckBench: EngineBench }).crosscheckBench.numberParser(),
    );
  } finally {
    await browser.close();
  }
}

export interface NaiveRuns {
  readonly ms: number[];
  readonly marks: number;
  /** The article's text as the engine finds it (innerText of its root). */
  readonly articleChars: number;
}

/** The naive baseline, once in each of `runs` fresh tabs of `browser` (no extension). */
export async function naiveRuns(
  browser: Browser,
  url: string,
  engine: string,
  terms: readonly string[] | null,
  runs: number,
): Promise<NaiveRuns> {
  const ms: number[] = [];
  let marks = 0;
  let articleChars = 0;
  for (let run = 0; run < runs; run++) {
    const page = await openWithEngine(browser, url, engine, terms);
    const result = await page.evaluate(() =>
      (window as unknown as { crosscheckBench: EngineBench }).crosscheckBench.naive(),
    );
    ms.push(result.ms);
    marks = result.marks;
    if (run === 0)
      articleChars = await page.evaluate(() =>
        (window as unknown as { crosscheckBench: EngineBench }).crosscheckBench.articleChars(),
      );
    await page.close();
  }
  return { ms, marks, articleChars };
}
