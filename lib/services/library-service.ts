import { lookupEntry } from '../kb/lookup';
import type { IndexedEntry, KbDetails, KbIndex } from '../kb/types';
import type { SaveReply } from './messages';
import type { ArticleForSaving } from '../my-sources/extract';
import { ownSourcesFor } from '../my-sources/card-data';
import type { MySourcesDatabase } from '../my-sources/db';
import { trackedEntryDetails, withOwnSources, type EntryResponse } from '../my-sources/entry';
import { t } from '../i18n';
import { readerMessage } from '../my-sources/errors';
import { createKnowledge, trackedEntry, type Knowledge } from '../my-sources/indexing';
import { TRACKED_ID_PREFIX } from '../my-sources/types';
import { saveArticle } from '../my-sources/store';
import { searchTracked } from '../my-sources/tracking';

/** The reader's library as the background serves it to the extension's pages and the context menu. */

/**
 * Saving a tab's article, cards with own sources, handing the tracked terms to the page matcher,
 * and the searches tracked terms still need. The knowledge saving indexes with (the matcher with
 * the tracked terms) is compiled once and again after a change.
 */
export class MySourcesService {
  private knowledge: Promise<Knowledge> | null = null;
  private tracked: Promise<IndexedEntry[]> | null = null;
  private searching: Promise<void> | null = null;

  constructor(
    private readonly db: MySourcesDatabase,
    private readonly index: KbIndex,
    private readonly details: KbDetails,
    private readonly bundledTexts: readonly { readonly id: string; readonly text: string }[],
    /** Hands the background's page matcher the tracked terms, and stores them for its next start (see tracked-terms-store.ts). */
    private readonly publish: (tracked: readonly IndexedEntry[]) => Promise<void>,
  ) {}

  /** A card's data from the knowledge base alone: the same for every reader. */
  entry(id: string): EntryResponse {
    return lookupEntry(this.details, id);
  }

  /** A card's data with the reader's sources when their store can be read (tracked terms' cards too). */
  async entryWithOwn(id: string): Promise<EntryResponse> {
    const base = lookupEntry(this.details, id);
    try {
      if (id.startsWith(TRACKED_ID_PREFIX)) {
        const term = await this.db.tracked.get(Number(id.slice(TRACKED_ID_PREFIX.length)));
        if (!term) return base;
        const response = { ...base, entry: trackedEntryDetails(id, term) };
        return withOwnSources(response, await ownSourcesFor(this.db, id), this.details);
      }
      if (!base.entry) return base;
      return withOwnSources(base, await ownSourcesFor(this.db, id), this.details);
    } catch {
      // No IndexedDB here (a private window in some browsers): the bundled card still shows.
      return base;
    }
  }

  /**
   * Saves what `read` returns (the tab's article, null without one; it fails when the tab does not
   * answer as expected), telling the reader the outcome in words.
   */
  async save(read: () => Promise<ArticleForSaving | null>): Promise<SaveReply> {
    const article = await read().catch(() => null);
    if (article === null) {
      return { ok: false, problem: t('save.noArticle') };
    }
    try {
      const saved = await saveArticle(this.db, await this.compiled(), article);
      return { ok: true, updated: saved.updated, title: saved.article.title };
    } catch (error) {
      return { ok: false, problem: readerMessage(error, 'saveArticle') };
    }
  }

  /** The tracked terms as entries, as the matcher compiles them. */
  private trackedTerms(): Promise<IndexedEntry[]> {
    this.tracked ??= this.readTracked();
    return this.tracked;
  }

  private async readTracked(): Promise<IndexedEntry[]> {
    try {
      return (await this.db.tracked.toArray()).map(trackedEntry);
    } catch {
      return [];
    }
  }

  /**
   * At start, and after a change to tracked terms or an import: recompile, hand the tracked terms to
   * the page matcher, and run the searches still to do.
   */
  async changed(): Promise<void> {
    this.knowledge = null;
    this.tracked = null;
    await this.publish(await this.trackedTerms()).catch(() => undefined);
    await this.searchPending();
  }

  /**
   * Runs every tracked term's unfinished search, one at a time (a search the browser cut short
   * resumes). A call while searches run waits for them, then looks again.
   */
  private searchPending(): Promise<void> {
    const previous = this.searching ?? Promise.resolve();
    const run = previous.then(async () => {
      const pending = await this.db.tracked.filter((term) => term.search !== null).primaryKeys();
      for (const id of pending) if (id !== undefined) await searchTracked(this.db, id);
    });
    this.searching = run.catch(() => undefined);
    return this.searching;
  }

  private async compiled(): Promise<Knowledge> {
    this.knowledge ??= this.trackedTerms().then((tracked) => createKnowledge(this.index, this.bundledTexts, tracked));
    return this.knowledge;
  }
}
