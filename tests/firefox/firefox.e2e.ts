import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { HOVER_LEAVE_MS } from '@/lib/card/card-host';
import { seedInLayout } from '../harness/big-page';
import { launchWithExtension } from '../harness/chromium';
import { builtExtensionPath } from '../harness/extension';
import { messageIn } from '../harness/catalogue';
import { launchFirefoxWithExtension, waitForFirstPassInFirefox, type FirefoxExtension } from '../harness/firefox';
import { waitForFirstPass } from '../harness/first-pass';
import { dataStrings, languageCheck, seen } from '../harness/languages';
import { kbDetails } from '@/lib/kb/details-data';
import {
  axeSource,
  cardShown,
  drawnHighlights,
  firstPassEnded,
  runAxe,
  type DrawnHighlights,
} from '../harness/in-page';
import { PROJECT_ROOT, REALPAGES_DIR, startPageServer, type PageServer } from '../harness/server';

// The Firefox build (.output/firefox-mv2) in real Firefox, end to end: what a reader does, in one
// browser, pages shared where a test leaves them as it found them. The highlights are compared
// with what the Chrome build draws in Chromium in the same run, page by page.

const SEEDS = ['armitage', 'blog-001', 'dekom', 'forum', 'case-for-soft-secession'].map((id) => `/seed/${id}.html`);
/** The seed article in two real news pages' layouts (saved pages, served offline; see seedInLayout). */
const LAYOUTS = (['nytimes-4', 'guardian-1'] as const).map((name) => ({
  path: `/layout/${name}.html`,
  html: seedInLayout(name).html,
}));
const COMPARED = [...SEEDS, ...LAYOUTS.map((layout) => layout.path)];
const ARTICLE = '/seed/armitage.html';
const ARTIFACTS = join(PROJECT_ROOT, 'test-results');

let server: PageServer;
let firefox: FirefoxExtension;
/** What Chromium draws on each compared page, with the Chrome build of the same sources. */
const chromiumDraws = new Map<string, DrawnHighlights>();

/** Chromium's highlights on the compared pages: every request but the page server's aborted. */
async function drawnInChromium(): Promise<void> {
  const chromium = await launchWithExtension(builtExtensionPath('chrome-mv3'));
  try {
    for (const path of COMPARED) {
      const page = await chromium.context.newPage();
      await page.route('**/*', (route) =>
        route.request().url().startsWith(server.origin) ? route.continue() : route.abort(),
      );
      await page.goto(`${server.origin}${path}`);
      await waitForFirstPass(page);
      chromiumDraws.set(path, await page.evaluate(drawnHighlights));
      await page.close();
    }
  } finally {
    await chromium.close();
  }
}

beforeAll(async () => {
  if (!existsSync(REALPAGES_DIR)) throw new Error(`The Firefox suite compares real layouts from ${REALPAGES_DIR}.`);
  server = await startPageServer(new Map(LAYOUTS.map(({ path, html }) => [path, html])));
  const launched = launchFirefoxWithExtension(builtExtensionPath('firefox-mv2'));
  await Promise.all([launched, drawnInChromium()]);
  firefox = await launched;
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** Opens a served page in a new Firefox tab (other servers' requests aborted) and waits for the first pass. */
async function open(path: string): Promise<Page> {
  const page = await firefox.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) =>
    request.url().startsWith(server.origin) ? void request.continue() : void request.abort(),
  );
  await page.goto(`${server.origin}${path}`);
  await waitForFirstPassInFirefox(page);
  return page;
}

/** The popup for `article`'s tab, as a page (`popup.html?tab=ID`: the toolbar's popup cannot be driven), once it has its summary. */
async function openPopup(article: Page): Promise<Page> {
  const popup = await firefox.openExtensionPage(`popup.html?tab=${await firefox.tabIdOf(article)}`);
  await popup.waitForSelector('.status-headline');
  return popup;
}

/** Sends `message` to `page`'s tab from the background, as its context-menu items and keyboard commands do. */
async function tellTab(page: Page, message: unknown): Promise<unknown> {
  const tabId = await firefox.tabIdOf(page);
  return firefox.inBackground(
    (api, [tabId, message]: [number, unknown]) => api.tabs.sendMessage(tabId, message),
    [tabId, message],
  );
}

const textOf = (frame: Frame | Page, selector: string) => frame.$eval(selector, (element) => element.textContent ?? '');

/** Waits for `selector` in the card's frame to say `text` (a string: exactly), and returns what it says. */
async function cardSays(frame: Frame, selector: string, text: string | RegExp): Promise<string> {
  await frame.waitForFunction(
    (selector, exactly, pattern, flags) => {
      const says = document.querySelector(selector)?.textContent ?? '';
      return pattern === null ? says === exactly : new RegExp(pattern, flags).test(says);
    },
    { polling: 50 },
    selector,
    typeof text === 'string' ? text : null,
    typeof text === 'string' ? null : text.source,
    typeof text === 'string' ? '' : text.flags,
  );
  return textOf(frame, selector);
}

const cardClosed = (page: Page) => expect.poll(() => page.evaluate(cardShown)).toBe(false);

const focusedId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-crosscheck-id') ?? null);

describe('Firefox: highlights', () => {
  it.each(COMPARED)('%s: the same highlights (ids, categories, verdicts, order) as Chromium', async (path) => {
    const page = await open(path);
    const drawn = await page.evaluate(drawnHighlights);
    await page.close();
    const expected = chromiumDraws.get(path)!;
    // Elements, or CSS Custom Highlights where a framework owns the article (nytimes-4 is React's).
    expect(expected.marks.length + expected.ranges.flatMap(([, ranges]) => ranges).length).toBeGreaterThan(10);
    expect(drawn).toEqual(expected);
  });

  it('styles the range highlights on every element: Firefox has no highlight inheritance', async () => {
    const page = await open(LAYOUTS[0]!.path);
    const selectors = await page.evaluate(() =>
      document.adoptedStyleSheets
        .flatMap((sheet) => [...sheet.cssRules].map((rule) => (rule as CSSStyleRule).selectorText ?? ''))
        .filter((selector) => selector.includes('::highlight')),
    );
    await page.close();
    expect(selectors.length).toBeGreaterThan(20);
    for (const selector of selectors) expect(selector).toMatch(/^:root(\[[^\]]+\])? ::highlight\(/);
  });
});

describe('Firefox: the card', () => {
  // One article page for the card's tests, each leaving it with the card closed; opened by the first test that needs it.
  let article: Promise<Page> | undefined;
  const articlePage = () => (article ??= open(ARTICLE));
  afterAll(async () => (await article?.catch(() => undefined))?.close());

  it('opens on a trusted hover, after the intent delay, with a summary and an attributed verbatim excerpt', async () => {
    const page = await articlePage();
    const highlight = (await page.$('[data-crosscheck-id="soft-secession"]'))!;
    await highlight.hover();
    expect(await page.evaluate(cardShown)).toBe(false);
    await page.waitForFunction(cardShown, { polling: 50 });
    const card = await firefox.cardFrame(page);
    expect(await cardSays(card, '.popover h2', 'Soft secession')).toBe('Soft secession');
    expect(await textOf(card, '.agreement')).toMatch(/^Named in \d of 5 sources · \d independent$/);
    expect(await textOf(card, 'blockquote')).toMatch(/soft secession/i);
    expect(await textOf(card, '.cite')).toMatch(/Chris Armitage/);
    await page.mouse.move(5, 890, { steps: 5 });
    await cardClosed(page);
  });

  it('a click pins it open; Escape closes it', async () => {
    const page = await articlePage();
    await (await page.$('[data-crosscheck-id="anti-commandeering-doctrine"]'))!.click();
    const card = await firefox.cardFrame(page);
    await cardSays(card, '.popover h2', 'Anti-commandeering doctrine');
    await page.mouse.move(5, 890, { steps: 5 });
    // Past the moment a hover card closes once the pointer has left it (a close that does not
    // happen is marked by nothing, so the wait is bounded by that grace period).
    await new Promise((resolve) => setTimeout(resolve, HOVER_LEAVE_MS + 200));
    expect(await page.evaluate(cardShown)).toBe(true);
    await page.keyboard.press('Escape');
    await cardClosed(page);
  });

  it('opens from the keyboard, takes focus on Enter, and Escape returns focus to the highlight', async () => {
    const page = await articlePage();
    await page.mouse.click(5, 5);
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    const focused = await focusedId(page);
    expect(focused).toBeTruthy();
    await page.waitForFunction(cardShown, { polling: 50 }); // focus alone opens the card
    const card = await firefox.cardFrame(page);
    await card.waitForSelector('.popover[role="dialog"] h2');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.localName === 'crosscheck-popover');
    await page.keyboard.press('Escape');
    await cardClosed(page);
    expect(await focusedId(page)).toBe(focused);
  });

  it('goes to a related entry and back, by keyboard too', async () => {
    const page = await articlePage();
    await (await page.$('[data-crosscheck-id="soft-secession"]'))!.click();
    const card = await firefox.cardFrame(page);
    await cardSays(card, '.popover h2', 'Soft secession');
    const related = await card.$eval('nav.related button', (button) => button.textContent ?? '');
    await (await card.$('nav.related button'))!.click();
    await cardSays(card, '.popover h2', related);
    expect(await card.$$eval('button.back', (back) => back.map((b) => b.getAttribute('aria-label')))).toEqual([
      'Back to Soft secession',
    ]);
    // Focus is in the card: Tab reaches Back first, Enter goes back.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await cardSays(card, '.popover h2', 'Soft secession');
    expect(await card.$$('button.back')).toHaveLength(0);
    await page.keyboard.press('Escape');
    await cardClosed(page);
  });
});

describe('Firefox: the popup', () => {
  // The reader's settings back to the defaults after each test, passed or not: the next tests need them.
  const restoreSettings = () => onTestFinished(() => firefox.inBackground((api) => api.storage.sync.clear(), null));

  it('shows the page’s summary and the badge its count; a category switch hides that category at once', async () => {
    restoreSettings();
    const article = await open(ARTICLE);
    const entries = await article.$$eval(
      '[data-crosscheck-id]',
      (marks) => new Set(marks.map((m) => m.getAttribute('data-crosscheck-id'))).size,
    );
    // The content script reports what it found to the background, which sets the tab's badge.
    const tabId = await firefox.tabIdOf(article);
    await expect
      .poll(() => firefox.inBackground((api, tabId) => api.browserAction.getBadgeText({ tabId }), tabId))
      .toBe(String(entries));
    const popup = await openPopup(article);
    expect(await textOf(popup, '.status-headline')).toBe('On for 127.0.0.1');
    expect(await textOf(popup, '.status-detail')).toMatch(
      new RegExp(`^${entries} entries, \\d+ mentions in the article\\.$`),
    );
    const marks = await article.$$eval('crosscheck-mark', (all) => all.length);
    const personShown = () =>
      article.$eval(
        '[data-crosscheck-category="person"]',
        (mark) => getComputedStyle(mark).borderBottomWidth !== '0px',
      );
    expect(await personShown()).toBe(true);

    await popup.locator('::-p-aria([name="People"][role="switch"])').click();
    await article.waitForFunction(() => document.documentElement.getAttribute('data-crosscheck-hide') === 'person');
    expect(await personShown()).toBe(false);
    expect(await article.$$eval('crosscheck-mark', (all) => all.length)).toBe(marks); // not annotated again
    await popup.locator('::-p-aria([name="People"][role="switch"])').click();
    await article.waitForFunction(() => !document.documentElement.hasAttribute('data-crosscheck-hide'));
    expect(await personShown()).toBe(true);
    await popup.close();
    await article.close();
  });

  it('pauses a site: its highlights go at once, stay gone after a reload, and come back on resume', async () => {
    restoreSettings();
    const article = await open(ARTICLE);
    const popup = await openPopup(article);
    const pause = popup.locator('::-p-aria([name="Pause on 127.0.0.1"][role="switch"])');
    await pause.click();
    await article.waitForFunction(() => document.querySelectorAll('crosscheck-mark').length === 0);
    await article.reload();
    // The reloaded page's content script answers once it has read the settings: paused here.
    await expect
      .poll(() => tellTab(article, { type: 'crosscheck:page-summary' }).catch(() => null), { timeout: 15_000 })
      .toMatchObject({ active: false, scope: 'none' });
    expect(await article.$$('crosscheck-mark')).toHaveLength(0);
    await pause.click();
    await article.waitForSelector('[data-crosscheck-id]');
    await popup.close();
    await article.close();
  });
});

describe('Firefox: Check this figure', () => {
  it('checks the selected figure through the background, and the card says it differs', async () => {
    const page = await open('/fixtures/figures-changed.html');
    await page.evaluate(() => {
      const node = [...document.getElementById('reserves')!.childNodes].find((n) => n.textContent!.includes('$75'))!;
      const text = node.nodeType === Node.TEXT_NODE ? node : node.firstChild!;
      const at = text.textContent!.indexOf('$75 billion');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + '$75 billion'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    // What the context-menu item and the keyboard command do: the background asks the tab.
    await tellTab(page, { type: 'crosscheck:check-selection' });
    const card = await firefox.cardFrame(page);
    await cardSays(card, '.popover h2', 'Check this figure');
    expect(
      await card.$eval('.popover [data-crosscheck-verdict]', (v) => v.getAttribute('data-crosscheck-verdict')),
    ).toBe('differs');
    const says = await textOf(card, '.popover');
    expect(says).toContain('Selected: $75 billion');
    expect(says).toContain('Differs: the sources state $76 billion, 1.3% more (Chris Armitage, 2025-08-18).');
    await page.keyboard.press('Escape');
    await cardClosed(page);
    await page.close();
  });
});

describe('Firefox: my sources', () => {
  const ORIGINAL = '/fixtures/my-sources-original.html';
  const THIRD = '/fixtures/my-sources-third.html';

  /** The card of the Bank of North Dakota on the third page, once it lists the reader's sources (or not). */
  async function bankCard(own: boolean): Promise<string> {
    const page = await open(THIRD);
    await (await page.$('[data-crosscheck-id="bank-of-north-dakota"]'))!.click();
    const card = await firefox.cardFrame(page);
    const text = await cardSays(card, '.card', own ? /Your sources/ : /Named in \d of 5 sources/);
    await page.close();
    return text;
  }

  async function optionsPage(): Promise<Page> {
    const options = await firefox.openExtensionPage('options.html');
    await options.waitForSelector('::-p-text(Saved articles)');
    return options;
  }

  it('saves an article from the popup; a card on another page quotes it, credited', async () => {
    const article = await open(ORIGINAL);
    const popup = await openPopup(article);
    await popup.locator('::-p-aria(Add to my sources)').click();
    await popup.waitForSelector('.save-outcome ::-p-text(Added to your sources.)');
    await popup.close();
    await article.close();
    const card = await bankCard(true);
    expect(card).toContain('Named in 2 of 5 sources and 1 of your 1 saved article · 2 independent');
    expect(card).toContain('Valley towns sign a water compact');
    expect(card).toContain('Maria Okafor · Valley Ledger · 2025-06-02');
  });

  it('exports a knowledge pack, deletes everything, imports the pack, and the card quotes it again', async () => {
    const options = await optionsPage();
    await options.waitForSelector('::-p-text(Saved articles (1))');
    await options.locator('::-p-aria(Export a knowledge pack)').click();
    // The downloaded packs, once each is whole (Firefox makes the file first and writes it after).
    const packsSaved = async () => {
      const names = (await readdir(firefox.downloads)).filter((name) =>
        /^crosscheck-knowledge-pack-.*\.json$/.test(name),
      );
      const read = (name: string) => readFile(join(firefox.downloads, name), 'utf8').then((text) => JSON.parse(text));
      return Promise.all(names.map((name) => read(name).then((pack: unknown) => ({ name, pack }))));
    };
    await expect.poll(() => packsSaved().catch(() => []), { timeout: 10_000 }).toHaveLength(1);
    const [{ name, pack }] = (await packsSaved()) as [{ name: string; pack: { articles: { url: string }[] } }];
    const packPath = join(firefox.downloads, name);
    expect(pack.articles.map((a) => new URL(a.url).pathname)).toEqual([ORIGINAL]);

    await options.locator('::-p-aria(Delete all…)').click();
    await options.locator('::-p-aria(Yes, delete everything)').click();
    await options.waitForSelector('::-p-text(Saved articles (0))');
    expect(await bankCard(false)).not.toContain('Your sources');

    await (await options.$('input[type="file"]'))!.uploadFile(packPath);
    await options.waitForSelector('::-p-text(Added 1 article.)');
    await options.waitForSelector('::-p-text(Saved articles (1))');
    await options.close();
    expect(await bankCard(true)).toContain('Valley towns sign a water compact');
  });
});

describe('Firefox: the options page', () => {
  it('renders in light and dark, with no axe violations (screenshots kept in test-results/)', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const options = await firefox.openExtensionPage('options.html');
    await options.waitForSelector('::-p-text(The sources)');
    expect(await options.$$eval('.sources li', (items) => items.length)).toBe(5);
    const axe = await axeSource();
    for (const [scheme, background] of [
      ['light', 'rgb(245, 245, 248)'],
      ['dark', 'rgb(24, 24, 28)'],
    ] as const) {
      await firefox.setColorScheme(scheme);
      await options.waitForFunction(
        (background) => getComputedStyle(document.body).backgroundColor === background,
        { timeout: 5000 },
        background,
      );
      expect(await options.evaluate(runAxe, axe), scheme).toEqual([]);
      await options.screenshot({ path: join(ARTIFACTS, `firefox-options-${scheme}.png`), fullPage: true });
    }
    await firefox.setColorScheme('light');
    await options.close();
  });
});

describe('Firefox in Chinese: a card', () => {
  // A second Firefox, asked for zh-CN with its language pack (see launchFirefoxWithExtension).
  let chinese: FirefoxExtension;
  beforeAll(async () => {
    chinese = await launchFirefoxWithExtension(builtExtensionPath('firefox-mv2'), { locale: 'zh-CN' });
  });
  afterAll(() => chinese?.close());

  it('on seed 000 speaks Chinese, and no English outside what the data says', async () => {
    const say = (key: string, values?: Record<string, string | number>) => messageIn('zh_CN', key, values);
    const page = await chinese.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) =>
      request.url().startsWith(server.origin) ? void request.continue() : void request.abort(),
    );
    await page.goto(`${server.origin}${ARTICLE}`);
    await page.waitForFunction(firstPassEnded, { polling: 100 });
    await (await page.$('[data-crosscheck-id="soft-secession"]'))!.click();
    const card = await chinese.cardFrame(page);
    await cardSays(card, '.popover .category', say('category.concept'));
    const { agreement } = kbDetails.entries['soft-secession']!;
    expect(await textOf(card, '.agreement')).toBe(
      say('card.named', { named: agreement.sources.length, count: 5, independent: agreement.independent.length }),
    );
    expect(await card.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await card.$$eval('button[aria-expanded="false"]', (buttons) => buttons.forEach((button) => button.click()));
    const check = languageCheck(dataStrings(kbDetails));
    expect(check.latinWords(await card.evaluate(seen))).toEqual([]);
    await page.close();
    expect(chinese.errors()).toEqual([]);
  });
});

describe('Firefox: errors', () => {
  it('none from the extension: in pages, cards, popup, options or background', async () => {
    expect(firefox.errors()).toEqual([]);
  });
});
