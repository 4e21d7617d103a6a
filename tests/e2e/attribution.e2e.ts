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
});
