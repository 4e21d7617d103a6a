import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionSuite } from '../harness/e2e';
import { waitForFirstPass } from '../harness/first-pass';

/**
 * A page whose own script keeps its main thread busy for 1.5 s before the rest of it loads, as
 * heavy news pages do, and notes when it let go (Date.now(): the same clock as the test's).
 */
const SLOW_START = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A slow page</title>
<script>{ const until = performance.now() + 1500; while (performance.now() < until); window.busyEndedAt = Date.now(); }</script>
</head><body><article><p>Soft secession, as Chris Armitage calls it.</p></article></body></html>`;

const suite = extensionSuite({}, new Map([['/slow-start.html', SLOW_START]]));

/** Opens the seed article page; resolves with its highlights (entry and text, in order), its pass's detail and the page's errors. */
async function annotatedSeedPage(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${suite.server.origin}/seed/armitage.html`);
  await waitForFirstPass(page);
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

  /**
   * Stops the background, then loads the page whose script holds it back 1.5 s: when the
   * background's worker started running again (null: not before the page loaded), and when the
   * page's script let go, in Date.now() time.
   */
  async function backgroundStartDuringSlowLoad(): Promise<{ running: number | null; busyEnded: number }> {
    const page = await suite.browser.context.newPage();
    // Another tab's content script could wake the background meanwhile.
    for (const other of suite.browser.context.pages()) if (other !== page) await other.close();
    const cdp = await suite.browser.context.newCDPSession(page);
    const events: { at: number; status: string }[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions)
        if (version.scriptURL.startsWith(`chrome-extension://${suite.browser.extensionId}/`))
          events.push({ at: Date.now(), status: version.runningStatus });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => events.at(-1)?.status).toBe('stopped');
    const asked = Date.now();
    await page.goto(`${suite.server.origin}/slow-start.html`, { waitUntil: 'domcontentloaded' });
    const loaded = Date.now();
    const running = events.find((event) => event.at >= asked && event.at <= loaded && event.status === 'running');
    const busyEnded = await page.evaluate(() => (window as unknown as { busyEndedAt: number }).busyEndedAt);
    return { running: running?.at ?? null, busyEnded };
  }

  it('wakes a stopped background as a page starts loading, not once the page has loaded', async () => {
    const { running, busyEnded } = await backgroundStartDuringSlowLoad();
    // A background woken by the content script, which runs once the page has loaded, would start
    // after the page's script let go; woken as the page starts loading, it runs while the script holds on.
    expect(running).not.toBeNull();
    expect(running!).toBeLessThan(busyEnded);
  });
});
