import { describe, expect, it } from 'vitest';
import { extensionSuite } from '../harness/e2e';

const suite = extensionSuite();

describe('excluded regions', () => {
  it('highlights only rendered, non-editable article text', async () => {
    const page = await suite.open('/fixtures/excluded-regions.html', '[data-crosscheck-id]');
    const where = await page.$$eval('[data-crosscheck-id="soft-secession"]', (marks) =>
      marks.map((m) => m.closest('[id]')?.id ?? 'elsewhere'),
    );
    expect(where).toEqual(['visible']);
    expect(await page.inputValue('input')).toBe('soft secession');
    await page.close();
  });
});

describe('a news layout', () => {
  it('highlights the article body only: not menus, ads, related links, captions, comments, sidebars, paywalls or a huge DOM', async () => {
    const page = await suite.open('/fixtures/news-layout.html', '.article-body [data-crosscheck-id]');
    const outside = await page.$$eval('crosscheck-mark', (marks) =>
      marks.filter((m) => !m.closest('.article-body') || m.closest('.related-links, figure')).map((m) => m.textContent),
    );
    expect(outside).toEqual([]);
    const ids = await page.$$eval('.article-body crosscheck-mark', (marks) =>
      marks.map((m) => m.getAttribute('data-crosscheck-id')),
    );
    expect(ids).toEqual(expect.arrayContaining(['soft-secession', 'jb-pritzker', 'printz-v-united-states']));
    await page.close();
  });
});

describe('live pages', () => {
  it('annotates paragraphs appended after load (infinite scroll), and nothing outside the article', async () => {
    const page = await suite.browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${suite.server.origin}/fixtures/infinite-scroll.html`);
    await page.waitForSelector('p.update:nth-of-type(n) [data-crosscheck-id="printz-v-united-states"]', {
      timeout: 10_000,
    });
    const updates = await page.$$eval('p.update', (ps) =>
      ps.map((p) => [...p.querySelectorAll('[data-crosscheck-id]')].map((m) => m.getAttribute('data-crosscheck-id'))),
    );
    expect(updates[0]).toEqual(expect.arrayContaining(['gavin-newsom', 'california', 'ice']));
    expect(updates[1]).toEqual(expect.arrayContaining(['jb-pritzker', 'printz-v-united-states']));
    expect(await page.$$('nav [data-crosscheck-id], aside [data-crosscheck-id]')).toHaveLength(0);
    const text = await page.evaluate(() => document.getElementById('story')!.textContent);
    expect(text).toContain('Update: Gavin Newsom said California would not assist ICE raids in the state.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows single-page navigation with history.pushState', async () => {
    const page = await suite.open('/fixtures/spa-navigation.html');
    expect(await page.$$('[data-crosscheck-id]')).toHaveLength(0);
    await page.click('#next-story');
    await page.waitForSelector('[data-crosscheck-id="clara-jeffrey"]', { timeout: 10_000 });
    const ids = await page.$$eval('[data-crosscheck-id]', (marks) =>
      marks.map((m) => m.getAttribute('data-crosscheck-id')),
    );
    expect(ids).toEqual(expect.arrayContaining(['soft-secession', 'jon-michaels', 'tenth-amendment', 'senate']));
    expect(new URL(page.url()).search).toBe('?story=2');
    await page.close();
  });
});
