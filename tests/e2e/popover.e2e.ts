import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { HOVER_LEAVE_MS } from '@/lib/card/card-host';
import { axeViolations, cardFrame, extensionSuite } from '../harness/e2e';
import { PROJECT_ROOT } from '../harness/server';

const ARTIFACTS = join(PROJECT_ROOT, 'test-results');
const suite = extensionSuite({ viewport: { width: 1000, height: 700 } });
// These tests use later mentions of an entry, which calm highlighting leaves plain.
beforeAll(() => suite.useSettings({ everyMention: true }));

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
});

const open = (path: string) => suite.open(path, '[data-crosscheck-id]');

const panel = (page: Page): Locator => cardFrame(page).locator('.popover');
const cardTitle = (page: Page) => panel(page).locator('h2');
/**
 * Once the card is shown and has settled where it is placed: its frame is shown once placed, and
 * placed again when its size or its highlight's box changes (a zoomed page). Checked every frame:
 * shown, and in the same place for the last two.
 */
async function cardPlaced(page: Page): Promise<void> {
  type Watch = { cardBox?: string | null; steadyFrames?: number };
  await page.evaluate(() => delete (window as Watch & typeof window).cardBox);
  await page.waitForFunction(() => {
    const watch = window as Watch & typeof window;
    const frame = document.querySelector('crosscheck-popover')?.shadowRoot?.querySelector('iframe');
    const box = frame?.classList.contains('open') ? JSON.stringify(frame.getBoundingClientRect()) : null;
    watch.steadyFrames = box !== null && box === watch.cardBox ? (watch.steadyFrames ?? 0) + 1 : 0;
    watch.cardBox = box;
    return watch.steadyFrames >= 2;
  });
}
/**
 * For a card that must stay open: past the moment a hover card closes once the pointer has left
 * it. Nothing marks a close that does not happen, so the wait is bounded by the grace period.
 */
const pastLeaveGrace = (page: Page) => page.waitForTimeout(HOVER_LEAVE_MS + 200);

describe('the card', () => {
  it('opens on hover after a short delay, stays while the pointer moves into it, closes when it leaves', async () => {
    const page = await open('/seed/armitage.html');
    const highlight = page.locator('[data-crosscheck-id="soft-secession"]').nth(1);
    await highlight.scrollIntoViewIfNeeded();
    await highlight.hover();
    expect(await panel(page).isVisible()).toBe(false); // intent delay: not at once
    await cardTitle(page).waitFor();
    const box = (await panel(page).boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 20, { steps: 5 });
    await pastLeaveGrace(page);
    expect(await panel(page).isVisible()).toBe(true);
    await page.mouse.move(5, 690, { steps: 5 });
    await panel(page).waitFor({ state: 'hidden' });
    await page.close();
  });

  it('opens from the keyboard, is a labelled dialog, and Escape returns focus to the highlight', async () => {
    const page = await open('/seed/armitage.html');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Alt+Shift+ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-crosscheck-id'));
    expect(focused).toBeTruthy();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-description'))).toMatch(
      /^(Concept|Law or case|Person|Organization|Place|Figure): Crosscheck has sources on this$/,
    );
    await cardTitle(page).waitFor(); // focus alone opens the card
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('crosscheck-popover') === document.activeElement);
    const dialog = await panel(page).evaluate((node) => ({
      role: node.getAttribute('role'),
      label: document.getElementById(node.getAttribute('aria-labelledby')!)?.textContent,
      description: document.getElementById(node.getAttribute('aria-describedby')!)?.textContent?.length ?? 0,
    }));
    expect(dialog.role).toBe('dialog');
    expect(dialog.label).toBeTruthy();
    expect(dialog.description).toBeGreaterThan(20);
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-crosscheck-id'))).toBe(focused);
    await page.keyboard.press('Alt+Shift+ArrowDown');
    const next = await page.evaluate(() => document.activeElement?.getAttribute('data-crosscheck-id'));
    expect(next).toBeTruthy();
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.tabIndex)).toBe(-1);
    await page.close();
  });

  it('a click pins the card; a click outside closes it', async () => {
    const page = await open('/seed/armitage.html');
    const highlight = page.locator('[data-crosscheck-id="soft-secession"]').nth(1);
    await highlight.click();
    await cardTitle(page).waitFor();
    await page.mouse.move(5, 690, { steps: 5 });
    await pastLeaveGrace(page);
    expect(await panel(page).isVisible()).toBe(true);
    await page.mouse.click(5, 690);
    await panel(page).waitFor({ state: 'hidden' });
    await page.close();
  });

  it.each([
    ['top left', '#left [data-crosscheck-id]', 'top'],
    ['bottom left', '#left [data-crosscheck-id]', 'bottom'],
    ['top right', '#right [data-crosscheck-id]', 'top'],
    ['bottom right', '#right [data-crosscheck-id]', 'bottom'],
  ])('stays inside the viewport and off the word near the %s edge', async (_name, selector, edge) => {
    const page = await open('/fixtures/card-edges.html');
    const highlight = page.locator(selector).first();
    await page.evaluate(
      ({ selector, edge }) => {
        const mark = document.querySelector(selector)!;
        const rect = mark.getBoundingClientRect();
        const target = edge === 'top' ? 4 : window.innerHeight - rect.height - 4;
        window.scrollBy(0, rect.top - target);
      },
      { selector, edge },
    );
    await highlight.click();
    await cardPlaced(page);
    const card = (await panel(page).boundingBox())!;
    const word = (await highlight.boundingBox())!;
    expect(card.x).toBeGreaterThanOrEqual(0);
    expect(card.y).toBeGreaterThanOrEqual(0);
    expect(card.x + card.width).toBeLessThanOrEqual(1000);
    expect(card.y + card.height).toBeLessThanOrEqual(700);
    const overlaps =
      card.x < word.x + word.width &&
      word.x < card.x + card.width &&
      card.y < word.y + word.height &&
      word.y < card.y + card.height;
    expect(overlaps).toBe(false);
    await page.close();
  });

  it('follows its highlight when the page scrolls', async () => {
    const page = await open('/seed/armitage.html');
    const highlight = page.locator('[data-crosscheck-id="soft-secession"]').nth(1);
    await highlight.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await highlight.click();
    await cardTitle(page).waitFor();
    const gap = async () => {
      const [mark, card] = await Promise.all([highlight.boundingBox(), panel(page).boundingBox()]);
      return { x: card!.x - mark!.x, y: card!.y - mark!.y, markY: mark!.y };
    };
    const before = await gap();
    await page.evaluate(() => window.scrollBy(0, 120));
    // The highlight moved at once; the card follows when it is placed again.
    expect(Math.round(before.markY - (await gap()).markY)).toBe(120);
    await expect
      .poll(
        async () => {
          const after = await gap();
          return [Math.round(after.x - before.x), Math.round(after.y - before.y)];
        },
        { timeout: 10_000 },
      )
      .toEqual([0, 0]);
    await page.close();
  });

  it('stays in view when the page zooms its content', async () => {
    const page = await open('/fixtures/card-edges.html');
    for (const zoom of ['0.5', '2']) {
      await page.evaluate((z) => (document.body.style.zoom = z), zoom);
      await page.locator('#left [data-crosscheck-id]').first().click();
      // Its words arrive after it opens, and it is placed again at its new size: settled then.
      await cardTitle(page).waitFor();
      await cardPlaced(page);
      await expect
        .poll(async () => {
          const card = (await panel(page).boundingBox())!;
          return { right: card.x + card.width <= 1000, bottom: card.y + card.height <= 700 };
        })
        .toEqual({ right: true, bottom: true });
      await page.keyboard.press('Escape');
    }
    await page.close();
  });

  it('has no axe violations, in light and dark (screenshots kept in test-results/)', async () => {
    const page = await open('/seed/armitage.html');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const highlight = page.locator('[data-crosscheck-id="bank-of-north-dakota"]').first();
      await highlight.scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -150));
      await highlight.click();
      await panel(page).locator('blockquote').first().waitFor();
      // axe runs in the card's own document: the page cannot reach into the extension's frame.
      const frame = page.frames().find((f) => f.url().endsWith('/card.html'))!;
      const violations = await axeViolations(frame);
      expect(violations, scheme).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `card-${scheme}.png`) });
      await page.keyboard.press('Escape');
    }
    await page.close();
  });

  it('opens on the side with room near the bottom of the viewport, tall enough, without covering the line', async () => {
    const page = await open('/seed/armitage.html');
    // A highlight in the middle of the page, parked with about 190 px below it in the 700 px viewport (the room a squeezed card was given).
    await page.evaluate(() => {
      const middle = [...document.querySelectorAll('crosscheck-mark')].find((mark) => {
        const top = mark.getBoundingClientRect().top + window.scrollY;
        return top > 1000 && top < document.documentElement.scrollHeight - 1000;
      })!;
      middle.id = 'low-highlight';
      window.scrollBy(0, middle.getBoundingClientRect().top - 480);
    });
    const highlight = page.locator('#low-highlight');
    await highlight.click();
    await panel(page).locator('blockquote').first().waitFor();
    await cardPlaced(page);
    const line = (await highlight.boundingBox())!;
    const card = (await panel(page).boundingBox())!;
    expect(card.y + card.height).toBeLessThanOrEqual(line.y); // above the line, not over it
    expect(card.height).toBeGreaterThan(300); // not squeezed into the room below
    await page.close();
  });

  it('keeps its title and Close button in view while a long card scrolls', async () => {
    const page = await open('/seed/armitage.html');
    const highlight = page.locator('[data-crosscheck-id="soft-secession"]').first();
    await highlight.scrollIntoViewIfNeeded();
    await highlight.click();
    await panel(page).locator('blockquote').first().waitFor();
    await panel(page).evaluate((element) => {
      element.style.maxHeight = '220px'; // a card that must scroll
      element.scrollTop = 10_000;
    });
    const card = (await panel(page).boundingBox())!;
    const close = (await panel(page).getByRole('button', { name: 'Close' }).boundingBox())!;
    const title = (await cardTitle(page).boundingBox())!;
    expect(close.y).toBeGreaterThanOrEqual(card.y);
    expect(close.y).toBeLessThan(card.y + 50);
    expect(title.y).toBeLessThan(card.y + 60);
    await page.close();
  });

  it('goes back from a related entry to the card the reader came from, by keyboard too', async () => {
    const page = await open('/seed/armitage.html');
    const highlight = page.locator('[data-crosscheck-id="soft-secession"]').first();
    await highlight.scrollIntoViewIfNeeded();
    await highlight.click();
    await cardTitle(page).filter({ hasText: 'Soft secession' }).waitFor();
    await panel(page).locator('nav.related button').first().click();
    await cardTitle(page).filter({ hasNotText: 'Soft secession' }).waitFor();
    expect(await panel(page).getByRole('button', { name: 'Back to Soft secession' }).isVisible()).toBe(true);
    // Focus is in the card: Tab reaches Back first, Enter goes back.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await cardTitle(page).filter({ hasText: 'Soft secession' }).waitFor();
    expect(
      await panel(page)
        .getByRole('button', { name: /^Back to/ })
        .count(),
    ).toBe(0);
    await page.close();
  });

  it('says what to do when asked to check a figure with nothing selected', async () => {
    const page = await open('/seed/armitage.html');
    await page.evaluate(() => getSelection()!.removeAllRanges());
    // What the context-menu item and the keyboard command do: the background asks the tab.
    await suite.tellTab(page, { type: 'crosscheck:check-selection' });
    await cardTitle(page).filter({ hasText: 'Check this figure' }).waitFor();
    expect(await panel(page).locator('.summary').textContent()).toMatch(/^Nothing is selected\./);
    const card = (await panel(page).boundingBox())!;
    expect(card.y).toBeLessThan(40); // at the top of the viewport
    await page.close();
  });
});
