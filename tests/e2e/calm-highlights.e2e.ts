import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionSuite } from '../harness/e2e';

const suite = extensionSuite();

/** How many times each entry is highlighted (first pieces only), by id. */
const highlightsById = (page: Page) =>
  page.$$eval('crosscheck-mark:not([data-crosscheck-continued])', (marks) => {
    const counts: Record<string, number> = {};
    for (const mark of marks) {
      if (mark.getAttribute('data-crosscheck-category') === 'figure') continue;
      const id = mark.getAttribute('data-crosscheck-id')!;
      counts[id] = (counts[id] ?? 0) + 1;
    }
    return counts;
  });

/** The popup's summary of the page, asked the way the popup asks it. */
async function summaryCounts(page: Page): Promise<Record<string, number>> {
  const summary = (await suite.tellTab(page, { type: 'crosscheck:page-summary' })) as {
    entries: { id: string; count: number }[];
  };
  return Object.fromEntries(summary.entries.map(({ id, count }) => [id, count]));
}

describe('calm highlighting', () => {
  it('highlights an entry once per section by default, counts every mention, and draws all on request', async () => {
    // The radio transcript: one section, its host named before each of his turns.
    const page = await suite.open('/seed/forum.html', '[data-crosscheck-id="alexis-madrigal"]');
    const turns = await page.evaluate(
      () => document.querySelector('article')!.textContent!.split('Alexis Madrigal').length - 1,
    );
    expect(turns).toBeGreaterThan(5);
    const calm = await highlightsById(page);
    expect(Object.values(calm).every((count) => count === 1)).toBe(true);
    expect((await summaryCounts(page))['alexis-madrigal']).toBe(turns);

    await suite.useSettings({ everyMention: true });
    await page.waitForFunction(
      (turns) => document.querySelectorAll('[data-crosscheck-id="alexis-madrigal"]').length === turns,
      turns,
    );
    const every = await highlightsById(page);
    expect(every['alexis-madrigal']).toBe(turns);
    expect((await summaryCounts(page))['alexis-madrigal']).toBe(turns);
    await suite.useSettings({});
    await page.close();
  });
});
