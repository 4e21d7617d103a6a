import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../harness/server';

// Checks of the built extension itself (npm run build writes both).
const output = (browser: string, file: string) => join(PROJECT_ROOT, '.output', browser, file);
const manifest = (browser: string) => JSON.parse(readFileSync(output(browser, 'manifest.json'), 'utf8'));

/**
 * The content script that runs on every page, gzipped, at most: only what decides whether there is
 * anything to do (issue 28); drawing and the card come with the page tools.
 */
const CONTENT_SCRIPT_BUDGET = 12 * 1024;
/** The page tools, injected only into pages that need them, gzipped, at most. */
const PAGE_TOOLS_BUDGET = 60 * 1024;
/** The one script every page gets (the background is woken by the tab's navigation, not by a script). */
const CONTENT_SCRIPTS = ['content-scripts/content.js'];
const PAGE_TOOLS = 'page-tools.js';
const PAGES = ['http://*/*', 'https://*/*'];

describe('the built extension', () => {
  it('keeps the scripts a page gets within their size budgets', () => {
    const gzipped = (file: string) => gzipSync(readFileSync(output('chrome-mv3', file))).length;
    const size = gzipped('content-scripts/content.js');
    console.log(`content script: ${(size / 1024).toFixed(1)} KB gzipped`);
    expect(size).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
    const tools = gzipped(PAGE_TOOLS);
    console.log(`page tools: ${(tools / 1024).toFixed(1)} KB gzipped`);
    expect(tools).toBeLessThanOrEqual(PAGE_TOOLS_BUDGET);
  });

  it.each(['chrome-mv3', 'firefox-mv2'])(
    '%s compiles the content script whole as it loads, not the page tools',
    (browser) => {
      // V8's hint must be the file's first line; the page tools hold the card's code, which most loads never run.
      const firstLine = (file: string) => readFileSync(output(browser, file), 'utf8').split('\n', 1)[0];
      for (const script of CONTENT_SCRIPTS) expect(firstLine(script)).toBe('//# allFunctionsCalledOnLoad');
      expect(firstLine(PAGE_TOOLS)).not.toContain('allFunctionsCalledOnLoad');
    },
  );

  it.each(['chrome-mv3', 'firefox-mv2'])('%s asks for no more than it needs', (browser) => {
    const m = manifest(browser);
    // Host access to the pages the content scripts run on, for the background to inject the page tools there.
    const hosts = browser === 'chrome-mv3' ? [] : PAGES;
    expect([...m.permissions].sort()).toEqual(
      ['contextMenus', 'scripting', 'storage', 'unlimitedStorage', ...hosts].sort(),
    );
    expect(m.host_permissions ?? []).toEqual(browser === 'chrome-mv3' ? PAGES : []);
    expect(
      m.content_scripts
        .map((script: { js: string[]; css?: string[] }) => [...script.js, ...(script.css ?? [])])
        .flat()
        .sort(),
    ).toEqual(CONTENT_SCRIPTS);
    for (const script of m.content_scripts) expect(script.matches).toEqual(PAGES);
    // Only the card's page, and only to the pages Crosscheck annotates (its frame is embedded there);
    // never the page tools, which only the extension injects.
    expect(m.web_accessible_resources).toEqual(
      browser === 'chrome-mv3' ? [{ resources: ['card.html'], matches: PAGES }] : ['card.html'],
    );
    expect(Object.keys(m.commands).sort()).toEqual(['check-figure', 'toggle-highlights']);
  });

  it('has the manifest each browser expects', () => {
    const chrome = manifest('chrome-mv3');
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.background.service_worker).toBe('background.js');
    expect(chrome.browser_specific_settings).toBeUndefined();
    const firefox = manifest('firefox-mv2');
    expect(firefox.manifest_version).toBe(2);
    expect(firefox.background.scripts).toEqual(['background.js']);
    expect(firefox.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('has an icon at every size a store and the toolbar ask for, made from the one SVG', () => {
    for (const browser of ['chrome-mv3', 'firefox-mv2']) {
      const icons = manifest(browser).icons as Record<string, string>;
      const action = manifest(browser).action ?? manifest(browser).browser_action;
      expect(Object.keys(icons).sort()).toEqual(['128', '16', '32', '48']);
      expect(action.default_icon).toEqual(icons);
      for (const [size, path] of Object.entries(icons)) {
        const png = readFileSync(output(browser, path));
        // A PNG's IHDR chunk holds its width and height at bytes 16 and 20.
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
      }
    }
  });

  it('ships no remote code: no script or style is loaded from elsewhere', () => {
    for (const browser of ['chrome-mv3', 'firefox-mv2']) {
      const m = manifest(browser);
      expect(JSON.stringify(m)).not.toMatch(/https?:\/\/(?!\*\/\*)/);
      for (const script of [...CONTENT_SCRIPTS, PAGE_TOOLS]) {
        const content = readFileSync(output(browser, script), 'utf8');
        expect(content).not.toMatch(/\b(?:fetch|XMLHttpRequest|importScripts)\s*\(/);
      }
    }
  });
});
