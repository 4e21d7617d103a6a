/**
 * `npm run demo`: serves pages made from the seed articles on 127.0.0.1 and opens Chromium with
 * the built extension on one of them. Headed when a display is available; with
 * `--screenshot FILE` (and by default without a display) it opens a card, saves a PNG, prints its
 * path and exits; with `--screenshots DIR` it saves the README's pictures (a card, the popup and
 * the options page, light and dark; a card and the popup in Chinese) into DIR and exits.
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { parseArgs } from 'node:util';
import { cardFrame } from './card';
import { launchWithExtension } from './chromium';
import { builtExtensionPath } from './extension';
import { startPageServer } from './server';

const { values } = parseArgs({
  options: {
    screenshot: { type: 'string' },
    screenshots: { type: 'string' },
    page: { type: 'string', default: 'armitage' },
    entry: { type: 'string', default: 'soft-secession' },
    dark: { type: 'boolean', default: false },
  },
});

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const screenshotPath = values.screenshot ?? (hasDisplay ? undefined : 'crosscheck-demo.png');

/** Whether this machine has a font for Chinese (fontconfig's list; assumed yes where there is none). */
function hasCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return true;
  }
}

const cjkFont = hasCjkFont();
if (!cjkFont) {
  console.log('No Chinese font is installed: the demo shows a note in place of Chinese text. To read it:');
  console.log('  sudo apt-get install -y fonts-noto-cjk');
}
const server = await startPageServer(new Map(), { cjkFont });

/** Opens the card of the highlight `selector` finds first on `page`, scrolled so the card has room. */
async function openCard(page: Page, selector: string): Promise<void> {
  const highlight = page.locator(selector).first();
  await highlight.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -120));
  await highlight.click();
  await cardFrame(page).locator('.popover h2').waitFor({ timeout: 10_000 });
  await cardFrame(page).locator('.popover .summary, .popover blockquote').first().waitFor({ timeout: 10_000 });
}

const entryHighlight = (entry: string) => `[data-crosscheck-id="${entry}"]`;

/**
 * The README's pictures in one colour scheme and UI language: a card, the popup for the card's
 * page, and the options page if asked, named `<picture><suffix>.png`.
 */
async function screenshots(
  dir: string,
  shot: {
    readonly scheme: 'light' | 'dark';
    readonly language: string;
    readonly suffix: string;
    readonly card: string;
    readonly optionsPage: boolean;
  },
): Promise<void> {
  const browser = await launchWithExtension(builtExtensionPath(), {
    colorScheme: shot.scheme,
    language: shot.language,
  });
  const article = await browser.context.newPage();
  await article.goto(`${server.origin}/seed/${values.page}.html`);
  await article.waitForSelector('[data-crosscheck-id]', { timeout: 15_000 });
  await openCard(article, shot.card);
  await article.screenshot({ path: join(dir, `card${shot.suffix}.png`) });
  await article.keyboard.press('Escape');
  // The popup as the toolbar button shows it, for the article's tab.
  await article.bringToFront();
  const tabId = await browser.serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { tabs: { query: (query: object) => Promise<{ id?: number }[]> } };
    };
    return (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!;
  });
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('h1').waitFor();
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: join(dir, `popup${shot.suffix}.png`) });
  if (shot.optionsPage) {
    const options = await browser.context.newPage();
    await options.setViewportSize({ width: 1100, height: 900 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('h1').waitFor();
    await options.waitForTimeout(300);
    await options.screenshot({ path: join(dir, `options${shot.suffix}.png`) });
  }
  await browser.close();
}

if (values.screenshots !== undefined) {
  const dir = resolve(values.screenshots);
  await mkdir(dir, { recursive: true });
  const card = entryHighlight(values.entry);
  for (const scheme of ['light', 'dark'] as const) {
    await screenshots(dir, { scheme, language: 'en_US', suffix: `-${scheme}`, card, optionsPage: true });
  }
  // A reader whose browser speaks Chinese, on the card of a figure in the page's Chinese summary.
  await screenshots(dir, {
    scheme: 'light',
    language: 'zh_CN',
    suffix: '-zh',
    card: `[lang="zh"] ${entryHighlight('california-budget-reserves')}`,
    optionsPage: false,
  });
  console.log(dir);
  await server.close();
  process.exit(0);
}

const browser = await launchWithExtension(builtExtensionPath(), {
  headless: screenshotPath !== undefined,
  colorScheme: values.dark ? 'dark' : 'light',
});
const page = await browser.context.newPage();
const url = `${server.origin}/seed/${values.page}.html`;
await page.goto(url);
await page.waitForSelector('[data-crosscheck-id]', { timeout: 15_000 });

if (screenshotPath === undefined) {
  console.log(`Crosscheck demo: ${url}\nOther pages: ${server.seedPages.map((p) => server.origin + p).join(' ')}`);
  console.log('Close the browser window (or press Ctrl+C) to stop.');
  const stop = async () => {
    await browser.close().catch(() => {});
    await server.close();
    process.exit(0);
  };
  browser.context.on('close', () => void stop());
  process.on('SIGINT', () => void stop());
} else {
  await openCard(page, entryHighlight(values.entry));
  const file = resolve(screenshotPath);
  await page.screenshot({ path: file });
  console.log(file);
  await browser.close();
  await server.close();
}
