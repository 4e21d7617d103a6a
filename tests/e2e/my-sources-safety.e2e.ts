import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardFrame, extensionSuite } from '../harness/e2e';

// The reader's library against hostile pages, end to end in Chromium: a page on another origin
// (localhost reaches the same page server as 127.0.0.1, under another origin) that declares a saved
// article's address as its canonical one, or copies its text; a page declaring a megabyte-long
// title and an author with an unterminated right-to-left override; and a full disk.

const article = (head: string, paragraphs: readonly string[]) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">${head}</head>
<body><main><article>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></main></body></html>`;

const GENUINE_TEXT = [
  'Officials in the valley said the new water compact would let farms and towns share the river through dry summers, and that the Bank of North Dakota had offered advice on financing the new pipes.',
  'The agreement took two years to negotiate. Mayors from eleven towns met in the old grange hall on Monday to sign it, and farmers who had filled the back rows applauded when the last signature went on.',
  'Under the compact, each town keeps a share of the river in proportion to its population, and farms keep the rights they held before the drought. A board of five members will settle disputes.',
];
const IMPOSTOR_TEXT = [
  'The Bank of North Dakota secretly owns the river, an anonymous post claimed this week, and the valley’s mayors were paid to sign whatever they were handed at the grange hall on Monday.',
  'None of the claims came with a document, a name or a date. The post asked readers to share it widely before it was taken down, and to distrust any newspaper that reported otherwise.',
  'Several accounts repeated the post within the hour, each adding details of their own about pipes, loans and meetings that nobody else could find a record of, in the valley or anywhere else.',
];
const DATED = `<script type="application/ld+json">${JSON.stringify({
  '@type': 'NewsArticle',
  headline: 'Valley towns sign a water compact',
  datePublished: '2025-06-02',
  author: 'Maria Okafor',
})}</script>`;
// A page's own script declares the genuine article's address, whatever port the test server has.
const CLAIMS_GENUINE = `<script>
  const link = document.createElement('link');
  link.rel = 'canonical';
  link.href = location.href.replace('//localhost:', '//127.0.0.1:').replace(/\\/[\\w-]+\\.html$/, '/genuine.html');
  document.head.append(link);
</script>`;
const HUGE_TITLE = 'W'.repeat(1_000_000);
const HOSTILE = `<title>${HUGE_TITLE}</title><script type="application/ld+json">${JSON.stringify({
  '@type': 'NewsArticle',
  headline: HUGE_TITLE,
  datePublished: '2025-06-02',
  author: 'Jane \u202eDoe',
  publisher: 'Valley Ledger',
})}</script>`;

const suite = extensionSuite(
  {},
  new Map([
    ['/genuine.html', article(`<title>Valley towns sign a water compact</title>${DATED}`, GENUINE_TEXT)],
    ['/impostor.html', article(`<title>Impostor</title>${CLAIMS_GENUINE}`, IMPOSTOR_TEXT)],
    ['/copy.html', article('<title>Copy</title>', GENUINE_TEXT)],
    [
      '/hostile.html',
      article(
        HOSTILE,
        GENUINE_TEXT.map((p) => `${p} Reported again.`),
      ),
    ],
    [
      '/disk-full.html',
      article(
        '<title>Disk full</title>',
        IMPOSTOR_TEXT.map((p) => `${p} Once more.`),
      ),
    ],
  ]),
);

const READY = '[data-crosscheck-id="bank-of-north-dakota"]';

/** The page at `path` on the test server's other origin (localhost instead of 127.0.0.1). */
async function openElsewhere(path: string): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.server.origin.replace('127.0.0.1', 'localhost')}${path}`);
  await page.waitForSelector(READY);
  return page;
}

/** Opens the popup for `article`'s tab, presses its save button (named `button`), returns what it said. */
async function saveFromPopup(article: Page, button: string): Promise<string> {
  const popup = await suite.openPopup(article);
  await popup.getByRole('button', { name: button, exact: true }).click();
  const said = popup.locator('.save-outcome').filter({ hasText: /\S/ });
  await said.waitFor({ state: 'attached' });
  const outcome = (await said.textContent()) ?? '';
  await popup.close();
  return outcome;
}

async function optionsPage(count: number): Promise<Page> {
  const options = await suite.browser.context.newPage();
  await options.goto(`chrome-extension://${suite.browser.extensionId}/options.html`);
  await options.getByText(`Saved articles (${count})`).waitFor();
  return options;
}

describe('my sources against hostile pages', () => {
  it('a page on another origin cannot overwrite a saved article, by claiming its address or copying its text', async () => {
    const genuine = await suite.open('/genuine.html', READY);
    expect(await saveFromPopup(genuine, 'Add to my sources')).toBe('Added to your sources.');
    await genuine.close();

    for (const path of ['/impostor.html', '/copy.html']) {
      const impostor = await openElsewhere(path);
      // The popup does not say "✓ Saved" on the impostor, and saving it adds another article.
      expect(await saveFromPopup(impostor, 'Add to my sources')).toBe('Added to your sources.');
      await impostor.close();
    }

    const options = await optionsPage(3);
    const row = options.locator('.saved-articles li', { hasText: 'Valley towns sign a water compact' });
    expect(await row.locator('.meta').textContent()).toBe('Maria Okafor · 2025-06-02 · site not stated');
    expect(await row.getByRole('link').getAttribute('href')).toBe(`${suite.server.origin}/genuine.html`);
    await options.close();

    // Saved again from its own page, the genuine article is updated, not added.
    const again = await suite.open('/genuine.html', READY);
    expect(await saveFromPopup(again, 'Saved: update in my sources')).toBe('Updated in your sources.');
    await again.close();
  });

  it('a megabyte title and a right-to-left override are kept short and isolated, and widen nothing', async () => {
    const hostile = await suite.open('/hostile.html', READY);
    expect(await saveFromPopup(hostile, 'Add to my sources')).toBe('Added to your sources.');

    // The card on the page lists it and stays as wide as it was made.
    await hostile.locator(READY).first().click();
    const card = cardFrame(hostile).locator('.card');
    await card.locator('.own-sources').waitFor();
    expect(await card.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await hostile.close();

    const options = await optionsPage(4);
    expect(await options.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const row = options.locator('.saved-articles li', { hasText: 'WWWW' });
    const title = (await row.getByRole('link').textContent()) ?? '';
    expect(title.length).toBeLessThanOrEqual(300);
    expect(title.endsWith('…')).toBe(true);
    expect(await row.locator('.meta').textContent()).toBe('Jane Doe · Valley Ledger · 2025-06-02');
    // The date reads left to right: its first digit is drawn left of its last.
    const reading = await row.locator('.meta bdi', { hasText: '2025-06-02' }).evaluate((bdi) => {
      const text = bdi.firstChild!;
      const at = (i: number) => {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return range.getBoundingClientRect().left;
      };
      return at(0) < at(9);
    });
    expect(reading).toBe(true);
    // Its Delete button is in view, and deletes it.
    const remove = row.getByRole('button', { name: /^Delete/ });
    const box = (await remove.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(await options.evaluate(() => window.innerWidth));
    await remove.click();
    await options.getByText('Saved articles (3)').waitFor();
    await options.close();
  });

  it('a full disk (Chromium’s DataError “Failed to write blobs”) is said in words, and nothing is stored', async () => {
    // As Chromium fails a write on a full disk, in the background, where saving runs.
    await suite.browser.serviceWorker.evaluate(() => {
      const failing = () => {
        throw new DOMException('Failed to write blobs (IOError)', 'DataError');
      };
      const store = IDBObjectStore.prototype as unknown as Record<string, unknown>;
      store.realPut = store.put;
      store.realAdd = store.add;
      store.put = failing;
      store.add = failing;
    });
    const page = await suite.open('/disk-full.html', READY);
    const popup = await suite.openPopup(page);
    await popup.getByRole('button', { name: 'Add to my sources', exact: true }).click();
    const alert = popup.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /^Crosscheck could not write to the disk: it may be full.*Nothing was changed/,
    );
    await suite.browser.serviceWorker.evaluate(() => {
      const store = IDBObjectStore.prototype as unknown as Record<string, unknown>;
      store.put = store.realPut;
      store.add = store.realAdd;
    });
    await popup.close();
    await page.close();
    (await optionsPage(3)).close();
  });
});
