import { beforeAll, describe, expect, it } from 'vitest';
import { duringPass, withProbes, type ProbeRecord } from '../bench/page-probes';
import { traceWhile } from '../bench/trace';
import { longArticlePage } from '../harness/big-page';
import { extensionSuite } from '../harness/e2e';

const LONG_PAGE = '/long-article.html';
const LONG_READ = '/long-read.html';
const suite = extensionSuite(
  {},
  new Map([
    [LONG_PAGE, longArticlePage().html],
    [LONG_READ, withProbes(longArticlePage(1_000_000).html)],
  ]),
);
// The heavy case: every mention drawn, as the engine's benchmark and the naive baseline do.
beforeAll(() => suite.useSettings({ everyMention: true }));

// The Long Tasks API in the page does not see a content script's tasks, so the browser's own
// trace is read: every task on the page's main thread while Crosscheck's first pass ran (the
// matching runs in the background). The page is cold: nothing of ours has run there yet.
describe('the first pass on a long article', () => {
  it('runs in tasks under 50 ms, cold, on a 100,000-character page', async () => {
    const page = await suite.browser.context.newPage();
    const cdp = await suite.browser.context.newCDPSession(page);
    const events = await traceWhile(cdp, async () => {
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

describe('a long read', () => {
  it('draws what is in view first, in tasks under 50 ms, and leaves the page its timers and frames', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.server.origin}${LONG_READ}`);
    await page.waitForFunction(() => performance.getEntriesByName('crosscheck:annotate').length > 0, undefined, {
      timeout: 60_000,
    });
    const { pass, probe } = await page.evaluate(() => {
      const measure = performance.getEntriesByName('crosscheck:annotate')[0] as PerformanceMeasure;
      return {
        pass: {
          start: measure.startTime,
          duration: measure.duration,
          detail: measure.detail as Record<string, number>,
        },
        probe: (window as unknown as { __crosscheckProbe: ProbeRecord }).__crosscheckProbe,
      };
    });
    const felt = duringPass(probe, pass.start, pass.start + pass.duration);
    console.log(
      `long read: ${pass.detail.highlights} highlights, in view after ${pass.detail.viewportMs!.toFixed(1)} ms, ` +
        `${pass.detail.busyMs!.toFixed(1)} ms of work in ${pass.detail.tasks} tasks over ${pass.duration.toFixed(0)} ms, ` +
        `longest ${pass.detail.longestTaskMs!.toFixed(1)} ms; frame gap ${felt.longestFrameGapMs?.toFixed(1)} ms, ` +
        `timer late ${felt.timerLatenessMaxMs?.toFixed(1)} ms`,
    );
    expect(pass.detail.highlights).toBeGreaterThan(2000);
    // In view long before the whole article is drawn.
    expect(pass.detail.viewportMs).toBeLessThan(pass.duration / 4);
    expect(pass.detail.longestTaskMs).toBeLessThan(50);
    // Yielding with scheduler.yield() alone held the page's 20 ms timer back for up to a second.
    expect(felt.timerLatenessMaxMs).toBeLessThan(200);
    expect(felt.longestFrameGapMs).toBeLessThan(200);
    await page.close();
  }, 90_000);
});
