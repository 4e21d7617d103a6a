// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArticleWatcher, MAX_SEARCH_DELAY_MS, SEARCH_DELAY_MS } from '@/lib/page-life/article-watcher';

let article: Element | null;
let wanted: boolean;
let searches: number;
let watcher: ArticleWatcher;

/** Stands in for the page controller: a search takes whatever <article> the page has now. */
function search(): void {
  searches++;
  article = document.querySelector('article');
  watcher.watch();
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
  document.body.innerHTML = '<main><article><p>First story</p></article></main><footer></footer>';
  article = document.querySelector('article');
  wanted = true;
  searches = 0;
  watcher = new ArticleWatcher({ article: () => article, wanted: () => wanted, search });
  watcher.watch();
});
afterEach(() => {
  watcher.destroy();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

const newArticle = () => {
  const next = document.createElement('article');
  next.innerHTML = '<p>Second story</p>';
  return next;
};

describe('ArticleWatcher', () => {
  it('ignores changes that leave the article in place, inside it or elsewhere on the page', async () => {
    article!.insertAdjacentHTML('beforeend', '<p>More</p>');
    document.querySelector('footer')!.textContent = 'Footer';
    document.body.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(MAX_SEARCH_DELAY_MS);
    expect(searches).toBe(0);
  });

  it('finds the article again after the page removes it and inserts another later', async () => {
    const main = document.querySelector('main')!;
    article!.remove();
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(searches).toBe(1);
    expect(article).toBeNull();
    await vi.advanceTimersByTimeAsync(2000);
    const next = newArticle();
    main.append(next);
    await vi.advanceTimersByTimeAsync(MAX_SEARCH_DELAY_MS);
    expect(article).toBe(next);
  });

  it('notices an ancestor of the article being replaced', async () => {
    document.querySelector('main')!.replaceWith(newArticle());
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(article?.textContent).toBe('Second story');
  });

  it('searches less and less often on a page that swaps its article constantly', async () => {
    const main = document.querySelector('main')!;
    const swaps = setInterval(() => main.replaceChildren(newArticle()), 50);
    await vi.advanceTimersByTimeAsync(60_000);
    const firstMinute = searches;
    await vi.advanceTimersByTimeAsync(60_000);
    const secondMinute = searches - firstMinute;
    clearInterval(swaps);
    // 250 ms, 500 ms, 1 s, … 30 s: about ten searches in the first minute, two a minute after.
    expect(firstMinute).toBeLessThanOrEqual(10);
    expect(secondMinute).toBeLessThanOrEqual(Math.ceil(60_000 / MAX_SEARCH_DELAY_MS));
  });

  it('does nothing while Crosscheck is off for the site, or after destroy', async () => {
    wanted = false;
    watcher.watch();
    article!.remove();
    await vi.advanceTimersByTimeAsync(MAX_SEARCH_DELAY_MS);
    expect(searches).toBe(0);
    wanted = true;
    watcher.watch();
    watcher.destroy();
    document.body.append(newArticle());
    await vi.advanceTimersByTimeAsync(MAX_SEARCH_DELAY_MS);
    expect(searches).toBe(0);
  });
});
