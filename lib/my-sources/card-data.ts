import { mentionsOf, type MySourcesDatabase } from './db';
import { articleDate } from './indexing';
import type { SavedArticle, SourceRef, StoredExcerpt, StoredFigureStatement, StoredMention } from './types';

/**
 * What the reader's saved articles say about one entry: a lookup of what indexing stored, never a
 * scan of the texts. Independence is decided here from the stored reproduced passages, so that an
 * article saved later (an earlier original, a deletion) changes the count without re-indexing.
 */

/** How a saved article is shown: what the page declared, unknown fields null. */
export interface OwnSourceRecord {
  readonly id: number;
  readonly url: string;
  readonly title: string | null;
  readonly author: string | null;
  readonly site: string | null;
  readonly published: string | null;
}

export interface OwnExcerpt extends StoredExcerpt {
  readonly article: number;
  /** Set when the excerpt lies in a passage reproduced from an earlier source: that source. */
  readonly quotes: SourceRef | null;
}

export interface OwnStatement {
  readonly article: number;
  readonly text: string;
  readonly verdict: StoredFigureStatement['verdict'];
  readonly quotes: SourceRef | null;
}

export interface OwnSources {
  /** How many articles the reader has saved. */
  readonly savedCount: number;
  /** Saved articles naming the entry (or stating the figure), oldest first. */
  readonly mentioning: readonly number[];
  /** Those with a mention or statement in their own words, not in a passage reproduced from an earlier source. */
  readonly independent: readonly number[];
  /** One per article, independent ones first, at most MAX_OWN_EXCERPTS. */
  readonly excerpts: readonly OwnExcerpt[];
  readonly statements: readonly OwnStatement[];
  /** Every saved article the excerpts, statements and quotations name. */
  readonly articles: readonly OwnSourceRecord[];
}

/** A card stays readable: past this many saved articles, it says how many more there are. */
export const MAX_OWN_EXCERPTS = 10;

export function ownSourceRecord({ id, url, title, author, site, published }: SavedArticle): OwnSourceRecord {
  return { id: id!, url, title, author, site, published };
}

/** What the reader's saved articles say about entry `entryId`, as its card shows it. */
export async function ownSourcesFor(db: MySourcesDatabase, entryId: string): Promise<OwnSources> {
  const stored = await readStored(db, entryId);
  const { articles, mentions, statements } = stored;
  const quotesAt = quotation(stored);
  const shown = (id: number) => articles.has(id);
  const oldestFirst = (a: number, b: number) =>
    articleDate(articles.get(a)!).localeCompare(articleDate(articles.get(b)!)) || a - b;
  const mentioning = [...new Set([...mentions.map((m) => m.articleId), ...statements.map((s) => s.articleId)])]
    .filter(shown)
    .sort(oldestFirst);
  const ownMention = new Set([
    ...mentions
      .filter((m) => shown(m.articleId) && m.spans.some(([s, e]) => quotesAt(m.articleId, s, e) === null))
      .map((m) => m.articleId),
    ...statements
      .filter((s) => shown(s.articleId) && quotesAt(s.articleId, s.start, s.end) === null)
      .map((s) => s.articleId),
  ]);
  const excerpts = mentions
    .filter((m) => shown(m.articleId))
    .map((m): OwnExcerpt => {
      const [first] = m.excerpt.highlights;
      const at = first ? m.excerpt.start + first[0] : m.excerpt.start;
      const atEnd = first ? m.excerpt.start + first[1] : m.excerpt.end;
      return { ...m.excerpt, article: m.articleId, quotes: quotesAt(m.articleId, at, atEnd) };
    })
    .sort((a, b) => Number(a.quotes !== null) - Number(b.quotes !== null) || oldestFirst(a.article, b.article))
    .slice(0, MAX_OWN_EXCERPTS);
  const ownStatements = statements
    .filter((s) => shown(s.articleId))
    .sort((a, b) => oldestFirst(a.articleId, b.articleId) || a.start - b.start)
    .map((s) => ({
      article: s.articleId,
      text: s.text,
      verdict: s.verdict,
      quotes: quotesAt(s.articleId, s.start, s.end),
    }));
  return {
    savedCount: stored.savedCount,
    mentioning,
    independent: mentioning.filter((id) => ownMention.has(id)),
    excerpts,
    statements: ownStatements,
    articles: namedRecords(stored, [...excerpts, ...ownStatements]),
  };
}

/** What the card of an entry reads from the store, in one transaction. */
interface StoredForEntry {
  readonly mentions: readonly StoredMention[];
  readonly statements: readonly StoredFigureStatement[];
  readonly savedCount: number;
  /** The saved articles that mention the entry or state it, by id. */
  readonly articles: ReadonlyMap<number, SavedArticle>;
  /** The saved articles those reproduce passages from, when not among them. */
  readonly quoted: ReadonlyMap<number, SavedArticle>;
}

function readStored(db: MySourcesDatabase, entryId: string): Promise<StoredForEntry> {
  return db.transaction('r', db.articles, db.mentions, db.figureStatements, async () => {
    const [mentions, statements, savedCount] = await Promise.all([
      mentionsOf(db, entryId).toArray(),
      db.figureStatements.where('claimId').equals(entryId).toArray(),
      db.articles.count(),
    ]);
    const ids = [...new Set([...mentions.map((m) => m.articleId), ...statements.map((s) => s.articleId)])];
    const articles = new Map<number, SavedArticle>();
    for (const article of await db.articles.bulkGet(ids)) if (article) articles.set(article.id!, article);
    // A passage whose original was deleted reproduces nothing the reader still has.
    const originals = [
      ...new Set(
        [...articles.values()].flatMap((a) =>
          a.reproduced.flatMap((p) =>
            typeof p.original === 'number' && !articles.has(p.original) ? [p.original] : [],
          ),
        ),
      ),
    ];
    const quoted = new Map<number, SavedArticle>();
    for (const article of await db.articles.bulkGet(originals)) if (article) quoted.set(article.id!, article);
    return { mentions, statements, savedCount, articles, quoted };
  });
}

/** The source a span of a saved article reproduces, when its original is still there to show; else null. */
function quotation({ articles, quoted }: StoredForEntry) {
  return (articleId: number, start: number, end: number): SourceRef | null => {
    const passage = articles
      .get(articleId)!
      .reproduced.find(
        (p) =>
          p.start <= start &&
          end <= p.end &&
          (typeof p.original === 'string' || articles.has(p.original) || quoted.has(p.original)),
      );
    return passage?.original ?? null;
  };
}

/** Every saved article the card names: those its excerpts and statements come from, and those they quote. */
function namedRecords(
  { articles, quoted }: StoredForEntry,
  shown: readonly { readonly article: number; readonly quotes: SourceRef | null }[],
): OwnSourceRecord[] {
  const named = new Set([
    ...shown.map((x) => x.article),
    ...shown.flatMap((x) => (typeof x.quotes === 'number' ? [x.quotes] : [])),
  ]);
  return [...named].map((id) => ownSourceRecord((articles.get(id) ?? quoted.get(id))!));
}
