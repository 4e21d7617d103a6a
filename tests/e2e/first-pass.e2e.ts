import { beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORT_MARGIN_PX } from '@/lib/annotate/viewport';
import { longArticlePage } from '../harness/big-page';
import { extensionSuite } from '../harness/e2e';

/**
 * A long article that the reader has scrolled to the middle of before Crosscheck runs, and that
 * notes each highlight element as it is drawn (the page's own script, before the content script).
 */
const LONG_READ = '/long-read.html';
const SCROLLED_AND_WATCHED = `<script>
  window.scrollTo(0, document.documentElement.scrollHeight / 2);
  window.drawOrder = [];
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) if (node.localName === 'crosscheck-mark') window.drawOrder.push(node);
  }).observe(document.body, { childList: true, subtree: true });
</script>`;
const suite = extensionSuite(
  {},
  new Map([[LONG_READ, longArticlePage().html.replace(/<\/body>/i, `${SCROLLED_AND_WATCHED}</body>`)]]),
);
// The heavy case: every mention drawn, as the engine's benchmark and the naive baseline do.
beforeAll(() => suite.useSettings({ everyMention: true }));

// How long the pass and its tasks take, and what the page feels meanwhile, are budgets of the
// benchmark's (npm run bench); these tests check how the pass goes about it.
describe('the first pass on a long article', () => {
  it('draws every mention of a 100,000-character article in more than one task, leaving the page its turns', async () => {
    const page = await suite.open(LONG_READ);
    const tasks = await page.evaluate(
      () =>
        ((performance.getEntriesByName('crosscheck:annotate')[0] as PerformanceMeasure).detail as { tasks: number })
          .tasks,
    );
    expect(await page.locator('crosscheck-mark').count()).toBeGreaterThan(1000);
    expect(tasks).toBeGreaterThan(1);
    await page.close();
  });

  it('draws what is in view first: the middle of the article, where the reader is, before what is above it', async () => {
    const page = await suite.open(LONG_READ);
    // Where each highlight lies, in the order drawn, as the pass judges it: by the box of the
    // element holding its text, within VIEWPORT_MARGIN_PX of the viewport or not.
    const where = await page.evaluate((margin) => {
      const drawn = (window as unknown as { drawOrder: Element[] }).drawOrder;
      return drawn.map((mark) => {
        const box = (mark.parentElement ?? mark).getBoundingClientRect();
        return box.bottom < -margin ? 'above' : box.top > innerHeight + margin ? 'below' : 'in view';
      });
    }, VIEWPORT_MARGIN_PX);
    const firstElsewhere = where.findIndex((place) => place !== 'in view');
    expect(where[0]).toBe('in view');
    expect(where).toContain('above');
    expect(where.slice(firstElsewhere)).not.toContain('in view');
    await page.close();
  });
});
