import { describe, expect, it } from 'vitest';
import { cardFrame, extensionSuite } from '../harness/e2e';

const suite = extensionSuite();

describe('a page cannot make Crosscheck say anything', () => {
  it('ignores elements the page dresses up as highlights', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.server.origin}/fixtures/forged-highlights.html`);
    await page.waitForSelector('#real [data-crosscheck-id]');
    for (const forged of ['#forged-span', '#forged-mark']) {
      await page.click(forged);
      await page.focus(forged);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(400);
      expect(await cardFrame(page).locator('.popover h2').count(), forged).toBe(0);
    }
    // A real highlight still opens its card, with what the knowledge base holds.
    await page.locator('#real [data-crosscheck-id="soft-secession"]').click();
    await cardFrame(page).locator('.popover h2', { hasText: 'Soft secession' }).waitFor();
    await page.close();
  });

  it('cannot ask the extension for data: its messages reach no content script listener', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.server.origin}/fixtures/forged-highlights.html`);
    await page.waitForSelector('#real [data-crosscheck-id]');
    // The page's own window.postMessage is not a channel to Crosscheck; nothing opens.
    await page.evaluate(() => window.postMessage({ type: 'crosscheck:check-selection' }, '*'));
    await page.evaluate(() => window.postMessage({ type: 'crosscheck:reveal', id: 'soft-secession' }, '*'));
    await page.waitForTimeout(300);
    expect(await cardFrame(page).locator('.popover h2').count()).toBe(0);
    await page.close();
  });
});
