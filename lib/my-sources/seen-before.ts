import { mentionsOf, type MySourcesDatabase } from './db';
import { ownSourceRecord, type OwnSourceRecord } from './card-data';
import { articleDate } from './indexing';
import type { SavedArticle } from './types';

/** Which saved articles discuss the entries found on a page, for the popup. */

/** Which saved articles discuss the entries found on a page ("7 of these entries appear in 4 of your saved articles"). */
export interface SeenBefore {
  /** How many of the page's entries appear in at least one of those articles. */
  readonly entries: number;
  /** How many saved articles name at least one of them. */
  readonly articleCount: number;
  /** The articles (at most MAX_SEEN_BEFORE), those sharing the most entries first, each with how many it shares. */
  readonly articles: readonly (OwnSourceRecord & { readonly shared: number })[];
}

/** Most articles listed: the popup stays short. */
export const MAX_SEEN_BEFORE = 20;

/**
 * A lookup of the mentions' keys. The page itself, when saved, is left
 * out by its canonical address: it is not something the reader saw before.
 */
export async function seenBefore(
  db: MySourcesDatabase,
  entryIds: readonly string[],
  pageUrl: string | null,
): Promise<SeenBefore> {
  return db.transaction('r', db.articles, db.mentions, async () => {
    const self = pageUrl ? await db.articles.where('url').equals(pageUrl).primaryKeys() : [];
    const byArticle = new Map<number, Set<string>>();
    // Keys only: no excerpt is read; one request per entry, all at once.
    const keys = await Promise.all([...new Set(entryIds)].map((entryId) => mentionsOf(db, entryId).primaryKeys()));
    for (const [entryId, articleId] of keys.flat()) {
      if (self.includes(articleId)) continue;
      byArticle.set(articleId, (byArticle.get(articleId) ?? new Set()).add(entryId));
    }
    const entries = new Set([...byArticle.values()].flatMap((set) => [...set])).size;
    const ids = [...byArticle.keys()];
    const articles = (await db.articles.bulkGet(ids)).filter((a) => a !== undefined);
    const shared = (article: SavedArticle) => byArticle.get(article.id!)!.size;
    const listed = articles
      .sort((a, b) => shared(b) - shared(a) || articleDate(b).localeCompare(articleDate(a)))
      .slice(0, MAX_SEEN_BEFORE)
      .map((article) => ({ ...ownSourceRecord(article), shared: shared(article) }));
    return { entries, articleCount: ids.length, articles: listed };
  });
}
