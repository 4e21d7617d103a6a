import { listOf, said, say, t, type Said } from '../i18n';
import { readText, type ReadText } from '../text/quotation';
import { allTables, eachArticlePage, type MySourcesDatabase } from './db';
import { readerProblem } from './errors';
import { FingerprintHolders } from './fingerprint-holders';
import { findFigureStatements, findMentions, reproductionsOf, type ComparedArticle, type Knowledge } from './indexing';
import { readPack, type KnowledgePack } from './pack';
import {
  deleteRows,
  hasEnoughText,
  MAX_COMPARED,
  prepareArticle,
  replacedBy,
  savedRecord,
  SavingError,
  type PreparedArticle,
} from './store';
import { cleanTrackedInput, type TrackedInput } from './tracking';
import type { SavedArticle, StoredFigureStatement, StoredMention } from './types';

/**
 * Importing a knowledge pack as background work (run by the options page's import worker): the
 * pack is read and checked whole before anything is written, then its tracked terms are merged in
 * one transaction and its articles in batches of IMPORT_BATCH, one transaction each, with progress
 * after each batch. Cancelling stops after the batch being written: the batches written before stay
 * (each is whole), and the result says how far it got. Counts say what changed: articles added,
 * updated (same address or text, something changed) or already saved (nothing changed); tracked
 * terms added, given other names, or already tracked.
 */

/**
 * Articles per transaction (about 1.3 MB of text) and per progress step. Each batch reads the
 * saved articles its own are compared with, mostly the same few hundred: fewer, larger batches read
 * them fewer times.
 */
export const IMPORT_BATCH = 500;

/**
 * Texts kept read for quotation detection during an import. An article is compared with the saved
 * articles sharing the most fingerprints, and a site's footer makes those the same few for every
 * article of the site, so they are read once, not once per article (about 65 KB each for a 2,500-character article).
 */
const KEPT_READINGS = 500;

export interface ImportCounts {
  readonly articles: { readonly added: number; readonly updated: number; readonly unchanged: number };
  readonly tracked: { readonly added: number; readonly gainedNames: number; readonly unchanged: number };
}

export interface ImportProgress {
  /** Articles of the pack written so far (whole batches). */
  readonly done: number;
  readonly total: number;
  readonly counts: ImportCounts;
}

/** How an import ended; its problems are to be said by the options page (the worker has no browser messages). */
export type ImportOutcome =
  | { readonly kind: 'refused'; readonly problem: Said }
  | ({ readonly kind: 'finished' } & ImportProgress)
  | ({ readonly kind: 'cancelled' } & ImportProgress)
  | ({ readonly kind: 'failed'; readonly problem: Said } & ImportProgress);

/** What the options page tells the import worker; `language` is the reader's, for what zod says of a damaged pack. */
export type ImportWorkerRequest =
  { readonly type: 'start'; readonly file: Blob; readonly language: string } | { readonly type: 'cancel' };

/** What the import worker tells the options page. */
export type ImportWorkerReply =
  | { readonly type: 'progress'; readonly progress: ImportProgress }
  | { readonly type: 'done'; readonly outcome: ImportOutcome };

export interface ImportHooks {
  readonly onProgress: (progress: ImportProgress) => void;
  /** Asked between batches: true once the reader has cancelled. */
  readonly cancelled: () => boolean;
}

const NO_COUNTS: ImportCounts = {
  articles: { added: 0, updated: 0, unchanged: 0 },
  tracked: { added: 0, gainedNames: 0, unchanged: 0 },
};

/** Reads a pack file and imports it; never throws (a refusal or failure is the outcome). */
export async function importPackFile(
  db: MySourcesDatabase,
  file: Blob,
  knowledge: () => Promise<Knowledge>,
  hooks: ImportHooks,
  { language = 'en' }: { readonly language?: string } = {},
): Promise<ImportOutcome> {
  const read = readPack(await file.text(), { language });
  if (!read.ok) return { kind: 'refused', problem: read.problem };
  try {
    return await importInBatches(db, await knowledge(), read.pack, hooks);
  } catch (error) {
    return { kind: 'failed', problem: readerProblem(error, 'importPack'), ...started(read.pack) };
  }
}

const started = (pack: KnowledgePack): ImportProgress => ({ done: 0, total: pack.articles.length, counts: NO_COUNTS });

/** What in a valid pack still cannot be stored, said as readPack says damage; null when all can. */
function unstorable(pack: KnowledgePack): Said | null {
  const short = pack.articles.findIndex((article) => !hasEnoughText(article.text));
  if (short !== -1)
    return said('pack.damagedAt', { where: `articles[${short}].text`, problem: said('pack.tooLittleText') });
  for (const [i, term] of pack.tracked.entries()) {
    try {
      cleanTrackedInput(term);
    } catch (error) {
      if (!(error instanceof SavingError)) throw error;
      return said('pack.damagedAt', { where: `tracked[${i}].label`, problem: error.said });
    }
  }
  return null;
}

/**
 * Imports a pack already read: refused whole (nothing written) when something in it cannot be
 * stored; else its tracked terms, then its articles batch by batch until done or cancelled. A
 * storage failure stops it: the batch that failed is not written, the batches before it stay.
 */
export async function importInBatches(
  db: MySourcesDatabase,
  knowledge: Knowledge,
  pack: KnowledgePack,
  { onProgress, cancelled }: ImportHooks,
  { now = Date.now(), batch: batchSize = IMPORT_BATCH }: { readonly now?: number; readonly batch?: number } = {},
): Promise<ImportOutcome> {
  const problem = unstorable(pack);
  if (problem) return { kind: 'refused', problem };
  let progress = started(pack);
  onProgress(progress);
  try {
    const tracked = await importTracked(db, pack.tracked.map(cleanTrackedInput), now);
    progress = { ...progress, counts: { ...progress.counts, tracked } };
    onProgress(progress);
    const writer = new BatchWriter(db, knowledge, await storedFingerprints(db));
    const batchAt = (from: number) => pack.articles.slice(from, from + batchSize);
    let preparing = prepareBatch(batchAt(0));
    for (let from = 0; from < pack.articles.length; from += batchSize) {
      if (cancelled()) return { kind: 'cancelled', ...progress };
      const prepared = await preparing;
      const writing = writer.write(prepared);
      // The next batch is hashed and fingerprinted while the browser writes this one.
      preparing = prepareBatch(batchAt(from + batchSize));
      preparing.catch(() => undefined); // awaited next time round, unless this batch fails first
      const articles = await writing;
      progress = {
        done: from + prepared.length,
        total: progress.total,
        counts: { ...progress.counts, articles: sum(progress.counts.articles, articles) },
      };
      onProgress(progress);
    }
    return { kind: 'finished', ...progress };
  } catch (error) {
    const { tracked } = progress.counts;
    const partly = progress.done > 0 || tracked.added + tracked.gainedNames > 0;
    return { kind: 'failed', problem: readerProblem(error, partly ? 'importRest' : 'importPack'), ...progress };
  }
}

const sum = (a: ImportCounts['articles'], b: ImportCounts['articles']): ImportCounts['articles'] => ({
  added: a.added + b.added,
  updated: a.updated + b.updated,
  unchanged: a.unchanged + b.unchanged,
});

/** Merges tracked terms in one transaction: a term already tracked gains the pack's other names. */
async function importTracked(
  db: MySourcesDatabase,
  terms: readonly TrackedInput[],
  now: number,
): Promise<ImportCounts['tracked']> {
  const counts = { added: 0, gainedNames: 0, unchanged: 0 };
  if (terms.length === 0) return counts;
  await db.transaction('rw', db.tracked, async () => {
    for (const term of terms) {
      const same = await db.tracked.where('label').equals(term.label).first();
      // Its search of the saved articles is left to do: the background runs it after the import.
      const search = { searched: 0, after: 0 };
      if (!same) {
        await db.tracked.add({ ...term, aliases: [...term.aliases], createdAt: now, search });
        counts.added++;
        continue;
      }
      const aliases = [...new Set([...same.aliases, ...term.aliases])];
      if (aliases.length === same.aliases.length) {
        counts.unchanged++;
        continue;
      }
      await db.tracked.update(same.id!, { aliases, search });
      counts.gainedNames++;
    }
  });
  return counts;
}

/** Which saved articles hold each fingerprint: read once, so an import looks none up in the database. */
async function storedFingerprints(db: MySourcesDatabase): Promise<FingerprintHolders> {
  const holders = new FingerprintHolders();
  await eachArticlePage(db, 1000, (page) => {
    for (const { id, fingerprints } of page) holders.add(id!, fingerprints);
  });
  return holders;
}

/** The same article as stored: its address, text and declared details all unchanged. */
function unchanged(stored: SavedArticle, { metadata, textHash }: PreparedArticle): boolean {
  return (
    stored.url === metadata.url &&
    stored.textHash === textHash &&
    stored.title === metadata.title &&
    stored.author === metadata.author &&
    stored.site === metadata.site &&
    stored.published === metadata.published
  );
}

/** A bounded cache of quotation detection's readings, the least recently used dropped first. */
function keptReadings(limit: number): (text: string) => ReadText {
  const kept = new Map<string, ReadText>();
  return (text) => {
    let reading = kept.get(text);
    if (reading) kept.delete(text);
    else reading = readText(text);
    kept.set(text, reading);
    if (kept.size > limit) kept.delete(kept.keys().next().value!);
    return reading;
  };
}

/**
 * A batch of a pack's articles, hashed and fingerprinted (outside any transaction: hashing is
 * asynchronous), each with its reading by quotation detection (read once, for both).
 */
type PreparedBatch = readonly {
  readonly article: PreparedArticle;
  readonly savedAt: number;
  readonly reading: ReadText;
}[];

function prepareBatch(batch: KnowledgePack['articles']): Promise<PreparedBatch> {
  return Promise.all(
    batch.map(({ text, savedAt, ...metadata }) => {
      const reading = readText(text);
      return prepareArticle({ text, metadata }, reading).then((article) => ({ article, savedAt, reading }));
    }),
  );
}

/**
 * Writes batches of a pack's articles, each in one transaction, indexing each as a save does
 * (store.ts writeArticle): mentions, figure statements, and the passages it reproduces or that
 * later saved articles reproduce from it. The saved articles compared with each are found in memory
 * (which articles hold which fingerprint), and the texts imported so far are kept from the pack.
 */
class BatchWriter {
  private readonly imported = new Map<number, string>();
  private readonly read = keptReadings(KEPT_READINGS);
  /**
   * The id the next new article gets. Ids are given here rather than by the database, whose
   * key is known only after a round trip per article (a third of the import's time); never one
   * used before in this import, so nothing kept in memory (texts, fingerprints) is mistaken for it.
   */
  private nextId = 1;

  constructor(
    private readonly db: MySourcesDatabase,
    private readonly knowledge: Knowledge,
    private readonly holders: FingerprintHolders,
  ) {}

  /** The ids of the saved articles sharing the most fingerprints with an article (not itself). */
  private mostShared(prints: readonly number[], self: number | undefined): number[] {
    return this.holders.mostShared(prints, self, MAX_COMPARED);
  }

  async write(prepared: PreparedBatch): Promise<ImportCounts['articles']> {
    const { written, counts } = await this.db.transaction('rw', allTables(this.db), async () => {
      const batch = await this.readStored(prepared);
      for (const [i, item] of prepared.entries()) this.place(batch, i, item);
      await this.flush(batch);
      return batch;
    });
    for (const [id, text] of written) this.imported.set(id, text);
    return counts;
  }

  /**
   * What the batch's transaction reads first: the saved articles under its addresses and with its
   * texts, and every article it may compare with, at once: those written before it (in memory:
   * adding this batch's articles can only push them down the list, never bring others in).
   */
  private async readStored(prepared: PreparedBatch): Promise<BatchState> {
    const { db } = this;
    // Read inside the transaction, which no other save can interleave with.
    this.nextId = Math.max(
      this.nextId,
      (((await db.articles.orderBy(':id').lastKey()) as number | undefined) ?? 0) + 1,
    );
    const [byUrl, byText] = await Promise.all([
      Promise.all(prepared.map(({ article }) => db.articles.where('url').equals(article.metadata.url).first())),
      Promise.all(prepared.map(({ article }) => db.articles.where('textHash').equals(article.textHash).toArray())),
    ]);
    const before = [
      ...new Set(
        prepared.flatMap(({ article }, i) =>
          this.mostShared(article.fingerprints, replacedBy(article.metadata.url, byUrl[i], byText[i]!).existing?.id),
        ),
      ),
    ];
    const unread = before.filter((id) => !this.imported.has(id));
    const [records, texts] = await Promise.all([db.articles.bulkGet(before), db.texts.bulkGet(unread)]);
    return {
      byUrl,
      byText,
      articles: new Map(before.flatMap((id, i) => (records[i] ? [[id, records[i]] as const] : []))),
      textOf: new Map([...unread.flatMap((id, i) => (texts[i] ? [[id, texts[i].text] as const] : []))]),
      batchUrls: new Map(),
      batchTexts: new Map(),
      gone: new Set(),
      touched: new Set(),
      deletions: [],
      mentions: [],
      statements: [],
      written: [],
      counts: { added: 0, updated: 0, unchanged: 0 },
    };
  }

  /** Places the batch's `i`th article: unchanged, an update of a saved one (deleting a duplicate), or new. */
  private place(batch: BatchState, i: number, { article, savedAt, reading }: PreparedBatch[number]): void {
    const { match, existing } = this.savedAs(batch, i, article);
    if (existing && unchanged(existing, article)) {
      batch.counts.unchanged++;
      return;
    }
    if (match.duplicate) {
      const duplicate = match.duplicate.id!;
      batch.deletions.push(deleteRows(this.db, duplicate));
      batch.gone.add(duplicate);
      batch.articles.delete(duplicate);
      batch.touched.delete(duplicate);
    }
    const record = savedRecord(article, existing?.savedAt ?? savedAt);
    const id = existing ? existing.id! : this.nextId++;
    if (existing) {
      batch.counts.updated++;
      // Requests run in order in a transaction: these deletions come before the batch's new rows.
      batch.deletions.push(
        this.db.mentions.where('articleId').equals(id).delete(),
        this.db.figureStatements.where('articleId').equals(id).delete(),
      );
    } else batch.counts.added++;
    this.index(batch, { ...record, id }, article, reading);
  }

  /** The saved article the batch's `i`th replaces: what this batch wrote under its address, or with its text, stands before what was stored. */
  private savedAs(batch: BatchState, i: number, article: PreparedArticle) {
    const { metadata } = article;
    const live = <A extends { readonly id?: number }>(a: A | undefined) =>
      a === undefined || batch.gone.has(a.id!) ? undefined : a;
    const urlId = batch.batchUrls.get(metadata.url);
    const match = replacedBy(
      metadata.url,
      live(urlId === undefined ? batch.byUrl[i] : { id: urlId, url: metadata.url }),
      [...(batch.batchTexts.get(article.textHash) ?? []), ...batch.byText[i]!].filter((a) => live(a) !== undefined),
    );
    const existingId = match.existing?.id;
    const existing =
      existingId === undefined
        ? undefined
        : (batch.articles.get(existingId) ?? [batch.byUrl[i], ...batch.byText[i]!].find((a) => a?.id === existingId));
    return { match, existing };
  }

  /** Indexes an article being written as a save does: reproduced passages both ways, mentions, figure statements. */
  private index(
    batch: BatchState,
    record: SavedArticle & { readonly id: number },
    article: PreparedArticle,
    reading: ReadText,
  ): void {
    const { id } = record;
    const { text, metadata } = article;
    const candidates = this.mostShared(article.fingerprints, id).flatMap((other): ComparedArticle[] => {
      const otherArticle = batch.gone.has(other) ? undefined : batch.articles.get(other);
      const otherText = this.imported.get(other) ?? batch.textOf.get(other);
      return otherArticle && otherText !== undefined ? [{ article: otherArticle, text: otherText }] : [];
    });
    const { own, later } = reproductionsOf(this.knowledge, { article: record, text }, candidates, (other) =>
      other === text ? reading : this.read(other),
    );
    batch.articles.set(id, { ...record, reproduced: own });
    batch.touched.add(id);
    for (const [laterId, reproduced] of later) {
      batch.articles.set(laterId, { ...batch.articles.get(laterId)!, reproduced });
      batch.touched.add(laterId);
    }
    batch.mentions.push(...findMentions(this.knowledge.matcher, text, own).map((m) => ({ ...m, articleId: id })));
    batch.statements.push(...findFigureStatements(this.knowledge, text).map((s) => ({ ...s, articleId: id })));
    this.holders.add(id, article.fingerprints);
    batch.batchUrls.set(metadata.url, id);
    batch.batchTexts.set(article.textHash, [
      { id, url: metadata.url },
      ...(batch.batchTexts.get(article.textHash) ?? []),
    ]);
    batch.written.push([id, text]);
    batch.textOf.set(id, text);
  }

  /** Writes what the batch placed, its deletions first. */
  private async flush(batch: BatchState): Promise<void> {
    const { db } = this;
    await Promise.all([
      ...batch.deletions,
      db.articles.bulkPut([...batch.touched].map((id) => batch.articles.get(id)!)),
      db.texts.bulkPut(batch.written.map(([articleId, text]) => ({ articleId, text }))),
      db.mentions.bulkPut(batch.mentions),
      db.figureStatements.bulkAdd(batch.statements),
    ]);
  }
}

/** What one batch's transaction has read, and what it is to write. */
interface BatchState {
  /** For each of the batch's articles, the saved article under its address, and those with its text. */
  readonly byUrl: readonly (SavedArticle | undefined)[];
  readonly byText: readonly (readonly SavedArticle[])[];
  /** Saved articles' records read or placed, by id. */
  readonly articles: Map<number, SavedArticle>;
  readonly textOf: Map<number, string>;
  /** This batch's own, for an article repeated in it (the pack holds it twice). */
  readonly batchUrls: Map<string, number>;
  readonly batchTexts: Map<string, { readonly id: number; readonly url: string }[]>;
  /** Duplicates deleted, and records to write. */
  readonly gone: Set<number>;
  readonly touched: Set<number>;
  readonly deletions: Promise<unknown>[];
  readonly mentions: StoredMention[];
  readonly statements: Omit<StoredFigureStatement, 'id'>[];
  readonly written: [number, string][];
  readonly counts: { added: number; updated: number; unchanged: number };
}

/** "Added 2 articles and 1 tracked term; 2 were already saved.": what changed, never more. */
export function countsSentence({ articles, tracked }: ImportCounts): string {
  const added = [
    ...(articles.added > 0 ? [t('count.articles', { count: articles.added })] : []),
    ...(tracked.added > 0 ? [t('count.trackedTerms', { count: tracked.added })] : []),
  ];
  const clauses = [added.length > 0 ? t('import.added', { list: listOf(added) }) : t('import.nothingNew')];
  if (articles.updated > 0) clauses.push(t('import.updated', { count: articles.updated }));
  if (articles.unchanged > 0) {
    // After "Added 2 articles", "2 were already saved" can only mean articles.
    const which = articles.added > 0 ? 'import.alreadySavedAfterAdded' : 'import.alreadySaved';
    clauses.push(t(which, { count: articles.unchanged }));
  }
  if (tracked.gainedNames > 0) clauses.push(t('import.gainedNames', { count: tracked.gainedNames }));
  if (tracked.unchanged > 0) clauses.push(t('import.alreadyTracked', { count: tracked.unchanged }));
  return t('import.sentence', { clauses });
}

/** The reader's message for an import's outcome: what it changed and, if it stopped early, where. */
export function importMessage(outcome: ImportOutcome): { readonly ok: boolean; readonly text: string } {
  if (outcome.kind === 'refused') return { ok: false, text: say(outcome.problem) };
  const counts = countsSentence(outcome.counts);
  if (outcome.kind === 'finished') return { ok: true, text: counts };
  const stopped =
    outcome.done > 0
      ? t('import.stoppedAfter', { done: outcome.done, count: outcome.total, counts })
      : t('import.stoppedBefore', { counts });
  if (outcome.kind === 'cancelled') return { ok: true, text: stopped };
  return { ok: false, text: t('import.stoppedBecause', { stopped, problem: outcome.problem }) };
}

/** True when an import wrote something the background must take in (tracked terms, indexes). */
export function importChanged(outcome: ImportOutcome): boolean {
  if (outcome.kind === 'refused') return false;
  const { articles, tracked } = outcome.counts;
  return articles.added + articles.updated + tracked.added + tracked.gainedNames > 0;
}
