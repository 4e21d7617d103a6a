import { said, type Said } from '../i18n';
import { allTables, type MySourcesDatabase } from './db';
import { keptMetadata, type KeptMetadata } from './declared';
import { readText, type ReadText } from '../text/quotation';
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

/**
 * An article to save: its text and what its page declares (a page's canonical address; an
 * imported article has only the address it was saved under).
 */
export interface ArticleInput {
  readonly text: string;
  readonly metadata: KeptMetadata & { readonly canonical?: string | null };
}

/**
 * An article ready to be written: its metadata cleaned as it is kept (see declared.ts), hashed and
 * fingerprinted outside the transaction (hashing is async).
 */
export interface PreparedArticle {
  readonly text: string;
  readonly metadata: KeptMetadata;
  readonly textHash: string;
  readonly fingerprints: readonly number[];
}

export interface SaveResult {
  readonly article: SavedArticle & { readonly id: number };
  /** True when it replaced an article saved before (same address, or same text from the same site). */
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

/** `reading` is the text's reading by quotation detection, when the caller has it already. */
export async function prepareArticle(
  { text, metadata }: ArticleInput,
  reading: Pick<ReadText, 'keys'> = readText(text),
): Promise<PreparedArticle> {
  if (!hasEnoughText(text)) {
    throw new SavingError(said('save.tooLittleText'));
  }
  const kept = keptMetadata(metadata);
  if (kept === null) throw new SavingError(said('save.addressNotKept'));
  return { text, metadata: kept, textHash: await textHash(text), fingerprints: fingerprints(reading) };
}

/** An address's origin ("https://news.example"), or null for one that does not parse. */
function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** A prepared article's record, before its reproduced passages are found. */
export function savedRecord(
  { text, metadata, textHash, fingerprints }: PreparedArticle,
  savedAt: number,
): SavedArticle {
  const { url, title, author, site, published } = metadata;
  return { url, title, author, site, published, savedAt, textHash, length: text.length, reproduced: [], fingerprints };
}

/**
 * Which saved article a new one replaces: the one saved under its address, else one with the same
 * text from the same site; a page copying another site's text is another article, never that
 * site's. When the address and the text name two different articles, the one with the text is a
 * duplicate of what is being saved, to delete: one article, not two.
 */
export function replacedBy<A extends { readonly id?: number; readonly url: string }>(
  url: string,
  byUrl: A | undefined,
  sameText: readonly A[],
): { readonly existing: A | undefined; readonly duplicate: A | undefined } {
  const origin = originOf(url);
  const byText = sameText.find((saved) => originOf(saved.url) === origin);
  return {
    existing: byUrl ?? byText,
    duplicate: byUrl && byText && byText.id !== byUrl.id ? byText : undefined,
  };
}

/** A problem the reader can act on, said in their words wherever it is shown (see Said). */
export class SavingError extends Error {
  override readonly name = 'SavingError';

  constructor(readonly said: Said) {
    super(said.key);
  }
}

/** Saves (or updates) one article with its index, in one transaction. */
export async function saveArticle(
  db: MySourcesDatabase,
  knowledge: Knowledge,
  input: ArticleInput,
  now = Date.now(),
): Promise<SaveResult> {
  const prepared = await prepareArticle(input);
  return db.transaction('rw', allTables(db), () => writeArticle(db, knowledge, prepared, now));
}

/**
 * Writes a prepared article inside the caller's transaction: the record, its text, its mentions and
 * figure statements, and the reproduced passages on both sides. `savedAt` is kept from an earlier
 * save of the same article. It replaces an article saved under the same address, or with the same
 * text from the same origin: a page copying another site's text is another article, never that
 * site's (and its address is its own: see savedAddress).
 */
export async function writeArticle(
  db: MySourcesDatabase,
  knowledge: Knowledge,
  { text, metadata, textHash, fingerprints: prints }: PreparedArticle,
  savedAt: number,
): Promise<SaveResult> {
  const [byUrl, sameText] = await Promise.all([
    db.articles.where('url').equals(metadata.url).first(),
    db.articles.where('textHash').equals(textHash).toArray(),
  ]);
  const { existing, duplicate } = replacedBy(metadata.url, byUrl, sameText);
  if (duplicate) await deleteRows(db, duplicate.id!);
  const record = savedRecord({ text, metadata, textHash, fingerprints: prints }, existing?.savedAt ?? savedAt);
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
