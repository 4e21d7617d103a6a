import { describe, expect, it } from 'vitest';
import { cardFrame, extensionSuite } from '../harness/e2e';

const suite = extensionSuite();

describe('a page whose DOM a framework owns (React, server-rendered then hydrated)', () => {
  it('is highlighted without touching its DOM: no React errors, highlights follow re-renders, cards open', async () => {
    const page = await suite.browser.context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (['error', 'warning'].includes(message.type())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${suite.server.origin}/fixtures/react-article.html`);
    const rangesOf = (name: string) =>
      page.evaluate((name) => {
        const highlight = CSS.highlights.get(name);
        return highlight ? [...highlight].map((range) => range.toString()) : [];
      }, name);

    await page.waitForFunction(() => (CSS.highlights.get('crosscheck-concept')?.size ?? 0) > 0);
    expect(await rangesOf('crosscheck-concept')).toEqual(expect.arrayContaining(['soft secession']));
    expect(await rangesOf('crosscheck-person')).toEqual(expect.arrayContaining(['Gavin Newsom']));
    expect(await rangesOf('crosscheck-place')).toEqual(expect.arrayContaining(['California']));
    // A checked figure is registered under its verdict, as a reader sees it (solid: matches).
    expect(await rangesOf('crosscheck-figure-matches')).toEqual(['$76 billion']);
    expect(await rangesOf('crosscheck-figure')).toEqual([]);
    expect(await page.locator('#root crosscheck-mark').count()).toBe(0);
    // Painted: the text's element takes its highlights' style from the root's (highlight inheritance).
    const painted = await page.evaluate(() => {
      const range = [...CSS.highlights.get('crosscheck-concept')!][0] as Range;
      const style = getComputedStyle(range.startContainer.parentElement!, '::highlight(crosscheck-concept)');
      return { line: style.textDecorationLine, background: style.backgroundColor };
    });
    expect(painted).toEqual({ line: 'underline', background: expect.not.stringMatching(/^rgba\(0, 0, 0, 0\)$/) });

    await page.waitForFunction(() => (window as unknown as { fixtureHydrated?: boolean }).fixtureHydrated === true);
    const passesBefore = await page.evaluate(() => performance.getEntriesByName('crosscheck:annotate').length);
    await page.evaluate(() => (window as unknown as { fixtureRerender: () => void }).fixtureRerender());
    await page.waitForFunction(() => document.getElementById('p1')!.textContent!.includes('evening'));
    // The re-rendered paragraph is annotated again: a pass after the re-render.
    await page.waitForFunction(
      (before) => performance.getEntriesByName('crosscheck:annotate').length > before,
      passesBefore,
    );
    expect(await rangesOf('crosscheck-concept')).toEqual(expect.arrayContaining(['soft secession']));
    expect(await page.locator('#root crosscheck-mark').count()).toBe(0);

    // The card opens by hit-testing the pointer against the highlight's range.
    const box = await page.evaluate(() => {
      const range = [...CSS.highlights.get('crosscheck-person')!][0] as Range;
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(box.x, box.y);
    await cardFrame(page).locator('.popover h2', { hasText: 'Gavin Newsom' }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('figures on a page drawn with the CSS Custom Highlight API', () => {
  it('registers each checked figure under its verdict, so CSS.highlights says what a reader sees', async () => {
    const page = await suite.open('/fixtures/app-figures.html');
    await page.waitForFunction(() => (CSS.highlights.get('crosscheck-figure-differs')?.size ?? 0) > 0);
    const registered = await page.evaluate(() =>
      Object.fromEntries(
        ['crosscheck-figure-matches', 'crosscheck-figure-differs', 'crosscheck-figure-unsourced'].map((name) => [
          name,
          [...(CSS.highlights.get(name) ?? [])].map((range) => range.toString()).sort(),
        ]),
      ),
    );
    expect(registered).toEqual({
      'crosscheck-figure-matches': ['$76 billion'],
      'crosscheck-figure-differs': ['$90 billion'],
      'crosscheck-figure-unsourced': [],
    });
    expect(await page.locator('crosscheck-mark').count()).toBe(0);
    await page.close();
  });
});
