import { afterAll, beforeAll } from 'vitest';
import type { Frame, Page } from 'playwright-core';
export { cardFrame } from './card';
import { launchWithExtension, type ExtensionBrowser, type LaunchOptions } from './chromium';
import { builtExtensionPath } from './extension';
import { openAfterFirstPass } from './first-pass';
import { axeSource, runAxe } from './in-page';
import { startPageServer, type PageServer } from './server';
import { storeSettings, type SettingsChanges } from './settings';

export interface ExtensionSuite {
  /** Chromium with the built extension (set in beforeAll). */
  readonly browser: ExtensionBrowser;
  /** The local page server (set in beforeAll). */
  readonly server: PageServer;
  /**
   * Opens a served article page in a new tab once Crosscheck's first pass on it has ended and,
   * given a selector, once the page has an element it matches.
   */
  open(path: string, ready?: string): Promise<Page>;
  /** Stores the reader's settings (the defaults with `changes`), as the options page would. */
  useSettings(changes: SettingsChanges): Promise<void>;
  /**
   * Sends `message` from the background to `page`'s tab, as the context-menu item, the keyboard
   * commands and the popup do, and returns the reply.
   */
  tellTab(page: Page, message: unknown): Promise<unknown>;
  /** The page's tab id: the extension has no "tabs" permission, so the worker asks for the active tab. */
  tabIdOf(page: Page): Promise<number>;
  /** The popup for `article`'s tab, opened as a page (`popup.html?tab=ID`), once it has drawn. */
  openPopup(article: Page): Promise<Page>;
}

/** Every figure highlight on the page (first pieces and continuations alike), where it is and what it says. */
export function figureHighlights(page: Page) {
  return page.$$eval('[data-crosscheck-category="figure"]', (marks) =>
    marks.map((m) => ({
      paragraph: m.closest('p')!.id,
      id: m.getAttribute('data-crosscheck-id'),
      text: m.textContent,
      verdict: m.getAttribute('data-crosscheck-verdict'),
    })),
  );
}

/**
 * The set-up every e2e file shares: a page server and Chromium with the built extension, started
 * before the file's tests and closed after them.
 */
export function extensionSuite(
  options: LaunchOptions = {},
  /** Pages to serve besides the usual ones, by path. */
  extraPages: ReadonlyMap<string, string> = new Map(),
): ExtensionSuite {
  let browser: ExtensionBrowser | undefined;
  let server: PageServer | undefined;
  beforeAll(async () => {
    server = await startPageServer(extraPages);
    browser = await launchWithExtension(builtExtensionPath(), options);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get server() {
      return server!;
    },
    useSettings(changes) {
      return storeSettings(browser!, changes);
    },
    async tellTab(page, message) {
      const tabId = await this.tabIdOf(page);
      return browser!.serviceWorker.evaluate(
        ([tabId, message]) =>
          (
            globalThis as unknown as {
              chrome: { tabs: { sendMessage: (tabId: number, message: unknown) => Promise<unknown> } };
            }
          ).chrome.tabs.sendMessage(tabId, message),
        [tabId, message] as const,
      );
    },
    async tabIdOf(page) {
      await page.bringToFront();
      return browser!.serviceWorker.evaluate(async () => {
        const { chrome } = globalThis as unknown as {
          chrome: { tabs: { query: (query: object) => Promise<{ id?: number }[]> } };
        };
        return (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!;
      });
    },
    async openPopup(article) {
      const popup = await browser!.context.newPage();
      await popup.goto(`chrome-extension://${browser!.extensionId}/popup.html?tab=${await this.tabIdOf(article)}`);
      await popup.locator('h1', { hasText: 'Crosscheck' }).waitFor();
      return popup;
    },
    async open(path, ready) {
      const page = await openAfterFirstPass(browser!.context, `${server!.origin}${path}`);
      if (ready) await page.waitForSelector(ready);
      return page;
    },
  };
}

/**
 * axe-core's violations on an extension page or in the card's frame (evaluated, as their CSP allows
 * no inline script).
 */
export async function axeViolations(page: Page | Frame): Promise<string[]> {
  return page.evaluate(runAxe, await axeSource());
}
