import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HOVER_INTENT_MS } from '@/lib/card/highlight-interactions';
import { cardFrame, extensionSuite } from '../harness/e2e';
import { FIXTURE_PAGES_DIR } from '../harness/server';

/*
 * Crosscheck tried as a hostile page would: the page's own script watches everything a page can
 * reach (its whole DOM, every shadow root, forced open; every frame it can get at; CSS.highlights;
 * every message event; the performance timeline) and fires every kind of event at every highlight,
 * while the reader, with real input from the test driver, hovers and clicks highlights whose cards
 * list the reader's saved articles and tracked term. The page must learn nothing of the library.
 */

/** The page's spy, in its <head>, so it runs before Crosscheck's content script. */
const SPY = `
<script>
(() => {
  const spy = (window.__spy = { messages: [], roots: [] });
  const attach = Element.prototype.attachShadow;
  // A page may patch attachShadow to force every root open: Crosscheck must not rely on closed ones.
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, { ...init, mode: 'open' });
    spy.roots.push(root);
    return root;
  };
  const keep = (data) => {
    try {
      return JSON.stringify(data) ?? String(data);
    } catch {
      return String(data);
    }
  };
  addEventListener('message', (event) => spy.messages.push(keep(event.data) + ' ports:' + event.ports.length), true);

  /** Everything the page can read now, as one string. */
  const readNow = () => {
    const seen = [];
    const roots = new Set(spy.roots);
    const visit = (root) => {
      seen.push(root instanceof Document ? root.documentElement.outerHTML : root.innerHTML);
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot && !roots.has(element.shadowRoot)) {
          roots.add(element.shadowRoot);
          visit(element.shadowRoot);
        }
        if (element instanceof HTMLIFrameElement) {
          seen.push('iframe ' + element.src + ' ' + element.getAttribute('style'));
          try {
            if (element.contentDocument) visit(element.contentDocument);
          } catch {}
        }
      }
    };
    visit(document);
    for (const root of roots) visit(root);
    for (let i = 0; i < window.frames.length; i++) {
      try {
        visit(window.frames[i].document);
      } catch {}
      try {
        seen.push('frame name ' + window.frames[i].name + ' frames ' + window.frames[i].length);
      } catch {}
    }
    if (globalThis.CSS && CSS.highlights) {
      for (const [name, highlight] of CSS.highlights) {
        seen.push('highlight ' + name + ': ' + [...highlight].map((range) => range.toString()).join(' | '));
      }
    }
    for (const entry of performance.getEntries()) seen.push(entry.name + ' ' + keep(entry.detail ?? null));
    seen.push(...spy.messages);
    return seen.join('\\n');
  };
  // Read again every 50 ms, as a page watching for a card to open would: what showed for a moment counts.
  const seenEver = new Set();
  const record = () => seenEver.add(readNow());
  setInterval(record, 50);
  /** Everything the page could read at any moment so far. */
  spy.observe = () => {
    record();
    return [...seenEver].join('\\n');
  };

  /**
   * Every kind of event a script can fire, at every highlight; whether any of it opened a card or
   * made the card's host, which Crosscheck makes at once on the first sign a card is wanted.
   */
  spy.attack = async () => {
    const marks = [...document.querySelectorAll('crosscheck-mark')];
    const pointer = ['pointerover', 'pointerenter', 'pointermove', 'pointerdown', 'pointerup'];
    const mouse = ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'click'];
    for (const mark of marks) {
      const box = mark.getBoundingClientRect();
      const at = { bubbles: true, composed: true, cancelable: true, clientX: box.x + 2, clientY: box.y + 2 };
      for (const type of pointer) mark.dispatchEvent(new PointerEvent(type, at));
      for (const type of mouse) mark.dispatchEvent(new MouseEvent(type, at));
      mark.click();
      mark.focus();
      mark.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
      for (const key of ['Enter', ' ']) mark.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, shiftKey: true, bubbles: true }));
    }
    // Crosscheck answers input at once, or after its hover intent delay: a timer of the same delay
    // set now fires after any it set while the events were dispatched.
    await new Promise((resolve) => setTimeout(resolve, ${HOVER_INTENT_MS}));
    return document.querySelector('crosscheck-popover') !== null || spy.cardOpen();
  };

  /** What a page sees of the card, when one is shown: the box of its frame (or of a card drawn in the page). */
  spy.cardBox = () => {
    const card = document.querySelector('crosscheck-popover')?.shadowRoot?.querySelector('iframe, .popover');
    if (!card || card.hidden || getComputedStyle(card).visibility !== 'visible') return null;
    const { width, height } = card.getBoundingClientRect();
    return width > 0 && height > 0 ? { width, height } : null;
  };
  spy.cardOpen = () => spy.cardBox() !== null;
})();
</script>`;

const ORIGINAL = '/fixtures/my-sources-original.html';
const COPY = '/fixtures/my-sources-copy.html';
/** The reader's library, which no page may learn: saved articles' titles, addresses, authors, words. */
const SECRETS = [
  'Valley towns sign a water compact',
  'Round-up: water, roads',
  'valley-ledger',
  'Maria Okafor',
  'Daily Reprint',
  'Officials in the valley',
  'river sharing pact',
  'saved article',
  'tracked-',
  'A term you track',
];

async function hostilePage(): Promise<string> {
  const third = await readFile(join(FIXTURE_PAGES_DIR, 'my-sources-third.html'), 'utf8');
  return third.replace('</head>', `${SPY}\n</head>`);
}

const HOSTILE = '/hostile/reader.html';
const suite = extensionSuite({ viewport: { width: 1000, height: 700 } }, new Map([[HOSTILE, await hostilePage()]]));

interface Spy {
  observe(): string;
  attack(): Promise<boolean>;
  cardBox(): { width: number; height: number } | null;
}
/** Runs one of the spy's methods in the page, as the page's own script. */
const spy = <M extends keyof Spy>(page: Page, method: M): Promise<Awaited<ReturnType<Spy[M]>>> =>
  page.evaluate<unknown, string>(
    (name) => (window as unknown as { __spy: Record<string, () => unknown> }).__spy[name]!(),
    method,
  ) as Promise<Awaited<ReturnType<Spy[M]>>>;

async function save(path: string): Promise<void> {
  const article = await suite.open(path, '[data-crosscheck-id]');
  const popup = await suite.openPopup(article);
  await popup.getByRole('button', { name: 'Add to my sources' }).click();
  await popup.locator('.save-outcome').waitFor();
  await popup.close();
  await article.close();
}

async function track(label: string, aliases: string): Promise<void> {
  const form = await suite.browser.context.newPage();
  await form.goto(`chrome-extension://${suite.browser.extensionId}/track.html?label=${encodeURIComponent(label)}`);
  await form.getByLabel('Concept').check();
  await form.getByLabel('Other names (optional)').fill(aliases);
  await form.getByRole('button', { name: 'Track' }).click();
  await form.getByText(/Found in \d+ saved articles? of \d+\./).waitFor();
  await form.close();
}

/** The reader hovers a highlight with the real pointer, waits for the card, and returns its box as the page sees it. */
async function readerHovers(page: Page, entry: string): Promise<{ width: number; height: number }> {
  await page.mouse.move(2, 690);
  const highlight = page.locator(`[data-crosscheck-id="${entry}"]`).first();
  await highlight.scrollIntoViewIfNeeded();
  await highlight.hover();
  await cardFrame(page).locator('.popover h2').waitFor();
  await page.waitForFunction('window.__spy.cardBox() !== null');
  const box = (await spy(page, 'cardBox'))!;
  await page.mouse.move(2, 690);
  await page.waitForFunction('window.__spy.cardBox() === null');
  return box;
}

describe('a hostile page', () => {
  let emptyLibraryBox: { width: number; height: number };

  it('sees a card of the same size whatever the reader has saved (before: an empty library)', async () => {
    const page = await suite.open(HOSTILE, '[data-crosscheck-id]');
    emptyLibraryBox = await readerHovers(page, 'bank-of-north-dakota');
    await page.close();
  });

  it('opens no card with its own events, and learns nothing of the library while the reader uses cards', async () => {
    await save(ORIGINAL);
    await save(COPY);
    await track('water compact', 'river sharing pact');
    // The reader chose to see tracked terms everywhere, knowing a page sees the highlighted words.
    await suite.useSettings({ trackedHighlights: 'every-site' });

    const page = await suite.open(HOSTILE, '[data-crosscheck-id="tracked"]');
    expect(await spy(page, 'attack'), 'a card opened on synthetic events').toBe(false);

    // The reader's real pointer opens the card; the library is there, inside the extension's frame…
    const box = await readerHovers(page, 'bank-of-north-dakota');
    await page.locator('[data-crosscheck-id="bank-of-north-dakota"]').first().click();
    const card = cardFrame(page).locator('.card');
    await card.filter({ hasText: 'Your sources' }).waitFor();
    expect(await card.textContent()).toContain('Valley towns sign a water compact');
    // …the frame the page can see is exactly as big as with an empty library…
    expect(box).toEqual(emptyLibraryBox);
    await page.keyboard.press('Escape');
    const figure = page.locator('[data-crosscheck-id="california-budget-reserves"]').first();
    await figure.click();
    await card.filter({ hasText: 'Your sources' }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-crosscheck-id="tracked"]').first().click();
    await card.filter({ hasText: 'river sharing pact' }).waitFor();
    await page.keyboard.press('Escape');

    // …and nothing the page can read holds any of it.
    const observed = await spy(page, 'observe');
    expect(observed).toContain('crosscheck-mark'); // the spy does see the highlights
    for (const secret of SECRETS) expect(observed, secret).not.toContain(secret);
    await page.close();
  });

  it('cannot switch Crosscheck off by replaying the "newer script started" event', async () => {
    const page = await suite.open(HOSTILE, '[data-crosscheck-id]');
    const messages = await spy(page, 'observe');
    expect(messages).not.toContain('content-script-started'); // WXT's announcement is off
    const before = await page.locator('crosscheck-mark').count();
    await page.evaluate((id) => {
      // WXT's event name is the extension id, the script's name and its own; a page can learn the id.
      for (const name of ['content', 'page-tools']) {
        document.dispatchEvent(
          new CustomEvent(`${id}:${name}:wxt:content-script-started`, {
            detail: { contentScriptName: name, messageId: 'forged' },
          }),
        );
      }
    }, suite.browser.extensionId);
    // Still answering the reader (the forged events were dispatched, and taken in, before this).
    await readerHovers(page, 'bank-of-north-dakota');
    expect(await page.locator('crosscheck-mark').count()).toBe(before);
    await page.close();
  });
});
