import { t } from '../i18n';
import type { Category } from '../kb/types';
import type { FoundReport, Handlers, MentionedEntry, PageSummary, TAB } from '../services/messages';
import { findArticleRoot } from '../article/finder';
import { hiddenCategories, isActiveOn, tracksOn, type Settings } from '../settings/schema';
import { ArticleWatcher } from './article-watcher';
import type { PageSession } from './page-session';
import type { PageTools } from './page-tools-loader';

/** Passes come in bursts on a live page: the badge is told once they settle. */
export const REPORT_DELAY_MS = 300;

/** The attribute on <html> that the highlight stylesheet reads to hide categories ("all" hides every one). */
export const HIDE_ATTRIBUTE = 'data-crosscheck-hide';

export interface PageControllerDeps {
  /**
   * The page tools (drawing, the card, saving), loaded into the page the first time they are
   * needed: where there is an article to annotate, or the reader asks for something that needs them.
   */
  readonly loadTools: () => Promise<PageTools>;
  readonly isExcluded: (element: Element) => boolean;
  readonly isRendered: (element: Element) => boolean;
  /** Tells the toolbar what was found on the page (the background sets the tab's badge). */
  readonly report: (found: FoundReport) => void;
}

/**
 * Crosscheck on one page: applies the reader's settings (on, paused, categories shown), finds the
 * article (or takes the whole page on request), keeps a session on it, and answers the popup and
 * commands. What draws and shows cards comes with the page tools, loaded only once there is an
 * article or the reader asks: a page with nothing to do costs the search for an article and no more.
 * Category switches only change what the stylesheet shows: nothing is scanned again.
 */
export class PageController {
  /** The article (or page) Crosscheck is on, from the moment it is found. */
  private root: Element | null = null;
  /** Its session, once the page tools have loaded. */
  private session: PageSession | null = null;
  /** Resolves when the session for the current root has started, or will not. */
  private opening: Promise<void> = Promise.resolve();
  /** Counts the roots taken, so that a session whose tools arrive after its root was left never starts. */
  private generation = 0;
  private tools: Promise<PageTools | null> | null = null;
  private loadedTools: PageTools | null = null;
  private destroyed = false;
  private settings: Settings | null = null;
  private wholePage = false;
  /** Hidden on this page by the keyboard command, whatever the settings say. */
  private hiddenHere = false;
  /** Tracked terms shown on this page because the reader asked from the popup, until it is reloaded. */
  private trackedOnRequest = false;
  /** Finds the article again when the page swaps it or renders it late. */
  private readonly watcher = new ArticleWatcher({
    article: () => this.root,
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
    this.attach();
  }

  /** Finds the article (again: after single-page navigation, a swapped or a late article). */
  attach(): void {
    const root = !this.isActive() ? null : this.wholePage ? document.body : this.findArticle();
    if (root !== this.root) {
      this.detach();
      this.root = root;
      if (root) this.opening = this.open(root, this.generation);
    }
    this.applyVisibility();
    this.watcher.watch();
    if (!this.root) this.scheduleReport();
  }

  /** The article, timed as `crosscheck:find-article` (the benchmark reads it beside the pass's own measure). */
  private findArticle(): Element | null {
    const start = performance.now();
    const root = findArticleRoot(document);
    performance.measure('crosscheck:find-article', { start, end: performance.now() });
    return root;
  }

  /** Starts the session on `root` once the page tools are there, unless the page has moved on meanwhile. */
  private async open(root: Element, generation: number): Promise<void> {
    const tools = await this.useTools();
    if (!tools || generation !== this.generation) return;
    this.session = tools.session(root, {
      isExcluded: this.deps.isExcluded,
      isRendered: this.deps.isRendered,
      isShown: (category: Category) => this.isShown(category),
      onPass: () => this.scheduleReport(),
      everyMention: this.settings?.everyMention ?? false,
      withTracked: this.showsTracked(this.settings),
    });
    void this.session.start();
  }

  /** The page tools, loaded on first use; null when they cannot load (the extension was updated or removed). */
  private useTools(): Promise<PageTools | null> {
    this.tools ??= this.deps.loadTools().then(
      (tools) => {
        if (this.destroyed) tools.destroy();
        else this.loadedTools = tools;
        return this.loadedTools;
      },
      () => {
        this.tools = null; // tried again at the next need
        return null;
      },
    );
    return this.tools;
  }

  /** How the page answers the popup and the background, per request (see TAB in messages.ts). */
  readonly answers: Handlers<typeof TAB> = {
    'crosscheck:page-summary': () => this.summary(),
    'crosscheck:reveal': async ({ id }) => {
      await this.opening;
      this.session?.reveal(id);
    },
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
    'crosscheck:toggle-highlights': async () => {
      this.hiddenHere = !this.hiddenHere;
      this.applyVisibility();
      // Said to screen readers by the card's host, on any page: the reader pressed the key.
      const tools = await this.useTools();
      if (this.hiddenHere) tools?.popover.close({ restoreFocus: false });
      tools?.popover.announce(t(this.hiddenHere ? 'card.highlightsHidden' : 'card.highlightsShown'));
    },
    'crosscheck:read-article': async () => {
      const root = this.articleToSave();
      return root ? ((await this.useTools())?.articleForSaving(root, this.deps.isExcluded) ?? null) : null;
    },
    'crosscheck:saved-address': async () =>
      this.articleToSave() ? ((await this.useTools())?.savedAddress() ?? null) : null,
    'crosscheck:tell': async ({ message }) => {
      (await this.useTools())?.popover.openNotice(message);
    },
    'crosscheck:check-selection': () => void this.checkSelection(),
  };

  /** The article being annotated, or the one the finder sees (Crosscheck may be paused here). */
  private articleToSave(): Element | null {
    return this.root ?? findArticleRoot(document);
  }

  /** "Check this figure" on the current selection (works on paused sites too: the reader asked). */
  async checkSelection(): Promise<void> {
    await (await this.useTools())?.checkSelection();
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.reportTimer);
    this.watcher.destroy();
    this.detach();
    this.loadedTools?.destroy();
    document.documentElement.removeAttribute(HIDE_ATTRIBUTE);
  }

  private detach(): void {
    this.generation++;
    this.session?.destroy();
    this.session = null;
    this.root = null;
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

  /** Sets the attribute the highlights' stylesheet reads, on a page Crosscheck is on; nothing elsewhere. */
  private applyVisibility(): void {
    const hidden = !this.root ? [] : this.hiddenHere ? ['all'] : this.settings ? hiddenCategories(this.settings) : [];
    if (hidden.length === 0) document.documentElement.removeAttribute(HIDE_ATTRIBUTE);
    else document.documentElement.setAttribute(HIDE_ATTRIBUTE, hidden.join(' '));
  }

  private async summary(): Promise<PageSummary> {
    // A session still loading its tools answers once it has them.
    await this.opening;
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
