import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardFrame, axeViolations, extensionSuite } from '../harness/e2e';
import { waitForFirstPass } from '../harness/first-pass';
import { generatedArticle } from '../bench/generated-articles';
import { IMPORT_BATCH } from '@/lib/my-sources/import';

// The reader's own sources, end to end in Chromium: save two of the project's fixture pages (one
// reproduces a passage of the other), see both on a third page's cards with the right independence
// count, track a term, move everything through a knowledge pack, and the popup's "seen before".
const suite = extensionSuite();

const ORIGINAL = '/fixtures/my-sources-original.html';
const COPY = '/fixtures/my-sources-copy.html';
const THIRD = '/fixtures/my-sources-third.html';

const extensionPage = async (path: string) => {
  const page = await suite.browser.context.newPage();
  await page.goto(`chrome-extension://${suite.browser.extensionId}/${path}`);
  return page;
};

async function savedCount(options: Page): Promise<number> {
  const heading = await options.getByText(/^Saved articles \(\d[\d,]*\)$/).textContent();
  return Number(/\(([\d,]+)\)/.exec(heading!)![1]!.replace(/,/g, ''));
}

async function save(path: string): Promise<void> {
  const article = await suite.open(path, '[data-crosscheck-id]');
  const popup = await suite.openPopup(article);
  await popup.getByRole('button', { name: 'Add to my sources' }).click();
  await popup.locator('.save-outcome', { hasText: 'Added to your sources.' }).waitFor();
  await popup.getByRole('button', { name: 'Saved: update in my sources' }).waitFor();
  await popup.close();
  await article.close();
}

/** A tracked term's highlight, as the page sees it: the same for every tracked term. */
const TRACKED = '[data-crosscheck-id="tracked"]';

/**
 * What the page itself can read of the reader's tracked term ("water compact", tracked-1): whether
 * its words are highlighted, whether its id, number or label shows anywhere in the DOM beyond the
 * highlighted words themselves, and the highlights registered with the CSS Custom Highlight API.
 */
function trackedTraces(page: Page) {
  return page.evaluate(() => ({
    marked: [...document.querySelectorAll('crosscheck-mark')].some((mark) => mark.textContent === 'water compact'),
    named:
      document.documentElement.outerHTML.includes('tracked-') ||
      [...document.querySelectorAll('*')].some((element) =>
        [...element.attributes].some((attribute) => /water compact/i.test(attribute.value)),
      ),
    highlights: [...CSS.highlights.keys()],
  }));
}

/** Opens the card of the first highlight of `entry` on the third page; returns the card's text. */
async function cardText(page: Page, entry: string, expected: string | RegExp): Promise<string> {
  await page.locator(`[data-crosscheck-id="${entry}"]`).first().click();
  const card = cardFrame(page).locator('.card');
  await card.locator('.agreement').waitFor();
  await card.filter({ hasText: expected }).waitFor();
  return (await card.textContent()) ?? '';
}

describe('my sources', () => {
  it('saves two pages; a card on a third lists both, counting the copied passage for the original only', async () => {
    await save(ORIGINAL);
    await save(COPY);
    const third = await suite.open(THIRD, '[data-crosscheck-id]');
    const bank = await cardText(third, 'bank-of-north-dakota', 'Your sources');
    expect(bank).toContain('Named in 2 of 5 sources and 2 of your 2 saved articles · 2 independent');
    expect(bank).toContain('Valley towns sign a water compact');
    expect(bank).toContain('Maria Okafor · Valley Ledger · 2025-06-02');
    expect(bank).toContain('Round-up: water, roads and the county fair');
    expect(bank).toContain('Daily Reprint · 2025-06-05 · author not stated');
    expect(bank).toContain('(quotes Valley Ledger 2025-06-02)');
    const link = cardFrame(third).locator('.own-excerpt a').first();
    // The page's canonical address is on another origin than the page (valley-ledger.example, served
    // from 127.0.0.1): it is not trusted, so the article is saved under the page's own address.
    expect(await link.getAttribute('href')).toBe(`${suite.server.origin}${ORIGINAL}`);
    await third.keyboard.press('Escape');

    const figure = await cardText(third, 'california-budget-reserves', 'Your sources');
    expect(figure).toContain('$76 billion, Valley Ledger 2025-06-02: matches');
    await third.close();
  });

  it('the outcome of the page menu’s "Add this article to my sources" is shown on the page', async () => {
    const article = await suite.open(ORIGINAL, '[data-crosscheck-id]');
    // What the background sends the tab after saving from the context menu (Playwright cannot click native menus).
    await suite.tellTab(article, { type: 'crosscheck:tell', message: 'Updated in your sources.' });
    const notice = cardFrame(article).locator('.notice-card');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Updated in your sources.');
    expect(await article.evaluate(() => document.activeElement === document.body)).toBe(true);
    await article.close();
  });

  it('saving the same article again updates it instead of adding another', async () => {
    const article = await suite.open(ORIGINAL, '[data-crosscheck-id]');
    const popup = await suite.openPopup(article);
    await popup.getByRole('button', { name: 'Saved: update in my sources' }).click();
    await popup.locator('.save-outcome', { hasText: 'Updated in your sources.' }).waitFor();
    await popup.close();
    await article.close();
  });

  it('the popup says which saved articles discuss this page’s entries, each linking to it', async () => {
    const third = await suite.open(THIRD, '[data-crosscheck-id]');
    const popup = await suite.openPopup(third);
    const seen = popup.locator('.seen-before');
    await seen.locator('summary').click();
    expect(await seen.locator('summary').textContent()).toMatch(
      /^Seen before: \d+ of these entries appear in 2 of your saved articles$/,
    );
    const links = seen.getByRole('link');
    expect(await links.count()).toBe(2);
    expect(await links.first().getAttribute('href')).toBe(`${suite.server.origin}${ORIGINAL}`);
    await popup.close();
    await third.close();
  });

  it('tracks a term: found in the saved articles with progress; by default a page that writes it gets nothing of it', async () => {
    const form = await extensionPage('track.html?label=water%20compact');
    expect(await form.getByLabel('Term').inputValue()).toBe('water compact');
    await form.getByText('Any page can see which words Crosscheck highlights on it').waitFor();
    expect(await form.getByLabel('Only on sites I allow').isChecked()).toBe(true);
    expect(await axeViolations(form)).toEqual([]);
    await form.getByLabel('Concept').check();
    await form.getByRole('button', { name: 'Track' }).click();
    await form.getByText('Found in 2 saved articles of 2.').waitFor();
    await form.close();

    const third = await suite.open(THIRD, '[data-crosscheck-id]');
    expect(await trackedTraces(third)).toEqual({ marked: false, named: false, highlights: [] });
    await third.close();
  });

  it('on request from the popup, highlights them on this page only, with no number, until it is reloaded', async () => {
    const third = await suite.open(THIRD, '[data-crosscheck-id]');
    const popup = await suite.openPopup(third);
    await popup.getByText('1 of them is named on this page.').waitFor();
    await popup.getByRole('button', { name: 'Show them on this page' }).click();
    await popup.getByText('Your tracked terms are highlighted on this page').waitFor();
    await popup.close();
    await third.bringToFront();
    await third.locator(TRACKED).first().waitFor();
    expect(await trackedTraces(third)).toEqual({ marked: true, named: false, highlights: [] });
    const card = await cardText(third, 'tracked', 'Your sources');
    // The round-up names the compact in its own words too (the county fair), so both count.
    expect(card).toContain('Named in 2 of your 2 saved articles · 2 independent');
    expect(card).toContain('Officials in the valley said the new water compact');
    await third.reload();
    await waitForFirstPass(third);
    expect(await trackedTraces(third)).toEqual({ marked: false, named: false, highlights: [] });
    await third.close();
  });

  it('allowing the site from the popup, and stopping, annotates the open page again without a reload', async () => {
    const third = await suite.open(THIRD, '[data-crosscheck-id]');
    const popup = await suite.openPopup(third);
    const allow = popup.getByRole('switch', { name: 'Tracked terms on 127.0.0.1' });
    await allow.check();
    await third.bringToFront();
    await third.locator(TRACKED).first().waitFor();
    expect(await trackedTraces(third)).toEqual({ marked: true, named: false, highlights: [] });
    await popup.bringToFront();
    await allow.uncheck();
    await third.bringToFront();
    await third.locator(TRACKED).first().waitFor({ state: 'detached' });
    await third.locator('[data-crosscheck-id]').first().waitFor();
    expect(await trackedTraces(third)).toEqual({ marked: false, named: false, highlights: [] });
    await popup.close();
    await third.close();
  });

  it('on every site, chosen on the options page: highlighted, the page seeing only the words', async () => {
    const options = await extensionPage('options.html');
    await options.getByRole('group', { name: 'Highlight tracked terms' }).getByLabel('On every site').check();
    await options.close();
    const third = await suite.open(THIRD, TRACKED);
    expect(await third.locator(TRACKED).first().textContent()).toBe('water compact');
    expect(await trackedTraces(third)).toEqual({ marked: true, named: false, highlights: [] });
    const popup = await suite.openPopup(third);
    await popup.getByText('Your tracked terms are highlighted on this page').waitFor();
    await popup.close();
    await third.close();
  });

  it('exports a pack, deletes everything, imports the pack, and shows the same cards', async () => {
    const options = await extensionPage('options.html');
    await options.getByText('Saved articles (2)').waitFor();
    await options.getByText('in 2 saved articles').waitFor();
    expect(await axeViolations(options)).toEqual([]);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export a knowledge pack' }).click(),
    ]);
    const packPath = await download.path();
    const pack = JSON.parse(await readFile(packPath, 'utf8')) as { articles: unknown[]; tracked: unknown[] };
    expect([pack.articles.length, pack.tracked.length]).toEqual([2, 1]);

    await options.getByRole('button', { name: 'Delete all…' }).click();
    await options.getByRole('button', { name: 'Yes, delete everything' }).click();
    await options.getByText('Saved articles (0)').waitFor();
    const emptied = await suite.open(THIRD, '[data-crosscheck-id]');
    const bare = await cardText(emptied, 'bank-of-north-dakota', 'Named in 2 of 5 sources');
    expect(bare).not.toContain('Your sources');
    expect(await emptied.locator(TRACKED).count()).toBe(0);
    await emptied.close();

    // A file that is not a pack is refused, saying why, and nothing changes.
    await options.locator('input[type="file"]').setInputFiles({
      name: 'bookmarks.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"bookmarks": []}'),
    });
    await options.getByRole('alert').filter({ hasText: 'not a Crosscheck knowledge pack' }).waitFor();
    await options.locator('input[type="file"]').setInputFiles(packPath);
    await options.getByText('Added 2 articles and 1 tracked term.').waitFor();
    await options.getByText('Saved articles (2)').waitFor();
    // The same pack again adds nothing, and says so.
    await options.locator('input[type="file"]').setInputFiles(packPath);
    await options
      .getByText('Nothing new was added; 2 articles were already saved; 1 tracked term was already tracked.')
      .waitFor();
    // The knowledge base's cards on the options page list them too.
    await options.getByLabel('Search the knowledge base').fill('Bank of North Dakota');
    await options.locator('.kb-list').getByRole('button', { name: 'Bank of North Dakota' }).click();
    await options
      .locator('.kb-entry .agreement', { hasText: 'Named in 2 of 5 sources and 2 of your 2 saved articles' })
      .waitFor();
    expect(await options.locator('.kb-entry .own-excerpt').count()).toBe(2);
    await options.close();

    const third = await suite.open(THIRD, TRACKED);
    const bank = await cardText(third, 'bank-of-north-dakota', 'Your sources');
    expect(bank).toContain('Named in 2 of 5 sources and 2 of your 2 saved articles · 2 independent');
    await third.close();
  });

  it('imports a large pack in the background: progress, the controls disabled, Cancel keeps what was written', async () => {
    // Four batches: a Cancel pressed after the first arrives while one of the others is written.
    const total = 4 * IMPORT_BATCH;
    const articles = Array.from({ length: total }, (_, n) => {
      const { text, metadata } = generatedArticle(100_000 + n, 2500);
      return { ...metadata, savedAt: 1_750_000_000_000 + n, text };
    });
    const pack = { format: 'crosscheck-knowledge-pack', version: 1, exportedAt: '2026-01-01', articles, tracked: [] };
    const options = await extensionPage('options.html');
    await options.getByText(/^Saved articles \(\d+\)$/).waitFor();
    const before = await savedCount(options);
    await options.locator('input[type="file"]').setInputFiles({
      name: 'big-pack.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(pack)),
    });
    const count = total.toLocaleString('en');
    await options.getByText(new RegExp(`^Imported [1-9][\\d,]* of ${count} articles…$`)).waitFor();
    expect(await options.locator('input[type="file"]').isDisabled()).toBe(true);
    expect(await options.getByRole('button', { name: 'Delete all…' }).isDisabled()).toBe(true);
    await options.getByRole('button', { name: 'Cancel the import' }).click();
    const result = options.getByText(
      new RegExp(`^The import stopped after [\\d,]+ of the pack’s ${count} articles; what it imported stays\\.`),
    );
    await result.waitFor();
    const done = Number(/after ([\d,]+) of/.exec((await result.textContent())!)![1]!.replace(/,/g, ''));
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(total);
    expect(await result.textContent()).toContain(`Added ${done.toLocaleString('en')} articles.`);
    // The list, paused while the import ran, shows what it wrote; the import can be started again.
    await options.getByText(`Saved articles (${(before + done).toLocaleString('en')})`).waitFor();
    expect(await options.locator('input[type="file"]').isDisabled()).toBe(false);
    await options.close();
  }, 120_000);
});
