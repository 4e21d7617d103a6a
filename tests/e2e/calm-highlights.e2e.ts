import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardFrame, extensionSuite } from '../harness/e2e';

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

  it('marks the English article’s first mentions below the Chinese summary of the aggregator’s copy, and opens their cards', async () => {
    // Seed 000: the aggregator's Chinese summary (lang="zh") above Armitage's English article,
    // in one section; default settings (first mention per section).
    const page = await suite.open('/seed/armitage.html', '[data-crosscheck-id="soft-secession"]');
    const english = 'article > p:not([lang]):not(.byline)';
    await page.waitForFunction(
      (english) => document.querySelector(`${english} [data-crosscheck-id="soft-secession"]`) !== null,
      english,
    );
    const first = await page.evaluate((english) => {
      const paragraph = [...document.querySelectorAll(english)].find((p) => /soft secession/i.test(p.textContent!))!;
      const mark = paragraph.querySelector('[data-crosscheck-id="soft-secession"]')!;
      const before = document.createRange();
      before.setStart(paragraph, 0);
      before.setEndBefore(mark);
      return { at: before.toString().length, first: paragraph.textContent!.search(/soft secession/i) };
    }, english);
    expect(first.at).toBe(first.first);
    const inEnglish = await page.$$eval(`${english} [data-crosscheck-id]`, (marks) =>
      marks.map((m) => m.getAttribute('data-crosscheck-id')),
    );
    expect(inEnglish).toEqual(
      expect.arrayContaining(['bank-of-north-dakota', 'anti-commandeering-doctrine', 'oregon', 'illinois']),
    );
    // The summary keeps its own first mention: each language's readers see the entry marked.
    expect(await page.locator('p[lang="zh"] [data-crosscheck-id="soft-secession"]').count()).toBe(1);

    await page.locator(`${english} [data-crosscheck-id="soft-secession"]`).first().click();
    const card = cardFrame(page).locator('.popover[role="dialog"]');
    await card.locator('h2', { hasText: 'Soft secession' }).waitFor();
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    await page.close();
  });
});
