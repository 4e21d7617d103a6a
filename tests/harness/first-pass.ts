import type { BrowserContext, Page } from 'playwright-core';
import { firstPassEnded } from './in-page';

export interface FirstPassWait {
  /** How long to wait at most, in ms (Playwright's default otherwise). */
  readonly timeoutMs?: number;
  /**
   * How often to check, in ms (every frame otherwise): the check runs on the page's main thread, so
   * the benchmark checks less often.
   */
  readonly pollingMs?: number;
}

/**
 * Waits until the content script's first annotation pass on `page` has ended: it records the
 * `crosscheck:annotate` measure at the end of the pass, once every highlight is drawn.
 */
export async function waitForFirstPass(page: Page, { timeoutMs, pollingMs }: FirstPassWait = {}): Promise<void> {
  await page.waitForFunction(firstPassEnded, null, { timeout: timeoutMs, polling: pollingMs ?? 'raf' });
}

export interface OpenOptions extends FirstPassWait {
  /** Called with the new tab before it loads, to listen for its errors, say. */
  readonly beforeLoad?: (page: Page) => void | Promise<void>;
}

/** Opens `url` in a new tab of `context` and resolves with it once Crosscheck's first pass on it has ended. */
export async function openAfterFirstPass(
  context: BrowserContext,
  url: string,
  options: OpenOptions = {},
): Promise<Page> {
  const page = await context.newPage();
  await options.beforeLoad?.(page);
  await page.goto(url);
  await waitForFirstPass(page, options);
  return page;
}
