import { allTables, type MySourcesDatabase } from './db';
import type { ArticleForSaving } from './extract';
import { fingerprints, findFigureStatements, findMentions, reproductionsOf, type Knowledge } from './indexing';
import type { SavedArticle } from './types';

/**
 * Saving, re-saving and deleting the reader's articles. Each save is one transaction over every
 * table: an interrupted save (the service worker killed, a full disk) leaves what was stored before
 * exactly as it was, and no half-saved article.
 */

/** Fewer characters than this is not an article worth keeping (a page's furniture, a teaser). */
export const MIN_SAVED_TEXT = 200;

/**
 * Most saved articles compared with a new one: those sharing the most fingerprints with it. A
 * site's footer printed under every article makes all its articles share a few; an article that
 * reproduces a passage shares more.
 */
export const MAX_COMPARED = 10;

/** An article ready to be written: hashed and fingerprinted outside the transaction (hashing is async). */
export interface PreparedArticle {
  readonly input: ArticleForSaving;
  readonly textHash: string;
  readonly fingerprints: readonly number[];
}

export interface SaveResult {
  readonly article: SavedArticle & { readonly id: number };
  /** True when it replaced an article saved before (same canonical address or same text). */
  readonly updated: boolean;
}

/** The text with its spacing normalised: what "the same text" means for re-saving. */
function sameTextKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export async function textHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(sameTextKey(text)));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** True when a text is long enough to keep (MIN_SAVED_TEXT, its spacing normalised). */
export function hasEnoughText(text: string): boolean {
  return sameTextKey(text).length >= MIN_SAVED_TEXT;
}

export async function prepareArticle(input: ArticleForSaving): Promise<PreparedArticle> {
  if (!hasEnoughText(input.text)) {
    throw new SavingError('This page has too little article text to save.');
  }
  return { input, textHash: await textHash(input.text), fingerprints: fingerprints(input.text) };
}

/** A problem the reader can act on, said in their words. */
export class SavingError extends Error {
  override readonly name = 'SavingError';
}

/** Saves (or updates) one article with its index, in one transaction. */
export async function saveArticle(
  db: MySourcesDatabase,
  knowledge: Knowledge,
  input: ArticleForSaving,
  now = Date.now(),
): Promise<SaveResult> {
  const prepared = await prepareArticle(input);
  return db.transaction('rw', allTables(db), () => writeArticle(db, knowledge, prepared, now));
}

/**
 * Writes a prepared article inside the caller's transaction: the record, its text, its mentions and
 * figure statements, and the reproduced passages on both sides. `savedAt` is kept from an earlier
 * save of the same article.
 */
export async function writeArticle(
  db: MySourcesDatabase,
  knowledge: Knowledge,
  { input, textHash, fingerprints: prints }: PreparedArticle,
  savedAt: number,
): Promise<SaveResult> {
  const { metadata, text } = input;
  const [byUrl, byText] = await Promise.all([
    db.articles.where('url').equals(metadata.url).first(),
    db.articles.where('textHash').equals(textHash).first(),
  ]);
  const existing = byUrl ?? byText;
  // The same text saved before under another address: one article, not two.
  if (byUrl && byText && byText.id !== byUrl.id) await deleteRows(db, byText.id!);
  const record: SavedArticle = {
    url: metadata.url,
    title: metadata.title,
    author: metadata.author,
    site: metadata.site,
    published: metadata.published,
    savedAt: existing?.savedAt ?? savedAt,
    textHash,
    length: text.length,
    reproduced: [],
    fingerprints: prints,
  };
  const id: number = existing ? existing.id! : ((await db.articles.add(record)) as number);
  const article = { ...record, id };
  // Requests are sent together and awaited once: each separate wait is a round trip to the browser.
  const [candidates] = await Promise.all([
    comparedWith(db, id, prints),
    db.texts.put({ articleId: id, text }),
    existing && db.mentions.where('articleId').equals(id).delete(),
    existing && db.figureStatements.where('articleId').equals(id).delete(),
  ]);
  const { own, later } = reproductionsOf(knowledge, { article, text }, candidates);
  const saved = { ...article, reproduced: own };
  await Promise.all([
    db.articles.put(saved),
    ...[...later].map(([laterId, reproduced]) => db.articles.update(laterId, { reproduced })),
    db.mentions.bulkPut(findMentions(knowledge.matcher, text, own).map((m) => ({ ...m, articleId: id }))),
    db.figureStatements.bulkAdd(findFigureStatements(knowledge, text).map((s) => ({ ...s, articleId: id }))),
  ]);
  return { article: saved, updated: existing !== undefined };
}

/** The saved articles sharing the most fingerprints with an article, with their texts. */
async function comparedWith(db: MySourcesDatabase, id: number, prints: readonly number[]) {
  if (prints.length === 0) return [];
  const shared = new Map<number, number>();
  // One request per fingerprint, all at once: a cursor hopping through them (Dexie's anyOf) waits
  // for the browser at every hop, which made a save several times slower in Chromium.
  const found = await Promise.all(prints.map((print) => db.articles.where('fingerprints').equals(print).primaryKeys()));
  // One key per shared fingerprint: the count says how much two articles have in common.
  for (const key of found.flat()) {
    if (key !== undefined && key !== id) shared.set(key, (shared.get(key) ?? 0) + 1);
  }
  const ids = [...shared.keys()].sort((a, b) => shared.get(b)! - shared.get(a)! || a - b).slice(0, MAX_COMPARED);
  const [articles, texts] = await Promise.all([db.articles.bulkGet(ids), db.texts.bulkGet(ids)]);
  return ids.flatMap((_, i) => (articles[i] && texts[i] ? [{ article: articles[i], text: texts[i].text }] : []));
}

/** Deletes one article's rows inside the caller's transaction. */
export async function deleteRows(db: MySourcesDatabase, id: number): Promise<void> {
  await db.articles.delete(id);
  await db.texts.delete(id);
  await db.mentions.where('articleId').equals(id).delete();
  await db.figureStatements.where('articleId').equals(id).delete();
}

/** Deletes one saved article and everything indexed from it. */
export function deleteArticle(db: MySourcesDatabase, id: number): Promise<void> {
  return db.transaction('rw', allTables(db), () => deleteRows(db, id));
}

/** Deletes every saved article and tracked term: nothing of the reader's is left. */
export function deleteEverything(db: MySourcesDatabase): Promise<void> {
  return db.transaction('rw', allTables(db), async () => {
    await Promise.all(allTables(db).map((table) => table.clear()));
  });
}
