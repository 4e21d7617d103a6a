import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BATCH_DELAY_MS, QUIET_MS } from '@/lib/page-life/live-annotator';
import { CHROMIUM_FLAGS, findChromium } from '../harness/chromium';
import { extensionSuite } from '../harness/e2e';
import { waitForFirstPass } from '../harness/first-pass';

// Pages that change under Crosscheck: editors, an article swapped without navigation, a ticker and
// a page that strips our highlights. Each is checked for Crosscheck's errors too.
const suite = extensionSuite();
let plain: Browser;
beforeAll(async () => {
  plain = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
});
afterAll(async () => {
  await plain?.close();
});

/**
 * After the reader's last key: long enough for the live annotator's batch and its quiet pass (the
 * pass it makes once a block stops changing) to have run. What is checked is an absence (nothing
 * written into the editor), which no event marks, so the wait is bounded by the annotator's own delays.
 */
const SETTLE_MS = BATCH_DELAY_MS + QUIET_MS + 400;

/** Opens a fixture in the browser with the extension, collecting errors. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await suite.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${suite.server.origin}${path}`);
  return { page, errors };
}

/** Does the same to a page with the extension and to a page without it, and returns both editors' HTML. */
async function typeInBoth(path: string, editor: string, act: (page: Page) => Promise<void>) {
  const { page, errors } = await open(path);
  await waitForFirstPass(page);
  const control = await plain.newPage();
  await control.goto(`${suite.server.origin}${path}`);
  for (const each of [page, control]) await act(each);
  await page.waitForTimeout(SETTLE_MS);
  const html = (p: Page) => p.$eval(editor, (element) => element.innerHTML);
  const result = { withExtension: await html(page), without: await html(control), page, errors };
  await control.close();
  return result;
}

/**
 * A reader typing known terms, pressing Enter and going on, pausing as people do (the pauses are
 * the reader's, not waits for Crosscheck: they let its batches run while the reader types).
 */
async function typeKnownTerms(page: Page): Promise<void> {
  await page.keyboard.type(' Gavin Newsom spoke of soft secession', { delay: 5 });
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.keyboard.type('and of Printz v. United States and ICE.', { delay: 5 });
  await page.waitForTimeout(300);
}

describe('editors', () => {
  it.each<[string, string, string, (page: Page) => Promise<void>]>([
    [
      'an editor box inside the article',
      '/fixtures/editors.html',
      '#comment-box',
      async (page) => {
        await page.click('#comment-box p');
      },
    ],
    [
      'a paragraph the page makes editable after it was annotated',
      '/fixtures/editors.html',
      '#editable-later',
      async (page) => {
        await page.click('#edit-toggle');
        await page.click('#editable-later');
      },
    ],
    [
      'an editable article (drawn without touching its DOM)',
      '/fixtures/editable-article.html',
      '#draft',
      async (page) => {
        await page.click('#last');
      },
    ],
  ])('never writes into %s as the reader types in it', async (_name, path, editor, focus) => {
    const { withExtension, without, page, errors } = await typeInBoth(path, editor, async (p) => {
      await focus(p);
      await p.keyboard.press('End');
      await typeKnownTerms(p);
    });
    expect(withExtension).toContain('Printz v. United States and ICE');
    expect(withExtension).not.toContain('crosscheck-mark');
    expect(withExtension).toBe(without);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('annotates the article around an editor, but not an inert block', async () => {
    const { page, errors } = await open('/fixtures/editors.html');
    await page.waitForSelector('#story > p crosscheck-mark');
    expect(await page.$$('#inert-block crosscheck-mark')).toHaveLength(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('pages that change their content', () => {
  it('annotates an article inserted 2 s after the page removed the one it had, with no navigation', async () => {
    const { page, errors } = await open('/fixtures/article-swap.html');
    await page.waitForSelector('#second [data-crosscheck-id="clara-jeffrey"]', { timeout: 6000 });
    const ids = await page.$$eval('#second [data-crosscheck-id]', (marks) =>
      marks.map((m) => m.getAttribute('data-crosscheck-id')),
    );
    expect(ids).toEqual(expect.arrayContaining(['soft-secession', 'jon-michaels', 'tenth-amendment', 'senate']));
    expect(await page.$$('nav [data-crosscheck-id]')).toHaveLength(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  // How soon after it stops is a budget of the benchmark's (npm run bench).
  it('annotates a ticker paragraph once it stops changing', async () => {
    const { page, errors } = await open('/fixtures/ticker.html');
    // The fixture notes the first highlight in the ticker after its last change.
    await page.waitForFunction(() => (window as { tickerMarkedAt?: number }).tickerMarkedAt !== undefined);
    const ids = await page.$$eval('#ticker [data-crosscheck-id]', (marks) =>
      marks.map((m) => m.getAttribute('data-crosscheck-id')),
    );
    expect(ids).toEqual(['gavin-newsom', 'ice', 'soft-secession']);
    expect(errors).toEqual([]);
    await page.close();
  });

  // What those passes cost is a budget of the benchmark's (npm run bench).
  it('answers a page that strips its highlights on every change for 10 s with a few passes', async () => {
    const { page, errors } = await open('/fixtures/highlight-stripper.html');
    await page.waitForFunction(() => (window as { strippingEnded?: boolean }).strippingEnded === true, null, {
      timeout: 20_000,
    });
    const { passes, stripped } = await page.evaluate(() => ({
      passes: performance.getEntriesByName('crosscheck:annotate').length,
      stripped: (window as unknown as { stripped: number }).stripped,
    }));
    expect(stripped).toBeGreaterThan(0); // the page did fight
    // Prompt passes over each of the six blocks, then passes 1, 2, 4 and 8 s apart once it is quiet.
    expect(passes).toBeLessThanOrEqual(40);
    expect(errors).toEqual([]);
    await page.close();
  });
});
