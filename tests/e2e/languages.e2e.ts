import { describe, expect, it } from 'vitest';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { kbDetails } from '@/lib/kb/details-data';
import { messageIn, type Locale } from '../harness/catalogue';
import { cardFrame, extensionSuite } from '../harness/e2e';
import { dataStrings, languageCheck, seen } from '../harness/languages';

// The extension in Chromium whose UI language is Chinese, then English (LANGUAGE, as Debian's
// Chromium reads it): the popup, the options page, the track form and cards on seed 000 (an
// aggregator's page: a Chinese summary above an American article) speak the browser's language,
// with no word of the other outside what the data says (names, summaries, excerpts, figures).

const ARTICLE = '/seed/armitage.html';
/** What these pages show that is data: the served page's site, the term proposed for tracking. */
const PAGE_DATA = ['127.0.0.1', 'soft secession'];
const check = languageCheck(dataStrings([kbDetails, PAGE_DATA]));

/** Opens every folded part of a page (a key, a list's "Show all"): its words are checked too. */
function unfold(): void {
  for (const details of document.querySelectorAll('details')) details.open = true;
  for (const more of document.querySelectorAll<HTMLButtonElement>('button[aria-expanded="false"]')) more.click();
}

const fontOf = (selector: string) => getComputedStyle(document.querySelector(selector)!).fontFamily;

async function openCard(page: Page, entry: string): Promise<FrameLocator> {
  const highlight = page.locator(`[data-crosscheck-id="${entry}"]`).first();
  await highlight.scrollIntoViewIfNeeded();
  await highlight.click();
  const card = cardFrame(page);
  await card.locator('.popover h2').waitFor();
  return card;
}

/** The card's document, once its frame has drawn. */
function cardDocument(page: Page): Frame {
  return page.frames().find((frame) => frame.url().endsWith('/card.html'))!;
}

describe.each<[Locale, string, string, (text: string) => string[]]>([
  ['zh_CN', 'zh_CN', 'zh-CN', check.latinWords],
  ['en', 'en_US', 'en-US', check.chinese],
])('Chromium in %s', (locale, language, uiLanguage, foreign) => {
  const suite = extensionSuite({ language });
  const say = (key: string, values?: Record<string, string | number>) => messageIn(locale, key, values);

  it('names the extension, its commands and the badge’s tooltip in that language', async () => {
    const article = await suite.open(ARTICLE, '[data-crosscheck-id]');
    const tabId = await suite.tabIdOf(article);
    // The badge is set once the page has reported what it found.
    await expect
      .poll(() =>
        suite.browser.serviceWorker.evaluate(
          (tabId) =>
            (
              globalThis as unknown as { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } } }
            ).chrome.action.getBadgeText({ tabId }),
          tabId,
        ),
      )
      .not.toBe('');
    const worker = await suite.browser.serviceWorker.evaluate(async (tabId) => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          runtime: { getManifest(): { description: string } };
          i18n: { getUILanguage(): string };
          commands: { getAll(): Promise<{ name?: string; description?: string }[]> };
          action: { getTitle(details: { tabId: number }): Promise<string> };
        };
      };
      return {
        language: chrome.i18n.getUILanguage(),
        description: chrome.runtime.getManifest().description,
        commands: Object.fromEntries((await chrome.commands.getAll()).map((c) => [c.name, c.description])),
        badge: await chrome.action.getTitle({ tabId }),
      };
    }, tabId);
    expect(worker.language).toBe(uiLanguage);
    expect(worker.description).toBe(say('extension.description'));
    expect(worker.commands).toMatchObject({
      'check-figure': say('command.checkFigure'),
      'toggle-highlights': say('command.toggleHighlights'),
    });
    const entries = Number(/\d+/.exec(worker.badge)![0]);
    expect(worker.badge).toContain(say('badge.entries', { count: entries }));
    expect(foreign(worker.badge)).toEqual([]);
    await article.close();
  });

  it('the popup on seed 000: in that language, in its fonts, and nothing in another', async () => {
    const article = await suite.open(ARTICLE, '[data-crosscheck-id]');
    const popup = await suite.openPopup(article);
    await popup.locator('.found').first().waitFor();
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe(uiLanguage);
    expect(await popup.locator('#highlights-heading').textContent()).toBe(say('popup.found.heading'));
    expect(await popup.locator('.about span').textContent()).toBe(say('popup.knowledgeFrom', { count: 5 }));
    expect(await popup.evaluate(fontOf, 'body')).toContain('Noto Sans CJK SC');
    await popup.evaluate(unfold);
    expect(foreign(await popup.evaluate(seen))).toEqual([]);
    await popup.close();
    await article.close();
  });

  it('the options page, with an entry’s card open: in that language, and nothing in another', async () => {
    const options = await suite.browser.context.newPage();
    await options.goto(`chrome-extension://${suite.browser.extensionId}/options.html`);
    await options.locator('h1').waitFor();
    expect(await options.title()).toBe(say('options.title'));
    expect(await options.locator('#kb-heading').textContent()).toBe(say('options.kb.heading'));
    await options.locator('button[data-entry="california-budget-reserves"]').click();
    await options.locator('.kb-entry h2').waitFor();
    await options.evaluate(unfold);
    expect(foreign(await options.evaluate(seen))).toEqual([]);
    await options.close();
  });

  it('the track form: in that language, and nothing in another', async () => {
    const form = await suite.browser.context.newPage();
    await form.goto(`chrome-extension://${suite.browser.extensionId}/track.html?label=soft%20secession`);
    await form.locator('h1').waitFor();
    expect(await form.locator('h1').textContent()).toBe(say('track.title'));
    expect(await form.locator('legend').first().textContent()).toBe(say('track.category'));
    expect(foreign(await form.evaluate(seen))).toEqual([]);
    await form.close();
  });

  it.each([
    ['soft-secession', 'category.concept'],
    ['california-budget-reserves', 'category.figure'],
  ])('the card of %s on seed 000: in that language, in its fonts, and nothing in another', async (entry, category) => {
    const article = await suite.open(ARTICLE, '[data-crosscheck-id]');
    const card = await openCard(article, entry);
    expect(await card.locator('.category').textContent()).toBe(say(category));
    const { agreement } = kbDetails.entries[entry]!;
    expect(await card.locator('.agreement').textContent()).toBe(
      say('card.named', { named: agreement.sources.length, count: 5, independent: agreement.independent.length }),
    );
    const frame = cardDocument(article);
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe(uiLanguage);
    expect(await frame.evaluate(fontOf, '.popover')).toContain('Noto Sans CJK SC');
    await frame.evaluate(unfold);
    expect(foreign(await frame.evaluate(seen))).toEqual([]);
    await article.close();
  });
});
