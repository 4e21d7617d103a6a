import { describe, expect, it } from 'vitest';
import { cardFrame, extensionSuite } from '../harness/e2e';

const suite = extensionSuite({ viewport: { width: 900, height: 700 } });

describe('right-to-left pages, shadow roots and frames', () => {
  it('annotates right-to-left text and keeps the card in view; skips shadow roots and frames without errors', async () => {
    const page = await suite.browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${suite.server.origin}/fixtures/rtl-embedded.html`);
    await page.waitForSelector('#rtl [data-crosscheck-id="gavin-newsom"]');
    expect(await page.locator('#rtl [data-crosscheck-id="soft-secession"]').count()).toBe(1);
    await page.locator('#rtl [data-crosscheck-id="gavin-newsom"]').click();
    const card = cardFrame(page).locator('.popover');
    await card.locator('h2', { hasText: 'Gavin Newsom' }).waitFor();
    const box = (await card.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(900);
    // Deliberately skipped: the open shadow root and the frame keep their text untouched.
    expect(
      await page.evaluate(() => document.getElementById('host')!.shadowRoot!.querySelector('crosscheck-mark')),
    ).toBeNull();
    const frame = page.frameLocator('#frame');
    expect(await frame.locator('crosscheck-mark').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
