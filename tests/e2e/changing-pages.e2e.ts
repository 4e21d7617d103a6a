import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../harness/chromium';
import { extensionSuite } from '../harness/e2e';

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

/** Time for a batch, a quiet pass and a back-off to have happened, with margin. */
const SETTLE_MS = 1500;

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
  await page.waitForFunction(() => performance.getEntriesByName('crosscheck:annotate').length > 0);
  const control = await plain.newPage();
  await control.goto(`${suite.server.origin}${path}`);
  for (const each of [page, control]) await act(each);
  await page.waitForTimeout(SETTLE_MS);
  const html = (p: Page) => p.$eval(editor, (element) => element.innerHTML);
  const result = { withExtension: await html(page), without: await html(control), page, errors };
  await control.close();
  return result;
}

/** A reader typing known terms, pressing Enter and going on, with a pause between words as people make. */
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

  it('annotates a ticker paragraph within 2 s after it stops changing', async () => {
    const { page, errors } = await open('/fixtures/ticker.html');
    await page.waitForFunction(() => (window as { tickerMarkedAt?: number }).tickerMarkedAt !== undefined, null, {
      timeout: 8000,
    });
    const waited = await page.evaluate(() => {
      const w = window as unknown as { tickerMarkedAt: number; tickerStoppedAt: number };
      return w.tickerMarkedAt - w.tickerStoppedAt;
    });
    console.log(`ticker: annotated ${waited.toFixed(0)} ms after it stopped`);
    expect(waited).toBeLessThan(2000);
    const ids = await page.$$eval('#ticker [data-crosscheck-id]', (marks) =>
      marks.map((m) => m.getAttribute('data-crosscheck-id')),
    );
    expect(ids).toEqual(['gavin-newsom', 'ice', 'soft-secession']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers a page that strips its highlights on every change for 10 s with a few cheap passes', async () => {
    const { page, errors } = await open('/fixtures/highlight-stripper.html');
    await page.waitForTimeout(10_500);
    const { passes, stripped } = await page.evaluate(() => ({
      // Main-thread time (the measure's duration also counts the idle time a pass waits for).
      passes: performance
        .getEntriesByName('crosscheck:annotate')
        .map((e) => ((e as PerformanceMeasure).detail as { busyMs: number }).busyMs),
      stripped: (window as unknown as { stripped: number }).stripped,
    }));
    const total = passes.reduce((sum, d) => sum + d, 0);
    console.log(
      `highlight stripper: ${passes.length} passes in 10 s, ${total.toFixed(1)} ms in all, ${stripped} highlights stripped`,
    );
    expect(stripped).toBeGreaterThan(0); // the page did fight
    // Prompt passes over each of the six blocks, then passes 1, 2, 4 and 8 s apart once it is quiet.
    expect(passes.length).toBeLessThanOrEqual(40);
    expect(total).toBeLessThan(50);
    expect(errors).toEqual([]);
    await page.close();
  });
});
