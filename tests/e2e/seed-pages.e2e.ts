import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { cardFrame, extensionSuite } from '../harness/e2e';

const suite = extensionSuite();

const openSeed = (id: string) => suite.open(`/seed/${id}.html`, '[data-crosscheck-id]');

// Entries a reader of each seed article should see highlighted (a hand-picked list per page).
const EXPECTED: Record<string, string[]> = {
  armitage: [
    'soft-secession',
    'anti-commandeering-doctrine',
    'printz-v-united-states',
    'murphy-v-ncaa',
    'jb-pritzker',
    'gavin-newsom',
    'ellen-rosenblum',
    'bank-of-north-dakota',
    'national-popular-vote-interstate-compact',
    'tenth-amendment',
    'the-19th',
  ],
  'blog-001': [
    'soft-secession',
    'michael-pardus',
    'michael-j-lee',
    'we-are-not-one-people',
    'chris-armitage',
    'senate',
  ],
  dekom: [
    'soft-secession',
    'peter-dekom',
    'chris-armitage',
    'the-existential-republic',
    'bank-of-north-dakota',
    'king-george-iii',
  ],
  forum: [
    'soft-secession',
    'clara-jeffrey',
    'jon-michaels',
    'alexis-madrigal',
    'mother-jones',
    'six-californias',
    'national-governors-association',
  ],
  'case-for-soft-secession': [
    'soft-secession',
    'tim-draper',
    'six-californias',
    'cal-3',
    'ice',
    'gavin-newsom',
    'uncooperative-federalism',
    'wyoming',
  ],
};

describe('every seed article as a page', () => {
  it.each(Object.entries(EXPECTED))('%s: the expected entries are highlighted', async (id, expected) => {
    const page = await openSeed(id);
    const ids = new Set(
      await page.$$eval('[data-crosscheck-id]', (marks) => marks.map((m) => m.getAttribute('data-crosscheck-id'))),
    );
    expect([...expected].filter((entry) => !ids.has(entry))).toEqual([]);
    await page.close();
  });
});

describe('figures a reader would not check', () => {
  // "Three sources", "nearly two decades", "two years": an article's sourcing and time frames are
  // not figure entries (the knowledge-base build rejects them), so no page highlights them.
  it.each(Object.keys(EXPECTED))('%s: no count of sources or of years is highlighted', async (id) => {
    const page = await openSeed(id);
    const figures = await page.$$eval('[data-crosscheck-category="figure"]', (marks) =>
      marks.map((m) => m.textContent ?? ''),
    );
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.filter((text) => /\b(sources?|years?|decades?)\b/i.test(text))).toEqual([]);
    await page.close();
  });
});

describe('a seed article page', () => {
  it('highlights known terms inside the article only, with the contract attributes', async () => {
    const page = await openSeed('armitage');
    const found = await page.$$eval('[data-crosscheck-id]', (marks) =>
      marks.map((m) => ({
        id: m.getAttribute('data-crosscheck-id'),
        category: m.getAttribute('data-crosscheck-category'),
        inArticle: m.closest('article') !== null,
      })),
    );
    expect(found.length).toBeGreaterThan(20);
    expect(found.every((m) => m.inArticle)).toBe(true);
    expect(
      found
        .map((m) => m.category)
        .every((c) => ['concept', 'law', 'person', 'organization', 'place', 'figure'].includes(c!)),
    ).toBe(true);
    expect(found.map((m) => m.id)).toEqual(expect.arrayContaining(['soft-secession', 'anti-commandeering-doctrine']));
    expect(
      await page.$$('aside [data-crosscheck-id], nav [data-crosscheck-id], footer [data-crosscheck-id]'),
    ).toHaveLength(0);
    const measures = await page.evaluate(() => performance.getEntriesByName('crosscheck:annotate').length);
    expect(measures).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('names states as places, each in its own colour, on their own switch', async () => {
    const page = await openSeed('armitage');
    const categories = await page.$$eval(
      '[data-crosscheck-id="california"], [data-crosscheck-id="oregon"]',
      (marks) => [...new Set(marks.map((m) => m.getAttribute('data-crosscheck-category')))],
    );
    expect(categories).toEqual(['place']);
    const colour = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((mark) => getComputedStyle(mark).borderBottomColor);
    const place = await colour('[data-crosscheck-category="place"]');
    expect(place).not.toBe(await colour('[data-crosscheck-category="organization"]'));
    expect(await page.locator('[data-crosscheck-id="california"]').first().getAttribute('aria-description')).toBe(
      'Place: Crosscheck has sources on this',
    );
    // Its own switch: places off, organizations still drawn.
    await suite.useSettings({ categories: { ...DEFAULT_SETTINGS.categories, place: false } });
    const line = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((mark) => getComputedStyle(mark).borderBottomWidth);
    await page.waitForFunction(
      () => getComputedStyle(document.querySelector('[data-crosscheck-category="place"]')!).borderBottomWidth === '0px',
    );
    expect(await line('[data-crosscheck-category="organization"]')).toBe('2px');
    await suite.useSettings({});
    await page.close();
  });

  it('opens a card with a summary and an attributed verbatim excerpt on click', async () => {
    const page = await openSeed('armitage');
    await page.locator('[data-crosscheck-id="soft-secession"]').first().click();
    const card = cardFrame(page).locator('.popover[role="dialog"]');
    await card.locator('h2').waitFor();
    expect(await card.locator('h2').textContent()).toBe('Soft secession');
    expect(await card.locator('.agreement').textContent()).toMatch(/^Named in \d of 5 sources · \d independent$/);
    const excerpt = card.locator('blockquote').first();
    expect(await excerpt.textContent()).toMatch(/soft secession/i);
    expect(await card.locator('.cite').first().textContent()).toMatch(/Chris Armitage/);
    const isOpenShadow = await page.evaluate(() => document.querySelector('crosscheck-popover')?.shadowRoot?.mode);
    expect(isOpenShadow).toBe('open');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    await page.close();
  });
});
