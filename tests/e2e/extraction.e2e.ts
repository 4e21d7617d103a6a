import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../harness/chromium';
import { longArticlePage } from '../harness/big-page';
import type { Extraction } from '../harness/extraction-entry';
import {
  EXTRACTION_DIRS,
  bundleExtraction,
  extractionPages,
  formatHalves,
  formatTable,
  measurePages,
  readLayout,
  type PageResult,
} from '../harness/extraction';
import { FINDER_LAYOUTS } from '../harness/finder-layouts';
import { median } from '../harness/median';
import { FIXTURE_PAGES_DIR } from '../harness/server';

// The article Crosscheck reads on 270 saved pages (../shared/extraction-pages, ../shared/realpages
// and ../shared/postlight-pages), word for word against the article Mozilla Readability extracts
// from each. The pages are split once, by a hash of each name, into a half the finder is tuned on
// and a half it is held to: both are reported, the targets are checked on the second.
const missing = EXTRACTION_DIRS.filter((dir) => !existsSync(dir));
const MEDIAN_RECALL = 0.97;
const MEDIAN_PRECISION = 0.9;
const MIN_RECALL = 0.8;
/**
 * Pages not held to MIN_RECALL, and why: pages that are not articles, references that keep text
 * Crosscheck leaves out on purpose, and the finder's known misses. Reported in the table and
 * counted in the medians.
 */
const NOT_HELD_TO_MIN_RECALL: Readonly<Record<string, string>> = {
  'extraction-pages/firefox-nightly-blog':
    'the reference keeps the reader comments and the bare link lists ("Bug 1677080 – …"), which are furniture here',
  'extraction-pages/hukumusume':
    'the reference takes the whole layout-table row, the sidebar cell of daily links included; Crosscheck takes the story cell',
  'postlight-pages/clinicaltrials.gov': 'not an article: a trial record, tables of fields the reference reads in full',
  'postlight-pages/genius.com':
    'not an article: a song page; the reference joins the lyrics to the annotations column, Crosscheck reads one annotation',
  'postlight-pages/japan.zdnet.com':
    'a photo page whose text (276 characters) is under an article’s worth; the reference is the site’s copyright notice',
  'postlight-pages/mashable.com':
    'the reference keeps twelve placeholders of deleted tweets ("Tweet may have been deleted (opens in a new tab)")',
  'postlight-pages/phpspot.org': 'not an article: the reference is the whole page, menus and link lists included',
  'postlight-pages/sandiegouniontribune.com':
    'the finder’s miss: the whole page sits in a wrapper named after an ad slot ("Page-ad-margins"), passed over as unlikely, and a row of promos outside it is taken instead',
  'postlight-pages/www.lifehacker.jp': 'the reference keeps the list of related articles under the story',
  'postlight-pages/www.linkedin.com': 'the reference keeps the list of the author’s other articles',
  'postlight-pages/www.mentalfloss.com':
    'a list of shop offers, each a link: link lists are furniture here, the reference keeps them',
  'postlight-pages/www.ossnews.jp':
    'the reference keeps the addresses of the sources, link text that is furniture here',
  'postlight-pages/www.reddit.com--external-image': 'not an article: a forum thread',
  'postlight-pages/www.reddit.com--external-link': 'not an article: a forum thread',
  'postlight-pages/www.reddit.com--image': 'not an article: a forum thread',
  'postlight-pages/www.reddit.com--title-only': 'not an article: a forum thread with a title only',
  'postlight-pages/www.today.com':
    'the reference keeps the headline and standfirst above the story and the "RELATED" links in it, outside Crosscheck’s article',
  'postlight-pages/www.youtube.com': 'not an article: a video page',
};

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
    'finds the article as Readability does on the checking half: median recall and precision, no page far off',
    async () => {
      const pages = extractionPages();
      for (const name of Object.keys(NOT_HELD_TO_MIN_RECALL))
        expect(
          pages.map((page) => page.name),
          'a page not held to the floor is one of the pages',
        ).toContain(name);
      results = await measurePages(browser, pages);
      console.log(formatTable(results));
      console.log(formatHalves(results, MIN_RECALL));
      for (const [name, why] of Object.entries(NOT_HELD_TO_MIN_RECALL))
        console.log(`not held to ${MIN_RECALL}: ${name}: ${why}`);
      const checking = results.filter((r) => !r.excluded && r.half === 'checking');
      expect(checking.length).toBeGreaterThan(100);
      expect(median(checking.map((r) => r.recall))).toBeGreaterThanOrEqual(MEDIAN_RECALL);
      expect(median(checking.map((r) => r.precision))).toBeGreaterThanOrEqual(MEDIAN_PRECISION);
      const low = checking
        .filter((r) => r.recall < MIN_RECALL && !(r.name in NOT_HELD_TO_MIN_RECALL))
        .map((r) => `${r.name} (${r.recall.toFixed(3)})`);
      expect(low, 'pages of the checking half where Crosscheck reads less than 80% of the article').toEqual([]);
    },
    600_000,
  );
});

describe('layouts no one tuned for, in Chromium', () => {
  it.each(FINDER_LAYOUTS.map((layout) => [layout.layout, layout] as const))(
    '%s: the whole story, nothing around it',
    async (_layout, { file, absent }) => {
      const { text, story } = await readLayout(browser, readFileSync(join(FIXTURE_PAGES_DIR, file), 'utf8'));
      expect(story.length).toBeGreaterThanOrEqual(6);
      const words = text.replace(/\s+/g, ' ');
      for (const line of story) expect(words).toContain(line.replace(/\s+/g, ' '));
      for (const line of absent) expect(words).not.toContain(line);
    },
  );
});

// How long finding the article takes on this page (its first call, on a fresh load) is a budget of
// the benchmark's (npm run bench): on a shared machine a test run's wall times move with whatever else runs.
describe('a long article', () => {
  it('is read whole: all of its 100,000 characters', async () => {
    const { html } = longArticlePage();
    const page = await browser.newPage();
    await page.route('**/*', (route) =>
      route.request().url() === 'http://extraction.test/long.html'
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
        : route.abort(),
    );
    await page.goto('http://extraction.test/long.html', { waitUntil: 'load' });
    await page.evaluate(await bundleExtraction());
    const chars = await page.evaluate(
      () => (window as unknown as { crosscheckExtraction: Extraction }).crosscheckExtraction.article().text.length,
    );
    await page.close();
    expect(chars).toBeGreaterThan(90_000);
  });
});
