import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionSuite } from '../harness/e2e';

const suite = extensionSuite();

interface Chrome {
  tabs: {
    query: (query: object) => Promise<{ id?: number }[]>;
    sendMessage: (tabId: number, message: unknown) => Promise<unknown>;
  };
  storage: { sync: { set: (items: object) => Promise<void>; clear: () => Promise<void> } };
  action: {
    getBadgeText: (details: { tabId: number }) => Promise<string>;
    getTitle: (details: { tabId: number }) => Promise<string>;
  };
}

/** Runs `fn` in the extension's service worker, with `chrome` typed. */
function inWorker<A, R>(fn: (chrome: Chrome, arg: A) => Promise<R>, arg: A): Promise<R> {
  return suite.browser.serviceWorker.evaluate(
    ([source, value]) => {
      const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
      return (0, eval)(source)(chrome, value);
    },
    [fn.toString(), arg] as const,
  ) as Promise<R>;
}

/** The page's tab id: the extension has no "tabs" permission, so it asks for the active tab. */
async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  return inWorker(async (chrome) => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!, null);
}

const openArticle = () => suite.open('/seed/armitage.html', '[data-crosscheck-id]');

async function openPopup(article: Page): Promise<Page> {
  const popup = await suite.browser.context.newPage();
  await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html?tab=${await tabIdOf(article)}`);
  await popup.locator('h1', { hasText: 'Crosscheck' }).waitFor();
  return popup;
}

const personShown = (page: Page) =>
  page
    .locator('[data-crosscheck-category="person"]')
    .first()
    .evaluate((mark) => getComputedStyle(mark).borderBottomWidth !== '0px');

describe('the popup', () => {
  it('shows counts by category and the entries found, and a category switch hides and shows them live', async () => {
    const article = await openArticle();
    const popup = await openPopup(article);
    const people = popup.getByRole('switch', { name: 'People' });
    expect(await people.isChecked()).toBe(true);
    const count = Number(await popup.locator('label', { hasText: 'People' }).locator('.count').textContent());
    expect(count).toBeGreaterThan(3);
    expect(await popup.getByRole('button', { name: 'J.B. Pritzker' }).count()).toBe(1);
    const marksBefore = await article.locator('crosscheck-mark').count();

    await people.uncheck();
    await article.waitForFunction(() => document.documentElement.getAttribute('data-crosscheck-hide') === 'person');
    expect(await personShown(article)).toBe(false);
    expect(await article.locator('crosscheck-mark').count()).toBe(marksBefore); // not re-scanned

    await people.check();
    await article.waitForFunction(() => !document.documentElement.hasAttribute('data-crosscheck-hide'));
    expect(await personShown(article)).toBe(true);
    await popup.close();
    await article.close();
  });

  it('jumps to an entry’s first mention and opens its card', async () => {
    const article = await openArticle();
    const popup = await openPopup(article);
    await popup.getByRole('button', { name: 'Printz v. United States' }).click();
    await article.locator('crosscheck-popover h2', { hasText: 'Printz v. United States' }).waitFor();
    await popup.close();
    await article.close();
  });

  it('pauses a site: highlights go at once, stay gone after a reload, and come back on resume', async () => {
    const article = await openArticle();
    const popup = await openPopup(article);
    await popup.getByRole('switch', { name: /^Pause on / }).check();
    await article.waitForFunction(() => document.querySelectorAll('crosscheck-mark').length === 0);
    await article.reload();
    await article.waitForTimeout(2000);
    expect(await article.locator('crosscheck-mark').count()).toBe(0);
    await popup.reload();
    await popup.getByRole('switch', { name: /^Pause on / }).uncheck();
    await article.waitForSelector('[data-crosscheck-id]');
    await popup.close();
    await article.close();
  });

  it('survives corrupted settings: the page works with defaults and the reader is told once', async () => {
    await inWorker((chrome) => chrome.storage.sync.set({ settings: '{not: settings' }), null);
    const article = await openArticle();
    expect(await article.locator('[data-crosscheck-category="person"]').count()).toBeGreaterThan(0);
    const popup = await openPopup(article);
    expect(await popup.getByRole('status').textContent()).toContain('could not be read');
    await popup.reload();
    await popup.locator('h1').waitFor();
    expect(await popup.locator('.notice').count()).toBe(0);
    await popup.close();
    await article.close();
  });

  it('the keyboard command hides all highlights on the page and says so', async () => {
    const article = await openArticle();
    const tabId = await tabIdOf(article);
    await inWorker((chrome, id) => chrome.tabs.sendMessage(id, { type: 'crosscheck:toggle-highlights' }), tabId);
    await article.waitForFunction(() => document.documentElement.getAttribute('data-crosscheck-hide') === 'all');
    await article.waitForFunction(
      () =>
        document.querySelector('crosscheck-popover')?.shadowRoot?.querySelector('[aria-live]')?.textContent ===
        'Crosscheck highlights hidden',
    );
    await inWorker((chrome, id) => chrome.tabs.sendMessage(id, { type: 'crosscheck:toggle-highlights' }), tabId);
    await article.waitForFunction(() => !document.documentElement.hasAttribute('data-crosscheck-hide'));
    await article.close();
  });
});

describe('the options page', () => {
  it('lists the sources with attribution and finds entries in the knowledge base', async () => {
    const options = await suite.browser.context.newPage();
    await options.goto(`chrome-extension://${suite.browser.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'The sources' }).waitFor();
    expect(await options.locator('.sources li').count()).toBe(5);
    expect(await options.locator('.sources').textContent()).toContain('Chris Armitage');
    await options.getByLabel('Search the knowledge base').fill('printz');
    await options.getByRole('button', { name: 'Printz v. United States' }).click();
    await options.locator('.kb-entry h2', { hasText: 'Printz v. United States' }).waitFor();
    expect(await options.locator('.kb-entry .agreement').textContent()).toMatch(/Named in \d of 5 sources/);
    await options.getByLabel('Pause on a site').fill('https://www.Example.com/news');
    await options.getByRole('button', { name: 'Pause', exact: true }).click();
    await options.locator('.sites li', { hasText: 'example.com' }).waitFor();
    await options.getByRole('button', { name: 'Resume example.com' }).click();
    await options.locator('.sites').waitFor({ state: 'detached' });
    await options.close();
  });
});

describe('the toolbar button', () => {
  /** The tab's badge and title, once the badge says `expected` (the report settles after the passes). */
  async function badgeOf(page: Page, expected: RegExp): Promise<{ text: string; title: string }> {
    const tabId = await tabIdOf(page);
    let badge = { text: '', title: '' };
    for (let tries = 0; tries < 40 && !expected.test(badge.text); tries++) {
      if (tries > 0) await page.waitForTimeout(100);
      badge = await inWorker(
        async (chrome, tabId) => ({
          text: await chrome.action.getBadgeText({ tabId }),
          title: await chrome.action.getTitle({ tabId }),
        }),
        tabId,
      );
    }
    return badge;
  }

  it('says how many entries the page has, which figures differ, and nothing where Crosscheck is paused', async () => {
    const article = await openArticle();
    const entries = await article.$$eval(
      '[data-crosscheck-id]',
      (marks) => new Set(marks.map((m) => m.getAttribute('data-crosscheck-id'))).size,
    );
    const found = await badgeOf(article, /^\d+$/);
    expect(found.text).toBe(String(entries));
    expect(found.title).toBe(`Crosscheck: ${entries} entries found on this page`);

    const popup = await openPopup(article);
    await popup.getByRole('switch', { name: /^Pause on / }).check();
    expect((await badgeOf(article, /^$/)).text).toBe('');
    await popup.getByRole('switch', { name: /^Pause on / }).uncheck();
    await popup.close();
    await article.close();

    const changed = await suite.open('/fixtures/figures-changed.html', '[data-crosscheck-verdict="differs"]');
    const differing = await changed
      .locator('[data-crosscheck-verdict="differs"]:not([data-crosscheck-continued])')
      .count();
    const badge = await badgeOf(changed, /≠$/);
    expect(badge.text).toBe(`${differing}≠`);
    expect(badge.title).toMatch(new RegExp(`; ${differing} figures? differs? from the sources$`));
    await changed.close();
  });
});
