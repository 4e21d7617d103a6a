import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../harness/chromium';
import { bundleForPage } from '../harness/page-script';
import { PROJECT_ROOT } from '../harness/server';
import type { MetadataEntry, MetadataReading } from '../harness/metadata-entry';
import { cleanDeclared, cleanText, DECLARED_LIMITS, type DeclaredField } from '@/lib/my-sources/declared';
import { withoutBy } from '@/lib/my-sources/metadata';

// What Crosscheck reads about a page when the reader saves it, against what reader mode reads
// (@mozilla/readability 0.6's title, byline, site name and publication time, in each page's
// expected-metadata.json) on the 170 saved pages of ../shared/postlight-pages. Each page is loaded
// offline with scripts off, as Readability read it, and read by the content script's own modules.
// Most of these pages were saved with their <meta> tags' `content` renamed `value` (150 of the 170), so
// reader mode's tag sources are little tried here: tests/unit/my-sources/metadata.test.ts has a
// table for each.
const PAGES_DIR = join(PROJECT_ROOT, '../shared/postlight-pages');
const missing = !existsSync(PAGES_DIR);
/** Of the pages where reader mode states a field, Crosscheck states the same at least this often. */
const AGREEMENT = 0.9;
const ORIGIN = 'http://metadata.test';

const FIELDS = [
  ['title', 'title'],
  ['author', 'byline'],
  ['site', 'siteName'],
  ['published', 'publishedTime'],
] as const satisfies readonly (readonly [DeclaredField, string])[];

/**
 * Where Crosscheck states another value than reader mode on purpose: named here with why, and
 * still counted as disagreeing.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {
  'www.vulture.com--content-test author':
    'the byline names its author in <meta itemprop="name" content="Abraham Riesman">; reader mode reads that element’s empty text, walks on and takes the next element with "author" in its class, the Twitter handle',
};

/**
 * Compared as shown: cleaned as Crosscheck keeps declared text (spaces collapsed, controls out), a
 * leading "By" left out (reader mode keeps "ByTravis Haney", Crosscheck shows "Travis Haney"), and
 * empty as unstated.
 */
const shown = (value: string | null) => (value === null ? null : withoutBy(cleanText(value)) || null);

type Outcome = 'agree' | 'differ' | 'missed' | 'extra' | 'neither';

function outcome(ours: string | null, reference: string | null): Outcome {
  if (ours === reference) return reference === null ? 'neither' : 'agree';
  if (reference === null) return 'extra';
  return ours === null ? 'missed' : 'differ';
}

interface PageReading {
  readonly name: string;
  readonly reading: MetadataReading;
  readonly reference: Readonly<Record<string, string | null>>;
}

async function readPages(browser: Browser): Promise<PageReading[]> {
  const script = await bundleForPage('tests/harness/metadata-entry.ts');
  const names = readdirSync(PAGES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(PAGES_DIR, d.name, 'source.html')))
    .map((d) => d.name)
    .sort();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const pages: PageReading[] = [];
  try {
    for (const name of names) {
      const page = await context.newPage();
      const address = `${ORIGIN}/${name}/`;
      await page.route('**/*', (route) => {
        const request = route.request();
        if (request.url() === address) {
          return route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            body: readFileSync(join(PAGES_DIR, name, 'source.html')),
          });
        }
        // A page that sends the reader elsewhere (twitter.com's <noscript> refresh) stays put: a
        // navigation answered "204 No Content" leaves the page as it is.
        return request.isNavigationRequest() ? route.fulfill({ status: 204 }) : route.abort();
      });
      await page.goto(address, { waitUntil: 'domcontentloaded' });
      await page.evaluate(script);
      const reading = await page.evaluate(() =>
        (window as unknown as { crosscheckMetadata: MetadataEntry }).crosscheckMetadata.read(),
      );
      await page.close();
      const reference = JSON.parse(readFileSync(join(PAGES_DIR, name, 'expected-metadata.json'), 'utf8'));
      pages.push({ name, reading, reference });
    }
  } finally {
    await context.close();
  }
  return pages;
}

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('page metadata against reader mode', () => {
  it('has its pages (../shared beside the project)', () => {
    if (missing) {
      throw new Error(
        `The metadata suite needs the saved pages at ${PAGES_DIR}, which are missing. ` +
          'Place the shared folder beside the project (CI does), or run the other suites alone.',
      );
    }
  });

  it.runIf(!missing)(
    'states what reader mode states, field by field, and lists every difference',
    async () => {
      const pages = await readPages(browser);
      expect(pages.length).toBeGreaterThan(150);
      const lines: string[] = [];
      const rates: Record<string, number> = {};
      for (const [field, key] of FIELDS) {
        const counts: Record<Outcome, string[]> = { agree: [], differ: [], missed: [], extra: [], neither: [] };
        for (const { name, reading, reference } of pages) {
          const ours = shown(cleanDeclared(reading.metadata[field], DECLARED_LIMITS[field]));
          const theirs = shown(reference[key] ?? null);
          const result = outcome(ours, theirs);
          const known = KNOWN_DIFFERENCES[`${name} ${field}`];
          counts[result].push(
            result === 'differ'
              ? `${name}: ${JSON.stringify(ours)}, reader mode ${JSON.stringify(theirs)}${known ? ` (${known})` : ''}`
              : result === 'missed'
                ? `${name}: reader mode ${JSON.stringify(theirs)}`
                : `${name}: ${JSON.stringify(ours)}`,
          );
        }
        const stated = counts.agree.length + counts.differ.length + counts.missed.length;
        rates[field] = stated === 0 ? 1 : counts.agree.length / stated;
        lines.push(
          `${field}: reader mode states it on ${stated} pages; Crosscheck agrees on ${counts.agree.length} ` +
            `(${(rates[field] * 100).toFixed(1)}%), differs on ${counts.differ.length}, misses ${counts.missed.length}; ` +
            `states it where reader mode does not on ${counts.extra.length}; neither on ${counts.neither.length}`,
          ...counts.differ.map((line) => `  differs  ${line}`),
          ...counts.missed.map((line) => `  missed   ${line}`),
          ...counts.extra.map((line) => `  extra    ${line}`),
        );
      }
      const times = pages.map((p) => p.reading.ms).sort((a, b) => a - b);
      lines.push(
        `reading the metadata: median ${times[times.length >> 1]!.toFixed(2)} ms, slowest ${times.at(-1)!.toFixed(2)} ms`,
      );
      console.log(lines.join('\n'));
      for (const [field] of FIELDS) {
        expect(rates[field], `${field}: agreement with reader mode`).toBeGreaterThanOrEqual(AGREEMENT);
      }
    },
    300_000,
  );
});
