import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardFrame, extensionSuite } from '../harness/e2e';

// What a page's own script can do to Crosscheck, tried with the reader's real input from the test
// driver: dress its own elements up as highlights, and talk to the card's frame, which sits in the
// page's DOM (in an open shadow root; `card.html` is web-accessible). Events a page dispatches at
// real highlights, and what a page can read, are tried in hostile-page.e2e.ts.
const suite = extensionSuite();
const PAGE = '/fixtures/forged-highlights.html';
const REAL = '#real [data-crosscheck-id="soft-secession"]';
const FORGED_NOTICE = 'Forged by the page';
/** Fresh loads on which the page races Crosscheck for the card's frame. */
const RACE_LOADS = 5;

/** Whether Crosscheck has made its card's host: it makes it at once, on the first sign a card is wanted. */
const cardHostMade = (page: Page) => page.evaluate(() => document.querySelector('crosscheck-popover') !== null);

/**
 * Records, from the page's own listeners, the reader's input the page sees: they run after
 * Crosscheck's (capture listeners on the document), so an input the page has seen, Crosscheck has.
 */
async function recordReaderInput(page: Page): Promise<(entry: string) => Promise<unknown>> {
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
    for (const type of ['click', 'keydown'])
      document.addEventListener(type, (event) => {
        if (event.isTrusted) seen.push(`${type} ${(event.target as Element).id}`);
      });
  });
  return (entry) =>
    page.waitForFunction((entry) => (window as unknown as { seen: string[] }).seen.includes(entry), entry);
}

/**
 * The page's script: offers the card's frame a MessageChannel port of its own, as Crosscheck's
 * content script does, and on it asks the frame to show a notice; it keeps what comes back. With
 * `whileLoading`, it starts as soon as Crosscheck makes the frame and offers again on every turn of
 * its event loop (a MessageChannel, not clamped as timers are) until the frame has loaded
 * (Crosscheck offers its port on the frame's load event): a race for the frame's one port.
 * Without, it offers once, to the frame Crosscheck has already connected.
 */
function offerPagePort(page: Page, { whileLoading }: { whileLoading: boolean }): Promise<void> {
  return page.evaluate(
    ({ whileLoading, notice }) => {
      const state: { replies: string[]; done: boolean } = { replies: [], done: false };
      (window as unknown as { pagePort: typeof state }).pagePort = state;
      const offer = (frame: HTMLIFrameElement) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = ({ data }) => state.replies.push(JSON.stringify(data));
        frame.contentWindow?.postMessage({ type: 'crosscheck-card:port' }, '*', [channel.port2]);
        channel.port1.postMessage({
          type: 'crosscheck-card:show',
          seq: 1,
          content: { kind: 'notice', message: notice },
          readerLanguage: 'en',
          focus: false,
          maxWidth: 400,
        });
      };
      const frameOf = () => document.querySelector('crosscheck-popover')?.shadowRoot?.querySelector('iframe') ?? null;
      if (!whileLoading) {
        offer(frameOf()!);
        state.done = true;
        return;
      }
      let watched: HTMLIFrameElement | null = null;
      let loaded = false;
      const turns = new MessageChannel();
      turns.port1.onmessage = () => race();
      const race = () => {
        const frame = frameOf();
        if (frame && frame !== watched) {
          watched = frame;
          frame.addEventListener('load', () => (loaded = true), { once: true });
        }
        if (frame) offer(frame);
        if (loaded) state.done = true;
        else turns.port2.postMessage(null);
      };
      race();
    },
    { whileLoading, notice: FORGED_NOTICE },
  );
}

/**
 * What came back on the page's port, and what the card says, once the page's offers are done and
 * the reader has opened a real card (the frame has then taken in every message posted to it
 * before), or as soon as the page's port has an answer.
 */
async function afterPageOffers(page: Page): Promise<{ replies: string[]; cardText: string }> {
  await page.waitForFunction(() => (window as unknown as { pagePort: { done: boolean } }).pagePort.done);
  await page.keyboard.press('Escape');
  await page.locator(REAL).click();
  await page.waitForFunction(
    () =>
      (window as unknown as { pagePort: { replies: string[] } }).pagePort.replies.length > 0 ||
      document.querySelector('crosscheck-popover')?.shadowRoot?.querySelector('iframe')?.classList.contains('open'),
  );
  return {
    replies: await page.evaluate(() => (window as unknown as { pagePort: { replies: string[] } }).pagePort.replies),
    cardText: (await cardFrame(page).locator('body').textContent()) ?? '',
  };
}

describe('a page cannot make Crosscheck say anything', () => {
  it('opens no card from elements the page dresses up as highlights, whatever the reader does to them', async () => {
    const page = await suite.open(PAGE, '#real [data-crosscheck-id]');
    const seen = await recordReaderInput(page);
    for (const forged of ['forged-span', 'forged-mark']) {
      await page.click(`#${forged}`);
      await seen(`click ${forged}`);
      await page.focus(`#${forged}`);
      await page.keyboard.press('Enter');
      await seen(`keydown ${forged}`);
      // The pointer resting on it, the click and the key would each have made the card's host.
      expect(await cardHostMade(page), forged).toBe(false);
    }
    // A real highlight still opens its card, with what the knowledge base holds.
    await page.locator(REAL).click();
    await cardFrame(page).locator('.popover h2', { hasText: 'Soft secession' }).waitFor();
    expect(await cardHostMade(page)).toBe(true);
    await page.close();
  });

  it('ignores a port the page offers the card’s frame after Crosscheck’s, and what the page sends on it', async () => {
    const page = await suite.open(PAGE, '#real [data-crosscheck-id]');
    await page.locator(REAL).click();
    await cardFrame(page).locator('.popover h2', { hasText: 'Soft secession' }).waitFor();
    await offerPagePort(page, { whileLoading: false });
    const { replies, cardText } = await afterPageOffers(page);
    expect(replies).toEqual([]);
    expect(cardText).not.toContain(FORGED_NOTICE);
    await page.close();
  });

  it('ignores a port the page offers the card’s frame while it loads, before Crosscheck’s', async () => {
    for (let load = 0; load < RACE_LOADS; load++) {
      const page = await suite.open(PAGE, '#real [data-crosscheck-id]');
      await offerPagePort(page, { whileLoading: true });
      // The pointer on a highlight makes the frame.
      await page.locator(REAL).hover();
      const { replies, cardText } = await afterPageOffers(page);
      await page.close();
      expect(replies, `load ${load + 1}`).toEqual([]);
      expect(cardText).not.toContain(FORGED_NOTICE);
    }
  }, 120_000);
});
