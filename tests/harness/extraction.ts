import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { ArticleReading, Extraction } from './extraction-entry';
import { median } from './median';
import { bundleForPage } from './page-script';
import { PROJECT_ROOT, REALPAGES_DIR } from './server';
import { compareWords, type WordScore } from './word-bag';

/** Readability's test pages beside the project (test use only; never copied into it). */
export const EXTRACTION_PAGES_DIR = join(PROJECT_ROOT, '../shared/extraction-pages');
/** postlight/parser's fixtures, with Readability's output as the reference. */
export const POSTLIGHT_PAGES_DIR = join(PROJECT_ROOT, '../shared/postlight-pages');
export const EXTRACTION_DIRS = [EXTRACTION_PAGES_DIR, REALPAGES_DIR, POSTLIGHT_PAGES_DIR] as const;

/**
 * A reference article shorter than this (in characters) is "no article": Crosscheck leaves a page
 * with less prose than its MIN_ARTICLE_TEXT alone, so such a page is reported, not scored.
 */
export const MIN_REFERENCE_CHARS = 500;

/**
 * The finder is tuned on one half of the pages and held to its targets on the other, so that the
 * figures say how it does on layouts no one tuned it for.
 */
export type Half = 'tuning' | 'checking';
const HALVES: readonly Half[] = ['tuning', 'checking'];

/** A page's half: fixed by a hash of its name, so a page never changes half and the halves need no list. */
export function halfOf(name: string): Half {
  return createHash('sha256').update(name).digest()[0]! % 2 === 0 ? 'tuning' : 'checking';
}

export interface ExtractionPage {
  /** "extraction-pages/medium-1", "realpages/bbc-1", "postlight-pages/www.cnn.com". */
  readonly name: string;
  readonly dir: string;
  readonly half: Half;
}

export function extractionPages(): ExtractionPage[] {
  return EXTRACTION_DIRS.flatMap((base) =>
    readdirSync(base, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(base, d.name, 'source.html')))
      .map((d) => {
        const name = `${base.split('/').pop()}/${d.name}`;
        return { name, dir: join(base, d.name), half: halfOf(name) };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
}

export const bundleExtraction = () => bundleForPage('tests/harness/extraction-entry.ts');

export interface PageResult extends WordScore {
  readonly name: string;
  readonly half: Half;
  readonly ms: number;
  readonly root: string | null;
  /** The reference has (almost) no article: reported, not held to the thresholds. */
  readonly excluded: boolean;
  readonly ours: string;
  readonly expected: string;
}

const ORIGIN = 'http://extraction.test';
/**
 * Nothing the page asks for is fetched (Readability read the page alone), and the browser itself
 * refuses it: cheaper than answering each request, hundreds on a real page, from the test.
 */
const OFFLINE_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

/**
 * Loads each page as saved, offline and with scripts off (as Readability read it), in its own
 * page of a fresh context, and reads the article the way the content script does.
 */
export async function measurePages(browser: Browser, pages: readonly ExtractionPage[]): Promise<PageResult[]> {
  const script = await bundleExtraction();
  const results: PageResult[] = [];
  const context = await browser.newContext({ javaScriptEnabled: false });
  const dirs = new Map(pages.map(({ name, dir }) => [`${ORIGIN}/${name}/source.html`, dir]));
  try {
    // One tab for all the pages: each navigation starts the page's world afresh.
    const page = await context.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const dir = dirs.get(route.request().url());
      return dir
        ? route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            headers: { 'Content-Security-Policy': OFFLINE_POLICY },
            body: withoutRedirects(readFileSync(join(dir, 'source.html'))),
          })
        : route.abort();
    });
    for (const { name, dir, half } of pages) {
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
      const score = compareWords(reading.text, expected);
      const excluded = expected.replace(/\s+/g, ' ').trim().length < MIN_REFERENCE_CHARS;
      results.push({
        name,
        half,
        ...score,
        ms: reading.ms,
        root: reading.root,
        excluded,
        ours: reading.text,
        expected,
      });
    }
  } finally {
    await context.close();
  }
  return results;
}

/**
 * On one of the project's own pages (`html`), the article Crosscheck reads in Chromium, as the
 * extraction suite reads a saved page, and the page's story: its paragraphs with an id.
 */
export async function readLayout(browser: Browser, html: string): Promise<{ text: string; story: string[] }> {
  const script = await bundleExtraction();
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.route(`${ORIGIN}/**`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'Content-Security-Policy': OFFLINE_POLICY },
        body: html,
      }),
    );
    await page.goto(`${ORIGIN}/layout.html`, { waitUntil: 'domcontentloaded' });
    await page.evaluate(script);
    const { text } = await page.evaluate(
      () =>
        (window as unknown as { crosscheckExtraction: Extraction }).crosscheckExtraction.article() as ArticleReading,
    );
    const story = await page.$$eval('p[id]', (paragraphs) => paragraphs.map((p) => p.textContent ?? ''));
    return { text, story };
  } finally {
    await context.close();
  }
}

/**
 * The page as a document, its `<meta http-equiv="refresh">` taken out: Readability read it where it
 * was saved, and a saved page that sends a reader without scripts elsewhere (twitter.com) would
 * leave nothing to read. Bytes stay as saved (read as latin1, one character per byte).
 */
function withoutRedirects(html: Buffer): Buffer {
  return Buffer.from(
    html.toString('latin1').replace(/<meta\s[^>]*http-equiv\s*=\s*["']?refresh[^>]*>/gi, ''),
    'latin1',
  );
}

export function formatTable(results: readonly PageResult[]): string {
  const rows = results.map(
    (r) =>
      `${r.name.padEnd(56)} ${r.half.padEnd(8)} ${r.recall.toFixed(3)} ${r.precision.toFixed(3)} ${r.ms.toFixed(2).padStart(7)} ` +
      `${String(r.expectedWords).padStart(6)} ${String(r.ourWords).padStart(6)}  ${r.excluded ? '(no reference article) ' : ''}${r.root ?? '—'}`,
  );
  return [
    `${'page'.padEnd(56)} ${'half'.padEnd(8)} recall prec. ms(find) ref.w  our.w  root`,
    ...rows,
    `slowest findArticleRoot ${Math.max(...results.map((r) => r.ms)).toFixed(2)} ms; ` +
      `no reference article: ${results.filter((r) => r.excluded).length}`,
  ].join('\n');
}

/** The medians of the scored pages of each folder and half, and how many read less than `minRecall`. */
export function formatHalves(results: readonly PageResult[], minRecall: number): string {
  const scored = results.filter((r) => !r.excluded);
  const folders = [...new Set(scored.map((r) => r.name.split('/')[0]!))];
  const groups: [string, readonly PageResult[]][] = [
    ...folders.flatMap((folder) =>
      HALVES.map((half): [string, PageResult[]] => [
        `${folder}, ${half}`,
        scored.filter((r) => r.name.startsWith(`${folder}/`) && r.half === half),
      ]),
    ),
    ...HALVES.map((half): [string, PageResult[]] => [`all, ${half}`, scored.filter((r) => r.half === half)]),
    ['all', scored],
  ];
  return [
    `${'pages'.padEnd(30)} scored median recall median precision under ${minRecall.toFixed(2)}`,
    ...groups.map(
      ([label, group]) =>
        `${label.padEnd(30)} ${String(group.length).padStart(6)} ${median(group.map((r) => r.recall))
          .toFixed(3)
          .padStart(13)} ` +
        `${median(group.map((r) => r.precision))
          .toFixed(3)
          .padStart(16)} ${String(group.filter((r) => r.recall < minRecall).length).padStart(10)}`,
    ),
  ].join('\n');
}
