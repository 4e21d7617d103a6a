import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardFrame, extensionSuite, figureHighlights } from '../harness/e2e';

const suite = extensionSuite();

const open = (path: string) => suite.open(path, '[data-crosscheck-category="figure"]');

describe('figures on a page', () => {
  it('marks the seeds’ figures stated correctly as matching, and nothing that is not a figure', async () => {
    const page = await open('/fixtures/figures-correct.html');
    expect(await figureHighlights(page)).toEqual([
      { paragraph: 'reserves', id: 'california-budget-reserves', text: '$76 billion', verdict: 'matches' },
      {
        paragraph: 'npv',
        id: 'national-popular-vote-compact-electoral-votes',
        text: '209 electoral votes',
        verdict: 'matches',
      },
      { paragraph: 'ma', id: 'massachusetts-per-capita-federal-balance', text: '$4,846', verdict: 'matches' },
      { paragraph: 'populations', id: 'california-population', text: 'about 39.4 million', verdict: 'matches' },
      { paragraph: 'populations', id: 'wyoming-population', text: '580,000 people', verdict: 'matches' },
    ]);
    await page.close();
  });

  it('marks changed figures as differing and says by how much', async () => {
    const page = await open('/fixtures/figures-changed.html');
    const found = await figureHighlights(page);
    expect(found).toEqual([
      { paragraph: 'reserves', id: 'california-budget-reserves', text: '$75 billion', verdict: 'differs' },
      {
        paragraph: 'npv',
        id: 'national-popular-vote-compact-electoral-votes',
        text: '250 electoral votes',
        verdict: 'differs',
      },
      { paragraph: 'ma', id: 'massachusetts-per-capita-federal-balance', text: '$4,846', verdict: 'matches' },
      // "more than 130" in the sources: 135 is consistent with it.
      {
        paragraph: 'check',
        id: 'first-term-multistate-lawsuit-count',
        text: '135 multistate lawsuits',
        verdict: 'matches',
      },
    ]);
    await page.locator('#reserves [data-crosscheck-category="figure"]').click();
    const card = cardFrame(page).locator('.popover');
    await card.locator('.verdict').waitFor();
    expect(await card.locator('.page-figure').textContent()).toContain('This page: $75 billion');
    expect(await card.locator('.verdict').textContent()).toBe(
      'Differs: the sources state $76 billion, 1.3% more (Chris Armitage, 2025-08-18).',
    );
    expect(await card.locator('.statements').textContent()).toContain('$76 billion');
    await page.close();
  });
});

/** Selects the first `text` inside `root` (a CSS selector) and asks Crosscheck to check it. */
async function checkSelected(page: Page, root: string, text: string) {
  await page.evaluate(
    ({ root, text }) => {
      const walker = document.createTreeWalker(document.querySelector(root)!, NodeFilter.SHOW_TEXT);
      let node = walker.nextNode();
      while (node && !node.textContent!.includes(text)) node = walker.nextNode();
      const at = node!.textContent!.indexOf(text);
      const range = document.createRange();
      range.setStart(node!, at);
      range.setEnd(node!, at + text.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    },
    { root, text },
  );
  // What the context-menu item and the keyboard command do: the background asks the tab.
  await suite.tellTab(page, { type: 'crosscheck:check-selection' });
  const card = cardFrame(page).locator('.popover');
  await card.locator('h2', { hasText: 'Check this figure' }).waitFor();
  return card;
}

describe('a figure on the page of the only source that states it', () => {
  it('gets no verdict, and its card and "Check this figure" both say the article itself is the only source', async () => {
    const page = await open('/seed/armitage.html');
    await page.bringToFront();
    const figure = page.locator('[data-crosscheck-id="climate-alliance-governors"]').first();
    expect(await figure.getAttribute('data-crosscheck-verdict')).toBeNull();
    await figure.scrollIntoViewIfNeeded();
    await figure.click();
    const card = cardFrame(page).locator('.popover');
    await card.locator('.page-figure .verdict').waitFor();
    const said =
      'Stated only by this article: this sentence is Chris Armitage’s own statement, and no other source in the knowledge base states it.';
    expect(await card.locator('.page-figure .verdict').textContent()).toBe(said);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });

    const checked = await checkSelected(page, 'article', '24 governors');
    await checked.locator('.page-figure .verdict').waitFor();
    expect(await checked.locator('.page-figure .verdict').textContent()).toBe(said);
    expect(await checked.locator('.card').getAttribute('data-crosscheck-verdict')).toBeNull();
    await page.close();
  });
});

describe('Check this figure', () => {
  it.each([
    [
      'a number no source speaks of',
      'check',
      '18 percent',
      'unsourced',
      'No source in the knowledge base states this figure',
    ],
    [
      // California's $76 billion: the list under the headline must not say it matches.
      'a number whose subject no source gives it for',
      'texas',
      '$76 billion',
      'unsourced',
      'No source in the knowledge base states this figure for what its sentence is about',
    ],
    // The words of the highlight's card (see above), not a wording of its own.
    [
      'a changed figure',
      'reserves',
      '$75 billion',
      'differs',
      'Differs: the sources state $76 billion, 1.3% more (Chris Armitage, 2025-08-18).',
    ],
    [
      'a year and a time',
      'times',
      '1919, at 8 AM',
      'unsourced',
      '1919 reads as a year and 8 AM as a time; Crosscheck checks amounts, counts and shares.',
    ],
  ])('%s', async (_name, paragraph, text, verdict, says) => {
    const page = await open('/fixtures/figures-changed.html');
    await page.bringToFront();
    const card = await checkSelected(page, `#${paragraph}`, text);
    expect(await card.locator('[data-crosscheck-verdict]').getAttribute('data-crosscheck-verdict')).toBe(verdict);
    expect(await card.textContent()).toContain(says);
    if (!says.includes('reads as')) expect(await card.textContent()).toContain(`Selected: ${text}`);
    // One verdict per check: an unsourced check lists no claim as matching or differing.
    if (verdict === 'unsourced') expect(await card.textContent()).not.toMatch(/: (matches|differs)/);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    await page.close();
  });
});
