import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../harness/chromium';
import { longArticlePage } from '../harness/big-page';
import type { Extraction } from '../harness/extraction-entry';
import {
  EXTRACTION_DIRS,
  bundleExtraction,
  extractionPages,
  formatTable,
  measurePages,
  median,
  type PageResult,
} from '../harness/extraction';

// The article Crosscheck reads on 100 saved pages (../shared/extraction-pages and
// ../shared/realpages), word for word against the article Mozilla Readability extracts from each.
const missing = EXTRACTION_DIRS.filter((dir) => !existsSync(dir));
const MEDIAN_RECALL = 0.95;
const MEDIAN_PRECISION = 0.9;
const MIN_RECALL = 0.8;
/**
 * Pages whose reference keeps text Crosscheck leaves out on purpose; reported in the table and
 * counted in the medians, but not held to MIN_RECALL.
 */
const REFERENCE_KEEPS_FURNITURE: Readonly<Record<string, string>> = {
  'extraction-pages/firefox-nightly-blog':
    'the reference keeps the reader comments and the bare link lists ("Bug 1677080 – …"), which are furniture here',
  'extraction-pages/hukumusume':
    'the reference takes the whole layout-table row, the sidebar cell of daily links included; Crosscheck takes the story cell',
};
/** Fresh page loads for the first-call time on the long page (each a cold start of the finder, as in a content script). */
const LONG_PAGE_LOADS = 7;

let browser: Browser;
let results: PageResult[] = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('article extraction against reader mode', () => {
  it('has its pages (../shared beside the project)', () => {
    if (missing.length > 0) {
      throw new Error(
        `The extraction suite needs the saved pages at ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} missing. ` +
          'Place the shared folder beside the project (CI does), or run the other suites alone.',
      );
    }
  });

  it.runIf(missing.length === 0)(
    'finds the article as Readability does: median recall and precision, no page far off',
    async () => {
      results = await measurePages(browser, extractionPages());
      console.log(formatTable(results));
      const scored = results.filter((r) => !r.excluded);
      expect(scored.length).toBeGreaterThan(80);
      expect(median(scored.map((r) => r.recall))).toBeGreaterThanOrEqual(MEDIAN_RECALL);
      expect(median(scored.map((r) => r.precision))).toBeGreaterThanOrEqual(MEDIAN_PRECISION);
      for (const [name, why] of Object.entries(REFERENCE_KEEPS_FURNITURE))
        console.log(`not held to ${MIN_RECALL}: ${name}: ${why}`);
      const low = scored
        .filter((r) => r.recall < MIN_RECALL && !(r.name in REFERENCE_KEEPS_FURNITURE))
        .map((r) => `${r.name} (${r.recall.toFixed(3)})`);
      expect(low, 'pages where Crosscheck reads less than 80% of the article').toEqual([]);
    },
    300_000,
  );
});

describe('finding the article stays cheap', () => {
  it('reads the whole 100,000-character article, on its first call and after, and prints how long it took', async () => {
    const { html, layout } = longArticlePage();
    const script = await bundleExtraction();
    const firsts: number[] = [];
    let repeated: number[] = [];
    let chars = 0;
    for (let load = 0; load < LONG_PAGE_LOADS; load++) {
      const page = await browser.newPage();
      await page.route('**/*', (route) =>
        route.request().url() === 'http://extraction.test/long.html'
          ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
          : route.abort(),
      );
      await page.goto('http://extraction.test/long.html', { waitUntil: 'load' });
      await page.evaluate(script);
      const timing = await page.evaluate(() => {
        const extraction = (window as unknown as { crosscheckExtraction: Extraction }).crosscheckExtraction;
        const first = extraction.article();
        return { first: first.ms, chars: first.text.length, repeated: extraction.time(20) };
      });
      await page.close();
      firsts.push(timing.first);
      repeated = timing.repeated;
      chars = timing.chars;
    }
    console.log(
      `findArticleRoot on ${layout}, ${chars} characters of article text: first call on each of ${LONG_PAGE_LOADS} loads ` +
        `${firsts.map((ms) => ms.toFixed(1)).join(', ')} ms (median ${median(firsts).toFixed(1)}); ` +
        `repeated: median ${median(repeated).toFixed(2)} ms, max ${Math.max(...repeated).toFixed(2)} ms`,
    );
    expect(chars).toBeGreaterThan(90_000);
    // Its time is printed here and held to its budget (3 ms) by \`npm run bench\`, where budgets in
    // time belong: on this 2-core machine a test run's wall times move with whatever else runs.
  });
});
