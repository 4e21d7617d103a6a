/**
 * `npm run demo`: serves pages made from the seed articles on 127.0.0.1 and opens Chromium with
 * the built extension on one of them. Headed when a display is available; with
 * `--screenshot FILE` (and by default without a display) it opens a card, saves a PNG, prints its
 * path and exits.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchWithExtension } from './chromium';
import { builtExtensionPath } from './extension';
import { startPageServer } from './server';

const { values } = parseArgs({
  options: {
    screenshot: { type: 'string' },
    page: { type: 'string', default: 'armitage' },
    entry: { type: 'string', default: 'soft-secession' },
    dark: { type: 'boolean', default: false },
  },
});

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const screenshotPath = values.screenshot ?? (hasDisplay ? undefined : 'crosscheck-demo.png');

const server = await startPageServer();
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
  const highlight = page.locator(`[data-crosscheck-id="${values.entry}"]`).first();
  await highlight.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -120));
  await highlight.click();
  await page.locator('crosscheck-popover .popover h2').waitFor({ timeout: 10_000 });
  await page.locator('crosscheck-popover blockquote').first().waitFor({ timeout: 10_000 });
  const file = resolve(screenshotPath);
  await page.screenshot({ path: file });
  console.log(file);
  await browser.close();
  await server.close();
}
