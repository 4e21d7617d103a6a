import { describe, expect, it } from 'vitest';
import { cardFrame, extensionSuite } from '../harness/e2e';

const suite = extensionSuite();

describe('attribution in the cards', () => {
  it('credits the aggregator’s Chinese summary to the aggregator, never to the author, and shows no file names', async () => {
    const page = await suite.open('/seed/armitage.html', '[data-crosscheck-id]');
    // An entry the article's author never names: only the aggregator's summary above the article does.
    const highlight = page.locator('.not-by-author [data-crosscheck-id="voting-rights"]').first();
    await highlight.scrollIntoViewIfNeeded();
    await highlight.click();
    const card = cardFrame(page).locator('.popover');
    await card.locator('blockquote').first().waitFor();
    expect(await card.locator('.agreement').textContent()).toMatch(/^Not named by the sources’ authors/);
    expect(await card.locator('.cite').first().textContent()).toBe(
      "Chinese summary in the aggregator's copy of Armitage's article (author not stated)",
    );
    const text = (await card.textContent()) ?? '';
    expect(text).not.toContain('Chris Armitage');
    expect(text).not.toMatch(/\.txt|\b00\d\b/);
    await page.close();
  });

  it('says once what a source does not state, under each of its excerpts, and never "unknown"', async () => {
    const page = await suite.open('/seed/armitage.html', '[data-crosscheck-id]');
    const highlight = page.locator('[data-crosscheck-id="soft-secession"]').first();
    await highlight.scrollIntoViewIfNeeded();
    await highlight.click();
    const card = cardFrame(page).locator('.popover');
    await card.locator('blockquote').first().waitFor();
    const more = card.getByRole('button', { name: /^Show \d+ more/ });
    if (await more.count()) await more.click();
    const cites = await card.locator('.cite').allTextContents();
    // The essay of seed 004 states its title and nothing else about itself; the unsigned blog post states nothing.
    const essay = cites.filter((cite) => cite.startsWith('The Case for Soft Secession'));
    expect(essay.length).toBeGreaterThan(0);
    for (const cite of essay) {
      expect(cite).toBe(
        'The Case for Soft Secession: A Necessary Response to Federal Overreach — Author, outlet and date not stated',
      );
    }
    expect(cites).toContain(
      'Untitled blog post — Author, outlet and date not stated (quotes Chris Armitage, 2025-08-18)',
    );
    expect(cites).toContain('Vive La Resistance?! "Soft Secession" — Peter Dekom · 2025-09-05 · outlet not stated');
    expect((await card.textContent()) ?? '').not.toMatch(/unknown/i);
    await page.close();
  });
});
