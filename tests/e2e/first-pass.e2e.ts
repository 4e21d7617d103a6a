import { beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession } from 'playwright-core';
import { longArticlePage } from '../harness/big-page';
import { extensionSuite } from '../harness/e2e';

const LONG_PAGE = '/long-article.html';
const suite = extensionSuite({}, new Map([[LONG_PAGE, longArticlePage().html]]));
// The heavy case: every mention drawn, as the engine's benchmark and the naive baseline do.
beforeAll(() => suite.useSettings({ everyMention: true }));

interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
}

/** Records a Chromium trace of the main thread's tasks and user timing while `run` runs. */
async function trace(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['disabled-by-default-devtools.timeline', 'blink.user_timing'],
    },
  });
  await run();
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

// The Long Tasks API in the page does not see a content script's tasks, so the browser's own
// trace is read: every task on the page's main thread while Crosscheck's first pass ran (the
// first of them also compiles the matcher). The page is cold: nothing of ours has run there yet.
describe('the first pass on a long article', () => {
  it('runs in tasks under 50 ms, cold, on a 100,000-character page', async () => {
    const page = await suite.browser.context.newPage();
    const cdp = await suite.browser.context.newCDPSession(page);
    const events = await trace(cdp, async () => {
      await page.goto(`${suite.server.origin}${LONG_PAGE}`);
      await page.waitForFunction(() => performance.getEntriesByName('crosscheck:annotate').length > 0);
    });
    const begin = events.find((e) => e.name === 'crosscheck:annotate' && e.ph === 'b');
    const end = events.find((e) => e.name === 'crosscheck:annotate' && e.ph === 'e');
    expect(begin && end, 'the pass is in the trace').toBeTruthy();
    const tasks = events.filter(
      (e) =>
        e.name === 'RunTask' &&
        e.pid === begin!.pid &&
        e.tid === begin!.tid &&
        e.ts + (e.dur ?? 0) > begin!.ts &&
        e.ts < end!.ts,
    );
    const longest = Math.max(...tasks.map((e) => (e.dur ?? 0) / 1000));
    console.log(
      `long article: first pass ${((end!.ts - begin!.ts) / 1000).toFixed(1)} ms in ${tasks.length} tasks, longest ${longest.toFixed(1)} ms`,
    );
    expect(await page.locator('crosscheck-mark').count()).toBeGreaterThan(1000);
    expect(tasks.length).toBeGreaterThan(1);
    expect(longest).toBeLessThan(50);
    await page.close();
  });
});
