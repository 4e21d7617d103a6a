import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { ArticleText, SavedArticle, StoredFigureStatement, StoredMention, TrackedTerm } from './types';

/**
 * The reader's sources in IndexedDB, through Dexie. Opened only in the extension's own origin (the
 * background and extension pages): a content script's IndexedDB belongs to the web page.
 */
export const DATABASE_NAME = 'crosscheck-my-sources';

/** The first layout: each article record carried its text. */
export const SCHEMA_V1 = {
  articles: '++id, &url, &textHash, savedAt, site, published, *fingerprints',
  mentions: '[entryId+articleId], articleId',
  figureStatements: '++id, claimId, articleId',
} as const;

/**
 * The second: texts in their own table, so that listing, sorting and looking up articles never
 * loads 50 MB of text; and the reader's tracked terms.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  texts: 'articleId',
  tracked: '++id, &label',
} as const;

export class MySourcesDatabase extends Dexie {
  articles!: EntityTable<SavedArticle, 'id'>;
  texts!: Table<ArticleText, number>;
  mentions!: Table<StoredMention, [string, number]>;
  figureStatements!: EntityTable<StoredFigureStatement, 'id'>;
  tracked!: EntityTable<TrackedTerm, 'id'>;

  /** `options` lets tests hand Dexie an in-memory IndexedDB (fake-indexeddb). */
  constructor(name = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        // Move each text out of its article record, a page at a time (a big store never sits in memory whole).
        const articles = tx.table('articles');
        const texts = tx.table('texts');
        let after = 0;
        for (;;) {
          const page: (SavedArticle & { text?: string })[] = await articles
            .where('id')
            .above(after)
            .limit(200)
            .toArray();
          if (page.length === 0) break;
          await texts.bulkAdd(page.map((a) => ({ articleId: a.id!, text: a.text ?? '' })));
          for (const article of page) delete article.text;
          await articles.bulkPut(page);
          after = page[page.length - 1]!.id!;
        }
      });
  }
}

/** Every table a save writes: one transaction over them all, so a save is whole or not at all. */
export function allTables(db: MySourcesDatabase) {
  return [db.articles, db.texts, db.mentions, db.figureStatements, db.tracked];
}

/** The mentions of one entry, through the primary key's first part (no index of its own to keep). */
export function mentionsOf(db: MySourcesDatabase, entryId: string) {
  return db.mentions.where('[entryId+articleId]').between([entryId, Dexie.minKey], [entryId, Dexie.maxKey]);
}
