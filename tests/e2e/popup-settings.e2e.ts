import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardFrame, axeViolations, extensionSuite } from '../harness/e2e';
import { PROJECT_ROOT } from '../harness/server';

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

const openArticle = () => suite.open('/seed/armitage.html', '[data-crosscheck-id]');

const personShown = (page: Page) =>
  page
    .locator('[data-crosscheck-category="person"]')
    .first()
    .evaluate((mark) => getComputedStyle(mark).borderBottomWidth !== '0px');

/** Opens every category's full list in the popup. */
async function showAll(popup: Page): Promise<void> {
  await popup.locator('.found').first().waitFor();
  await popup.evaluate(() => {
    for (const more of document.querySelectorAll<HTMLButtonElement>('.found-more button[aria-expanded="false"]')) {
      more.click();
    }
  });
  await popup.waitForFunction(() => !document.querySelector('.found-more button[aria-expanded="false"]'));
}

const ARTIFACTS = join(PROJECT_ROOT, 'test-results');

const entriesFound = /^\d+ entries, \d+ mentions in the article\.$/;

describe('the popup', () => {
  it('shows counts by category and the entries found, and a category switch hides and shows them live', async () => {
    const article = await openArticle();
    const popup = await suite.openPopup(article);
    const people = popup.getByRole('switch', { name: 'People' });
    expect(await people.isChecked()).toBe(true);
    const count = Number(await popup.locator('label', { hasText: 'People' }).locator('.count').textContent());
    expect(count).toBeGreaterThan(3);
    await showAll(popup);
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
    const popup = await suite.openPopup(article);
    await showAll(popup);
    await popup.getByRole('button', { name: 'Printz v. United States' }).click();
    await cardFrame(article).locator('h2', { hasText: 'Printz v. United States' }).waitFor();
    await popup.close();
    await article.close();
  });

  it('pauses a site: highlights go at once, stay gone after a reload, and come back on resume', async () => {
    const article = await openArticle();
    const popup = await suite.openPopup(article);
    await popup.getByRole('switch', { name: /^Pause on / }).check();
    await article.waitForFunction(() => document.querySelectorAll('crosscheck-mark').length === 0);
    await article.reload();
    // The reloaded page's content script answers once it has read the settings: paused here.
    await expect
      .poll(() => suite.tellTab(article, { type: 'crosscheck:page-summary' }).catch(() => null), { timeout: 15_000 })
      .toMatchObject({ active: false, scope: 'none' });
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
    const popup = await suite.openPopup(article);
    expect(await popup.getByRole('status').textContent()).toContain('could not be read');
    await popup.reload();
    await popup.locator('h1').waitFor();
    expect(await popup.locator('.notice').count()).toBe(0);
    await popup.close();
    await article.close();
  });

  it('the keyboard command hides all highlights on the page and says so', async () => {
    const article = await openArticle();
    const tabId = await suite.tabIdOf(article);
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
  it('says plainly whether Crosscheck is on for the site, paused here, or off everywhere', async () => {
    const article = await openArticle();
    const host = new URL(article.url()).hostname;
    const popup = await suite.openPopup(article);
    const headline = popup.locator('.status-headline');
    const detail = popup.locator('.status-detail');
    await detail.filter({ hasText: entriesFound }).waitFor();
    expect(await headline.textContent()).toBe(`On for ${host}`);
    const main = popup.getByRole('switch', { name: 'Crosscheck on every site' });
    const mainState = popup.locator('.main-switch .switch-state');
    expect(await main.isChecked()).toBe(true);
    expect(await mainState.textContent()).toBe('On');

    const pause = popup.getByRole('switch', { name: `Pause on ${host}` });
    await pause.check();
    await headline.filter({ hasText: `Paused on ${host}` }).waitFor();
    expect(await detail.textContent()).toBe('You paused Crosscheck on this site, so nothing here is highlighted.');
    expect(await popup.locator('.found').count()).toBe(0);
    await article.waitForFunction(() => document.querySelectorAll('crosscheck-mark').length === 0);
    await pause.uncheck();
    await detail.filter({ hasText: entriesFound }).waitFor();

    await main.uncheck();
    await headline.filter({ hasText: 'Off everywhere' }).waitFor();
    expect(await mainState.textContent()).toBe('Off');
    expect(await popup.getByRole('switch', { name: /^Pause on/ }).count()).toBe(0);
    expect(await popup.locator('.found').count()).toBe(0);
    await article.waitForFunction(() => document.querySelectorAll('crosscheck-mark').length === 0);
    await main.check();
    await article.waitForSelector('[data-crosscheck-id]');
    // The popup asks the page again once the pass it started has run, and lists what it found.
    await detail.filter({ hasText: entriesFound }).waitFor();
    expect(await headline.textContent()).toBe(`On for ${host}`);
    await popup.close();
    await article.close();
  });

  it('drops the list of a category switched off, and brings it back when switched on', async () => {
    const article = await openArticle();
    const popup = await suite.openPopup(article);
    const people = popup.getByRole('list', { name: 'People on this page' });
    await people.waitFor();
    await popup.getByRole('switch', { name: 'People' }).uncheck();
    await people.waitFor({ state: 'detached' });
    expect(await popup.getByRole('button', { name: 'Donald Trump' }).count()).toBe(0);
    expect(await popup.getByRole('list', { name: 'Concepts on this page' }).count()).toBe(1);
    await popup.reload(); // the setting is stored: still no list
    await popup.getByRole('list', { name: 'Concepts on this page' }).waitFor();
    expect(await people.count()).toBe(0);
    await popup.getByRole('switch', { name: 'People' }).check();
    await people.waitFor();
    expect(await popup.getByRole('button', { name: 'Donald Trump' }).count()).toBe(1);
    await popup.close();
    await article.close();
  });

  it('stays short on a rich page: a few entries per category, the rest behind "Show all N", keyboard included', async () => {
    const article = await openArticle();
    const popup = await suite.openPopup(article);
    await popup.locator('.status-detail').filter({ hasText: entriesFound }).waitFor();
    const found = Number((await popup.locator('.status-detail').textContent())!.match(/^\d+/)![0]);
    const height = () => popup.locator('main').evaluate((main) => main.getBoundingClientRect().height);
    const entries = popup.locator('.found li:not(.found-more) button');
    // Chrome shows at most 600 px of a popup before it scrolls.
    expect(await height()).toBeLessThanOrEqual(600);
    expect(await entries.count()).toBeLessThan(found / 2);
    const more = popup.getByRole('button', { name: /^Show all \d+$/ }).first();
    const controls = (await more.getAttribute('aria-controls'))!;
    await more.focus();
    await popup.keyboard.press('Enter');
    const fewer = popup.getByRole('button', { name: 'Show fewer' });
    expect(await fewer.getAttribute('aria-expanded')).toBe('true');
    expect(await fewer.getAttribute('aria-controls')).toBe(controls);
    await showAll(popup);
    expect(await entries.count()).toBe(found);
    expect(await height()).toBeGreaterThan(600);
    await popup.close();
    await article.close();
  });

  it('has no axe violations, in light and dark, key open (screenshots kept in test-results/)', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const article = await openArticle();
    const popup = await suite.openPopup(article);
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.locator('.status-detail').filter({ hasText: entriesFound }).waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(popup), scheme).toEqual([]);
      await popup.screenshot({ path: join(ARTIFACTS, `popup-${scheme}.png`), fullPage: true });
    }
    await popup.locator('.key-details summary').click();
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(popup), `${scheme}, key open`).toEqual([]);
    }
    await popup.emulateMedia({ colorScheme: null });
    await popup.close();
    await article.close();
  });

  it('shows the key: the page’s own highlight per category, and each figure verdict’s line style', async () => {
    const article = await openArticle();
    const popup = await suite.openPopup(article);
    await popup.locator('.key-details summary').click();
    const style = (selector: string) =>
      popup.locator(selector).evaluate((mark) => {
        const s = getComputedStyle(mark);
        return { line: s.borderBottomStyle, colour: s.borderBottomColor, tint: s.backgroundColor };
      });
    const pageStyle = (selector: string) =>
      article
        .locator(selector)
        .first()
        .evaluate((mark) => {
          const s = getComputedStyle(mark);
          return { line: s.borderBottomStyle, colour: s.borderBottomColor, tint: s.backgroundColor };
        });
    for (const category of ['concept', 'law', 'person', 'organization', 'place']) {
      expect(await style(`.key-categories [data-crosscheck-category="${category}"]`), category).toEqual(
        await pageStyle(`crosscheck-mark[data-crosscheck-category="${category}"]`),
      );
    }
    const verdicts = popup.locator('.key-verdicts li');
    expect(await verdicts.allTextContents()).toEqual([
      '$76 billion Solid underline: matches what the sources state',
      '$76 billion Dashed underline: differs from what the sources state',
      '$76 billion Dotted underline: no source in the knowledge base states it',
    ]);
    const lines = await popup
      .locator('.key-verdicts crosscheck-mark')
      .evaluateAll((marks) => marks.map((m) => getComputedStyle(m).borderBottomStyle));
    expect(lines).toEqual(['solid', 'dashed', 'dotted']);
    const matches = article.locator('crosscheck-mark[data-crosscheck-verdict="matches"]');
    if ((await matches.count()) > 0) {
      expect(await style('.key-verdicts [data-crosscheck-verdict="matches"]')).toEqual(
        await pageStyle('crosscheck-mark[data-crosscheck-verdict="matches"]'),
      );
    }
    await popup.close();
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

  const openOptions = async () => {
    const options = await suite.browser.context.newPage();
    await options.goto(`chrome-extension://${suite.browser.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'The sources' }).waitFor();
    return options;
  };

  it('finds a figure by its value, and the card goes away when a search shows nothing', async () => {
    const options = await openOptions();
    const search = options.getByLabel('Search the knowledge base');
    for (const value of ['76 billion', '$76', '760亿']) {
      await search.fill(value);
      expect(await options.locator('.kb-list li button').first().textContent(), value).toBe(
        "California's budget reserves",
      );
    }
    await options.getByRole('button', { name: "California's budget reserves" }).click();
    await options.locator('.kb-entry h2', { hasText: "California's budget reserves" }).waitFor();
    await search.fill('nothing is called this');
    await options.locator('.kb-entry').waitFor({ state: 'detached' });
    expect(await options.locator('.kb-list').count()).toBe(0);
    expect(await options.locator('.kb-empty').textContent()).toBe(
      'Nothing in the knowledge base matches “nothing is called this”.',
    );
    await options.close();
  });

  it('is laid out in light and dark: labels apart from their fields, a wide list with unwrapped category names, no axe violations', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const options = await openOptions();
    await options.getByLabel('Search the knowledge base').fill('california');
    await options.getByRole('button', { name: "California's budget reserves" }).click();
    await options.locator('.kb-entry h2').waitFor();
    await options.getByLabel('Search the knowledge base').fill('');
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      for (const id of ['kb-search', 'new-site']) {
        const label = (await options.locator(`label[for="${id}"]`).boundingBox())!;
        const field = (await options.locator(`#${id}`).boundingBox())!;
        expect(field.y - (label.y + label.height), id).toBeGreaterThanOrEqual(4);
      }
      expect((await options.locator('.kb-list').boundingBox())!.width).toBeGreaterThanOrEqual(320);
      const names = await options
        .locator('.kb-list .category-name')
        .evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect().height));
      expect(Math.max(...names)).toBeLessThan(Math.min(...names) * 1.5);
      const background = await options.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(scheme === 'dark' ? 'rgb(24, 24, 28)' : 'rgb(245, 245, 248)');
      expect(await axeViolations(options), scheme).toEqual([]);
      await options.screenshot({ path: join(ARTIFACTS, `options-${scheme}.png`), fullPage: true });
    }
    await options.close();
  });
});

describe('the toolbar button', () => {
  /** The tab's badge and title, once the badge says `expected` (the report settles after the passes). */
  async function badgeOf(page: Page, expected: RegExp): Promise<{ text: string; title: string }> {
    const tabId = await suite.tabIdOf(page);
    const badge = () =>
      inWorker(
        async (chrome, tabId) => ({
          text: await chrome.action.getBadgeText({ tabId }),
          title: await chrome.action.getTitle({ tabId }),
        }),
        tabId,
      );
    await expect.poll(async () => (await badge()).text, { timeout: 10_000 }).toMatch(expected);
    return badge();
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

    const popup = await suite.openPopup(article);
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
