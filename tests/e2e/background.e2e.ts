import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionSuite } from '../harness/e2e';

const suite = extensionSuite();

/** Opens the seed article page; resolves with its highlights (entry and text, in order), its pass's detail and the page's errors. */
async function annotatedSeedPage(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${suite.server.origin}/seed/armitage.html`);
  await page.waitForFunction(() => performance.getEntriesByName('crosscheck:annotate').length > 0);
  const highlights = await page.$$eval('crosscheck-mark', (marks) =>
    marks.map((m) => `${m.getAttribute('data-crosscheck-id')}:${m.textContent}`),
  );
  const detail = await page.evaluate(
    () =>
      (performance.getEntriesByName('crosscheck:annotate')[0] as PerformanceMeasure).detail as Record<string, number>,
  );
  return { highlights, detail, errors };
}

// The page's text is matched by the extension's background: the page only reads it and draws.
describe('matching in the background', () => {
  it('annotates a page as before when the browser has stopped the background, which starts again for it', async () => {
    const awake = await annotatedSeedPage(await suite.browser.context.newPage());
    expect(awake.highlights.length).toBeGreaterThan(50);
    expect(awake.detail.requests).toBeGreaterThanOrEqual(1);

    const page = await suite.browser.context.newPage();
    // As Chromium does after 30 s without events.
    const cdp = await suite.browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const asleep = await annotatedSeedPage(page);
    expect(asleep.highlights).toEqual(awake.highlights);
    expect(asleep.errors).toEqual([]);
  });
});
