import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import { cleanDeclared, DECLARED_LIMITS } from './declared';
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

/**
 * The third: the same text may be saved from two sites (a page copying another site's article is
 * its own article, never that site's), so the text hash is no longer unique; and the declared
 * fields of articles saved before are cleaned as saving now cleans them (see declared.ts).
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  articles: '++id, &url, textHash, savedAt, site, published, *fingerprints',
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
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade((tx) =>
        tx
          .table<SavedArticle, number>('articles')
          .toCollection()
          .modify((article: { -readonly [K in keyof SavedArticle]: SavedArticle[K] }) => {
            for (const field of ['title', 'author', 'site', 'published'] as const) {
              article[field] = cleanDeclared(article[field], DECLARED_LIMITS[field]);
            }
          }),
      );
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

/**
 * Reads every saved article a page of `size` at a time, in id order. Each read is deserialised in
 * one task, so a page keeps that task short where one read of them all would not (30,000 records,
 * fingerprints and all, held an extension page's thread for about half a second).
 */
export async function eachArticlePage(
  db: MySourcesDatabase,
  size: number,
  visit: (page: SavedArticle[]) => void | Promise<void>,
): Promise<void> {
  for (let after = 0; ;) {
    const page = await db.articles.where('id').above(after).limit(size).toArray();
    if (page.length === 0) return;
    await visit(page);
    after = page[page.length - 1]!.id!;
  }
}
