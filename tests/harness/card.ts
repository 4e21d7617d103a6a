import type { FrameLocator, Page } from 'playwright-core';

/**
 * The card, drawn inside the extension's frame in `<crosscheck-popover>` (see docs/contract.md):
 * `cardFrame(page).locator('.popover')` is the open card.
 */
export function cardFrame(page: Page): FrameLocator {
  return page.frameLocator('crosscheck-popover iframe');
}
