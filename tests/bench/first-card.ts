/**
 * The first card a reader opens on a fresh page load, timed by the page itself: from the reader's
 * input (its own timestamp) to the first frame in which the card is shown. A click as soon as the
 * pointer reaches the highlight leaves the least time to make the card's frame (made when the
 * pointer arrives); a hover makes it while the pointer rests (HOVER_INTENT_MS), so only what follows
 * the intent delay is counted for it.
 */
import type { ExtensionBrowser } from '../harness/chromium';
import { waitForFirstPass } from '../harness/first-pass';
import { HOVER_INTENT_MS } from '@/lib/card/highlight-interactions';

export type CardInput = 'click' | 'hover';

/** In the page, as a string: the bundler's helpers (keepNames) do not exist there. */
const untilShown = (inputEvent: string) => `new Promise((resolve) => {
  let inputAt = null;
  addEventListener('${inputEvent}', (event) => (inputAt ??= event.timeStamp), true);
  const visible = () => {
    const card = document.querySelector('crosscheck-popover')?.shadowRoot?.querySelector('iframe, .popover');
    // The frame is shown once its card is drawn; a card drawn in the page (earlier builds) once it has its title.
    return card instanceof HTMLElement && !card.hidden && getComputedStyle(card).visibility === 'visible' &&
      card.getBoundingClientRect().height > 0 && (card.localName === 'iframe' || card.querySelector('h2') !== null);
  };
  const frame = (now) => (inputAt !== null && visible() ? resolve(now - inputAt) : requestAnimationFrame(frame));
  requestAnimationFrame(frame);
})`;

/** Milliseconds from the input to the card shown, for one fresh load of `url`. */
export async function firstCard(
  extension: ExtensionBrowser,
  url: string,
  highlight: string,
  input: CardInput,
): Promise<number> {
  const page = await extension.context.newPage();
  try {
    await page.goto(url);
    await waitForFirstPass(page);
    const target = page.locator(highlight).first();
    await target.scrollIntoViewIfNeeded();
    const box = (await target.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height + 40);
    const shown = page.evaluate(untilShown(input === 'click' ? 'pointerdown' : 'pointerover')) as Promise<number>;
    if (input === 'click') await target.click();
    else await target.hover();
    const ms = await shown;
    return input === 'hover' ? ms - HOVER_INTENT_MS : ms;
  } finally {
    await page.close();
  }
}
