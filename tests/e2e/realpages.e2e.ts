import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium, launchWithExtension, type ExtensionBrowser } from '../harness/chromium';
import { builtExtensionPath } from '../harness/extension';
import { waitForFirstPass } from '../harness/first-pass';
import { REALPAGES_DIR, startPageServer, type PageServer } from '../harness/server';

// The saved real news pages in ../shared/realpages, offline (scripts, style sheets and frames
// removed; every request but our own server's aborted), with and without the extension.
const available = existsSync(REALPAGES_DIR);
const pages = available
  ? readdirSync(REALPAGES_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
  : [];
let server: PageServer;
let withExtension: ExtensionBrowser;
let plain: Browser;

beforeAll(async () => {
  if (!available) return;
  server = await startPageServer();
  withExtension = await launchWithExtension(builtExtensionPath());
  plain = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
});
afterAll(async () => {
  await withExtension?.close();
  await plain?.close();
  await server?.close();
});

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

async function load(page: Page, name: string): Promise<void> {
  await page.route('**/*', (route) =>
    route.request().url().startsWith(server.origin) ? route.continue() : route.abort(),
  );
  await page.goto(`${server.origin}/realpages/${name}/source.html`, { waitUntil: 'load' });
}

describe('real pages', () => {
  it('are there (../shared/realpages beside the project)', () => {
    if (!available) {
      throw new Error(
        `The real-pages suite needs the saved pages at ${REALPAGES_DIR}, which is missing. ` +
          'Place the shared folder beside the project (CI does), or run the other suites alone.',
      );
    }
    expect(pages.length).toBeGreaterThan(0);
  });

  // What each pass costs is a budget of the benchmark's (npm run bench).
  it.each(pages)(
    '%s: an article found, no errors, text and DOM intact, highlights only in the article',
    async (name) => {
      const baseline = await plain.newPage();
      await load(baseline, name);
      const original = await baseline.evaluate(() => ({
        text: document.body.textContent,
        html: document.body.innerHTML,
      }));
      await baseline.close();

      const page = await withExtension.context.newPage();
      const errors: string[] = [];
      // Only Crosscheck's errors count: the saved pages' own inline handlers fail without their scripts.
      const ours = (text: string, url = '') => url.startsWith('chrome-extension://') || /crosscheck/i.test(text);
      page.on('console', (message) => {
        if (message.type() === 'error' && ours(message.text(), message.location().url)) errors.push(message.text());
      });
      page.on('pageerror', (error) => {
        if (ours(`${error.message}\n${error.stack ?? ''}`)) errors.push(error.message);
      });
      await load(page, name);
      // Every saved page is a news article: Crosscheck finds it and ends a first pass on it.
      await waitForFirstPass(page);

      const expectedHtml = readFileSync(join(REALPAGES_DIR, name, 'expected.html'), 'utf8');
      const after = await page.evaluate((expectedHtml) => {
        const clone = document.body.cloneNode(true) as HTMLElement;
        for (const mark of clone.querySelectorAll('crosscheck-mark')) mark.replaceWith(...mark.childNodes);
        clone.normalize();
        const blocks = [...document.querySelectorAll('crosscheck-mark')].map((mark) => {
          let block: Element | null = mark.parentElement;
          while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
          return block?.textContent ?? '';
        });
        const expected = new DOMParser().parseFromString(expectedHtml, 'text/html').body.textContent ?? '';
        return {
          text: document.body.textContent,
          html: clone.innerHTML,
          blocks,
          // The article as a reader mode extracts it, plus the headline it moves out of the body.
          article: `${document.title} ${expected}`,
        };
      }, expectedHtml);
      await page.close();

      expect(errors).toEqual([]);
      expect(after.text).toBe(original.text);
      expect(after.html).toBe(original.html);
      const article = normalize(after.article);
      const outside = after.blocks.map(normalize).filter((block) => !article.includes(block.slice(0, 80)));
      expect(outside).toEqual([]);
    },
  );
});
