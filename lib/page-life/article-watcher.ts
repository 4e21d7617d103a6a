import { backoffDelay, RecentEvents } from './backoff';

/** Watches for an article the page swaps or renders late, and asks for it to be found again. */

/** The wait before the article is looked for again after the page changed: rendering comes in bursts. */
export const SEARCH_DELAY_MS = 250;
/** The longest wait, reached when the page keeps swapping or re-rendering its content. */
export const MAX_SEARCH_DELAY_MS = 30_000;
/** How long a search counts towards the next wait. */
const SEARCH_MEMORY_MS = 300_000;

export interface ArticleWatcherDeps {
  /** The article being annotated now, or null when there is none. */
  readonly article: () => Element | null;
  /** Whether Crosscheck should have an article on this page now (it is on for this site). */
  readonly wanted: () => boolean;
  /** Finds the article again; the watcher is then told what it found through `watch()`. */
  readonly search: () => void;
}

/**
 * Notices when the page takes its article away (a "next story" button, an app that re-mounts its
 * content) or renders one after load, and asks for the article to be found again.
 *
 * While an article is annotated, it observes only the child lists of the article's ancestors, so
 * the page's changes inside the article (and our own highlights) cost it nothing; it then looks
 * for an article again only when the one it had left the document. Without an article, it
 * observes the whole document. Searches back off (each waits twice as long as the one before,
 * counting those of the last minutes), so a page that swaps its content constantly cannot make
 * Crosscheck loop.
 */
export class ArticleWatcher {
  private readonly observer = new MutationObserver(() => this.onChange());
  private readonly searches = new RecentEvents(SEARCH_MEMORY_MS);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: ArticleWatcherDeps) {}

  /** (Re)starts observing for the current article; call after every search or change of settings. */
  watch(): void {
    this.observer.disconnect();
    if (!this.deps.wanted()) {
      clearTimeout(this.timer);
      this.timer = undefined;
      return;
    }
    const article = this.deps.article();
    if (article?.isConnected) {
      for (let node = article.parentNode; node; node = node.parentNode)
        this.observer.observe(node, { childList: true });
    } else {
      this.observer.observe(document, { childList: true, subtree: true });
    }
  }

  destroy(): void {
    this.observer.disconnect();
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private onChange(): void {
    if (this.timer !== undefined || this.deps.article()?.isConnected) return;
    const delay = backoffDelay(SEARCH_DELAY_MS, MAX_SEARCH_DELAY_MS, this.searches.count(performance.now()));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.searches.record(performance.now());
      this.deps.search();
    }, delay);
  }
}
