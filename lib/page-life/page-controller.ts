import { t } from '../i18n';
import type { PageMatching } from '../services/matching-service';
import type { Category } from '../kb/types';
import type { FoundReport, Handlers, MentionedEntry, PageSummary, TAB } from '../services/messages';
import { articleForSaving } from '../my-sources/extract';
import { pageSavedAddress } from '../my-sources/metadata';
import { findArticleRoot } from '../article/finder';
import { hiddenCategories, isActiveOn, tracksOn, type Settings } from '../settings/schema';
import type { FigureCheck } from '../matching/figure-check';
import { ArticleWatcher } from './article-watcher';
import { checkSelection } from '../card/selected-figure';
import { PageSession } from './page-session';
import { VIEWPORT_TOP, type Popover } from '../card/card-host';

/**
 * Crosscheck on one page, as the content script runs it: settings applied, the article's session,
 * the badge's report, and the answers to the popup and the background (see PageController).
 */

/** The check of an empty selection. */
const NOTHING_SELECTED: FigureCheck = {
  selection: '',
  figure: null,
  notFigures: [],
  linked: null,
  candidates: [],
  verdict: 'unsourced',
};

/** Passes come in bursts on a live page: the badge is told once they settle. */
export const REPORT_DELAY_MS = 300;

/** The attribute on <html> that the highlight stylesheet reads to hide categories ("all" hides every one). */
export const HIDE_ATTRIBUTE = 'data-crosscheck-hide';

export interface PageControllerDeps {
  /** Where the text is matched and figures are checked: the background (see matching-client.ts). */
  readonly matching: PageMatching;
  readonly popover: Popover;
  readonly isExcluded: (element: Element) => boolean;
  readonly isRendered: (element: Element) => boolean;
  /** Tells the toolbar what was found on the page (the background sets the tab's badge). */
  readonly report: (found: FoundReport) => void;
}

/**
 * Crosscheck on one page: applies the reader's settings (on, paused, categories shown), keeps a
 * session on the article (or the whole page on request), and answers the popup and commands.
 * Category switches only change what the stylesheet shows: nothing is scanned again.
 */
export class PageController {
  private session: PageSession | null = null;
  private settings: Settings | null = null;
  private wholePage = false;
  /** Hidden on this page by the keyboard command, whatever the settings say. */
  private hiddenHere = false;
  /** Tracked terms shown on this page because the reader asked from the popup, until it is reloaded. */
  private trackedOnRequest = false;
  /** Finds the article again when the page swaps it or renders it late. */
  private readonly watcher = new ArticleWatcher({
    article: () => this.session?.root ?? null,
    wanted: () => this.isActive(),
    search: () => this.attach(),
  });

  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last report sent, so an unchanged page sends nothing. */
  private reported = '';

  constructor(private readonly deps: PageControllerDeps) {}

  /** Called with the stored settings at start and whenever they change. */
  applySettings(settings: Settings): void {
    // Which mentions are drawn, tracked terms' or not, is decided as the text is read: a change needs a new pass.
    const previous = this.settings;
    if (
      previous &&
      (previous.everyMention !== settings.everyMention || this.showsTracked(previous) !== this.showsTracked(settings))
    )
      this.detach();
    this.settings = settings;
    this.applyVisibility();
    this.attach();
  }

  /** Finds the article (again: after single-page navigation, a swapped or a late article). */
  attach(): void {
    if (!this.isActive()) {
      this.detach();
    } else {
      const root = this.wholePage ? document.body : this.findArticle();
      if (root !== this.session?.root) {
        this.session?.destroy();
        this.session = root
          ? new PageSession(root, {
              ...this.deps,
              isShown: (category: Category) => this.isShown(category),
              onPass: () => this.scheduleReport(),
              everyMention: this.settings?.everyMention ?? false,
              withTracked: this.showsTracked(this.settings),
            })
          : null;
        void this.session?.start();
      }
    }
    this.watcher.watch();
    if (!this.session) this.scheduleReport();
  }

  /** The article, timed as `crosscheck:find-article` (the benchmark reads it beside the pass's own measure). */
  private findArticle(): Element | null {
    const start = performance.now();
    const root = findArticleRoot(document);
    performance.measure('crosscheck:find-article', { start, end: performance.now() });
    return root;
  }

  /** How the page answers the popup and the background, per request (see TAB in messages.ts). */
  readonly answers: Handlers<typeof TAB> = {
    'crosscheck:page-summary': () => this.summary(),
    'crosscheck:reveal': ({ id }) => this.session?.reveal(id),
    'crosscheck:show-tracked': () => {
      if (!this.showsTracked(this.settings)) this.detach();
      this.trackedOnRequest = true;
      this.attach();
      return this.summary();
    },
    'crosscheck:annotate-page': () => {
      this.wholePage = true;
      this.attach();
      return this.summary();
    },
    'crosscheck:toggle-highlights': () => {
      this.hiddenHere = !this.hiddenHere;
      this.applyVisibility();
      if (this.hiddenHere) this.deps.popover.close({ restoreFocus: false });
      this.deps.popover.announce(t(this.hiddenHere ? 'card.highlightsHidden' : 'card.highlightsShown'));
    },
    'crosscheck:read-article': () => {
      const root = this.articleToSave();
      return root ? articleForSaving(root, this.deps.isExcluded, document, location.href) : null;
    },
    'crosscheck:saved-address': () => (this.articleToSave() ? pageSavedAddress(document, location.href) : null),
    'crosscheck:tell': ({ message }) => this.deps.popover.openNotice(message),
    'crosscheck:check-selection': () => void this.checkSelection(),
  };

  /** The article being annotated, or the one the finder sees (Crosscheck may be paused here). */
  private articleToSave(): Element | null {
    return this.session?.root ?? findArticleRoot(document);
  }

  /** "Check this figure" on the current selection (works on paused sites too: the reader asked). */
  async checkSelection(): Promise<void> {
    let result: Awaited<ReturnType<typeof checkSelection>>;
    try {
      result = await checkSelection(this.deps.matching, window.getSelection());
    } catch {
      // Nobody answered: the extension was updated or removed under the page.
      this.deps.popover.openNotice(t('card.checkFailed'));
      return;
    }
    // Asked with nothing selected: the card says how to use it rather than nothing happening.
    if (result) this.deps.popover.openCheck(result.range, result.check);
    else this.deps.popover.openCheck(VIEWPORT_TOP, NOTHING_SELECTED);
  }

  destroy(): void {
    clearTimeout(this.reportTimer);
    this.watcher.destroy();
    this.detach();
    document.documentElement.removeAttribute(HIDE_ATTRIBUTE);
  }

  private detach(): void {
    this.session?.destroy();
    this.session = null;
  }

  private scheduleReport(): void {
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => {
      const records = this.session?.records() ?? [];
      const found: FoundReport = {
        entries: new Set(records.map((record) => record.entry.id)).size,
        differing: records.filter((record) => record.figure?.verdict?.verdict === 'differs').length,
      };
      const key = `${found.entries}/${found.differing}`;
      if (key === this.reported) return;
      this.reported = key;
      this.deps.report(found);
    }, REPORT_DELAY_MS);
  }

  private isActive(): boolean {
    return this.settings !== null && isActiveOn(this.settings, location.hostname);
  }

  /** Whether the reader's tracked terms are highlighted on this page: by their settings, or on request. */
  private showsTracked(settings: Settings | null): boolean {
    return this.trackedOnRequest || (settings !== null && tracksOn(settings, location.hostname));
  }

  private isShown(category: Category): boolean {
    return !this.hiddenHere && (this.settings?.categories[category] ?? true);
  }

  private applyVisibility(): void {
    const hidden = this.hiddenHere ? ['all'] : this.settings ? hiddenCategories(this.settings) : [];
    if (hidden.length === 0) document.documentElement.removeAttribute(HIDE_ATTRIBUTE);
    else document.documentElement.setAttribute(HIDE_ATTRIBUTE, hidden.join(' '));
  }

  private async summary(): Promise<PageSummary> {
    // Every mention counts, highlighted or not; none when the background cannot be asked.
    const mentions = (await this.session?.mentions().catch(() => [])) ?? [];
    const found: MentionedEntry[] = mentions.map(({ entry: { id, category }, count }) => ({
      id,
      category,
      count,
    }));
    return {
      site: location.hostname,
      active: this.settings ? isActiveOn(this.settings, location.hostname) : true,
      scope: !this.session ? 'none' : this.wholePage ? 'page' : 'article',
      trackedShown: this.showsTracked(this.settings),
      entries: found,
    };
  }
}
