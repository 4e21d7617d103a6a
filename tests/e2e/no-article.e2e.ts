import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionSuite } from '../harness/e2e';
import { FIXTURE_PAGES_DIR } from '../harness/server';
import { firstPassEnded } from '../harness/in-page';

/*
 * Issue 28: a page with no article pays for deciding that and for nothing else. Crosscheck adds no
 * element, attribute, stylesheet or global to it, and the page tools (drawing, mark.js, the card)
 * are never loaded into it; on an article page they are, and everything works as before.
 */

/**
 * The page's own recorder, first in its <head>: its window's globals as it starts, and every change
 * to its DOM once it is parsed (the page changes nothing itself after that).
 */
const RECORDER = `<script>
(() => {
  const record = (window.__record = { globals: Object.getOwnPropertyNames(window), changes: [] });
  addEventListener('DOMContentLoaded', () => {
    new MutationObserver((mutations) => {
      for (const m of mutations)
        record.changes.push(m.type + ' ' + m.target.nodeName + ' ' + (m.attributeName ?? '') + [...m.addedNodes].map((n) => n.nodeName).join(','));
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
})();
</script>`;

const withRecorder = (html: string) => html.replace(/<head>/i, `<head>${RECORDER}`);
const SHOP = '/no-article/shop-listing.html';
/** A page that plants its own `crosscheckPageTools` where a careless content script might look for the tools. */
const PLANTED = `<script>
  window.__plantedCalls = 0;
  window.crosscheckPageTools = () => { window.__plantedCalls++; throw new Error('planted'); };
</script>`;
const ARTICLE = '/no-article/armitage.html';

const suite = extensionSuite(
  {},
  new Map([[SHOP, withRecorder(readFileSync(join(FIXTURE_PAGES_DIR, 'shop-listing.html'), 'utf8'))]]),
);

/** Opens `path` with the extension's scripts that run in it recorded (their addresses, from Chromium's debugger). */
async function openRecordingScripts(path: string): Promise<{ page: Page; extensionScripts: () => string[] }> {
  const page = await suite.browser.context.newPage();
  const cdp = await suite.browser.context.newCDPSession(page);
  const scripts = new Set<string>();
  cdp.on('Debugger.scriptParsed', ({ url }) => {
    if (url.startsWith('chrome-extension://')) scripts.add(new URL(url).pathname);
  });
  await cdp.send('Debugger.enable');
  await page.goto(`${suite.server.origin}${path}`);
  return { page, extensionScripts: () => [...scripts].sort() };
}

/** What the page can see of Crosscheck: elements, attributes, stylesheets, highlights, globals, DOM changes. */
const whatThePageSees = () => {
  const record = (window as unknown as { __record: { globals: string[]; changes: string[] } }).__record;
  const changes = [...record.changes];
  // An element only the extension's stylesheet would style, were it in the page in any form.
  const probe = document.createElement('crosscheck-mark');
  probe.setAttribute('data-crosscheck-category', 'person');
  probe.textContent = 'probe';
  document.body.append(probe);
  const probeStyle = getComputedStyle(probe);
  const styled = `${probeStyle.backgroundColor} ${probeStyle.borderBottomStyle} ${probeStyle.cursor}`;
  probe.remove();
  const before = new Set(record.globals);
  return {
    elements: [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('crosscheck')).length,
    attributes: document.documentElement.getAttributeNames(),
    styleSheets: document.styleSheets.length,
    adoptedStyleSheets: document.adoptedStyleSheets.length,
    customHighlights: CSS.highlights.size,
    styled,
    newGlobals: Object.getOwnPropertyNames(window).filter((name) => !before.has(name) && name !== '__record'),
    changes,
  };
};

describe('a page with no article', () => {
  it('gets nothing of Crosscheck: no element, attribute, stylesheet, global or change, and no page tools', async () => {
    const { page, extensionScripts } = await openRecordingScripts(SHOP);
    // The content script has looked for an article (and found none); give anything it would do next its time.
    await page.waitForFunction(() => performance.getEntriesByName('crosscheck:find-article').length > 0);
    await page.waitForTimeout(1000);
    expect(await page.evaluate(whatThePageSees)).toEqual({
      elements: 0,
      attributes: ['lang'],
      // The page's own <style>.
      styleSheets: 1,
      adoptedStyleSheets: 0,
      customHighlights: 0,
      styled: 'rgba(0, 0, 0, 0) none auto',
      newGlobals: [],
      changes: [],
    });
    expect(extensionScripts()).toEqual(['/content-scripts/content.js']);
    await page.close();
  });
});

describe('an article page', () => {
  it('gets the page tools, from the extension only, and its highlights bring their stylesheet and take it away', async () => {
    const { page, extensionScripts } = await openRecordingScripts('/seed/armitage.html');
    await page.waitForFunction(firstPassEnded);
    expect(extensionScripts()).toEqual(['/content-scripts/content.js', '/page-tools.js']);
    const styles = () =>
      page.evaluate(() => ({
        marks: document.querySelectorAll('crosscheck-mark').length,
        adopted: document.adoptedStyleSheets.length,
      }));
    expect(await styles()).toEqual({ marks: expect.any(Number), adopted: 1 });
    expect((await styles()).marks).toBeGreaterThan(0);
    // The stylesheet of mark.js's elements only: ::highlight() rules would restyle every element as they arrive.
    const rules = await page.evaluate(() => [...document.adoptedStyleSheets[0]!.cssRules].map((rule) => rule.cssText));
    expect(rules.some((rule) => rule.startsWith('crosscheck-mark'))).toBe(true);
    expect(rules.filter((rule) => rule.includes('::highlight'))).toEqual([]);
    const tint = await page
      .locator('crosscheck-mark')
      .first()
      .evaluate((mark) => getComputedStyle(mark).backgroundColor);
    expect(tint).not.toBe('rgba(0, 0, 0, 0)');
    // Paused here: the highlights go, and their stylesheet with them.
    onTestFinished(() => suite.useSettings({}));
    await suite.useSettings({ pausedSites: ['127.0.0.1'] });
    await page.waitForFunction(() => document.querySelectorAll('crosscheck-mark').length === 0);
    expect(await styles()).toEqual({ marks: 0, adopted: 0 });
    await page.close();
  });

  it('takes the tools only from the extension: what the page plants under their name is never used', async () => {
    const page = await suite.browser.context.newPage();
    await page.route(`${suite.server.origin}${ARTICLE}`, async (route) => {
      const response = await route.fetch({ url: `${suite.server.origin}/seed/armitage.html` });
      await route.fulfill({ response, body: (await response.text()).replace(/<head>/i, `<head>${PLANTED}`) });
    });
    await page.goto(`${suite.server.origin}${ARTICLE}`);
    await page.waitForFunction(firstPassEnded);
    expect(await page.locator('crosscheck-mark').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __plantedCalls: number }).__plantedCalls)).toBe(0);
    await page.close();
  });
});
