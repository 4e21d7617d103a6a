import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { ArticleReading, Extraction } from './extraction-entry';
import { bundleForPage } from './page-script';
import { PROJECT_ROOT, REALPAGES_DIR } from './server';
import { compareWords, type WordScore } from './word-bag';

/** Readability's test pages beside the project (test use only; never copied into it). */
export const EXTRACTION_PAGES_DIR = join(PROJECT_ROOT, '../shared/extraction-pages');
export const EXTRACTION_DIRS = [EXTRACTION_PAGES_DIR, REALPAGES_DIR] as const;

/**
 * A reference article shorter than this (in characters) is "no article": Crosscheck leaves a page
 * with less prose than its MIN_ARTICLE_TEXT alone, so such a page is reported, not scored.
 */
export const MIN_REFERENCE_CHARS = 500;

export interface ExtractionPage {
  /** "extraction-pages/medium-1", "realpages/bbc-1". */
  readonly name: string;
  readonly dir: string;
}

export function extractionPages(): ExtractionPage[] {
  return EXTRACTION_DIRS.flatMap((base) =>
    readdirSync(base, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(base, d.name, 'source.html')))
      .map((d) => ({ name: `${base.split('/').pop()}/${d.name}`, dir: join(base, d.name) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
}

export const bundleExtraction = () => bundleForPage('tests/harness/extraction-entry.ts');

export interface PageResult extends WordScore {
  readonly name: string;
  readonly ms: number;
  readonly root: string | null;
  /** The reference has (almost) no article: reported, not held to the thresholds. */
  readonly excluded: boolean;
  readonly ours: string;
  readonly expected: string;
}

const ORIGIN = 'http://extraction.test';

/**
 * Loads each page as saved, offline and with scripts off (as Readability read it), in its own
 * page of a fresh context, and reads the article the way the content script does.
 */
export async function measurePages(browser: Browser, pages: readonly ExtractionPage[]): Promise<PageResult[]> {
  const script = await bundleExtraction();
  const results: PageResult[] = [];
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    for (const { name, dir } of pages) {
      const page = await context.newPage();
      await page.route('**/*', (route) =>
        route.request().url() === `${ORIGIN}/${name}/source.html`
          ? route.fulfill({
              status: 200,
              contentType: 'text/html; charset=utf-8',
              body: readFileSync(join(dir, 'source.html')),
            })
          : route.abort(),
      );
      await page.goto(`${ORIGIN}/${name}/source.html`, { waitUntil: 'domcontentloaded' });
      await page.evaluate(script);
      const reading = await page.evaluate(
        () =>
          (window as unknown as { crosscheckExtraction: Extraction }).crosscheckExtraction.article() as ArticleReading,
      );
      const expected = await page.evaluate(
        (html) => (window as unknown as { crosscheckExtraction: Extraction }).crosscheckExtraction.reference(html),
        readFileSync(join(dir, 'expected.html'), 'utf8'),
      );
      await page.close();
      const score = compareWords(reading.text, expected);
      const excluded = expected.replace(/\s+/g, ' ').trim().length < MIN_REFERENCE_CHARS;
      results.push({ name, ...score, ms: reading.ms, root: reading.root, excluded, ours: reading.text, expected });
    }
  } finally {
    await context.close();
  }
  return results;
}

export const median = (xs: readonly number[]) => {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function formatTable(results: readonly PageResult[]): string {
  const rows = results.map(
    (r) =>
      `${r.name.padEnd(52)} ${r.recall.toFixed(3)} ${r.precision.toFixed(3)} ${r.ms.toFixed(2).padStart(7)} ` +
      `${String(r.expectedWords).padStart(6)} ${String(r.ourWords).padStart(6)}  ${r.excluded ? '(no reference article) ' : ''}${r.root ?? '—'}`,
  );
  const scored = results.filter((r) => !r.excluded);
  return [
    `${'page'.padEnd(52)} recall prec. ms(find) ref.w  our.w  root`,
    ...rows,
    `median over ${scored.length} scored pages: recall ${median(scored.map((r) => r.recall)).toFixed(3)}, ` +
      `precision ${median(scored.map((r) => r.precision)).toFixed(3)}; slowest findArticleRoot ` +
      `${Math.max(...results.map((r) => r.ms)).toFixed(2)} ms; excluded: ${results.filter((r) => r.excluded).length}`,
  ].join('\n');
}
