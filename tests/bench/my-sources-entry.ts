/**
 * Runs inside an extension page of the built extension (its own origin, Chromium's real IndexedDB):
 * generates the saved-article corpus and times the reader's-sources operations with the shipped
 * modules. Bundled by tests/bench/my-sources-bench.ts.
 */
import { kbIndex } from '@/lib/kb/index-data';
import { bundledSourceTexts } from '@/lib/kb/source-texts-data';
import { readText } from '@/lib/text/quotation';
import { ownSourcesFor } from '@/lib/my-sources/card-data';
import { MySourcesDatabase } from '@/lib/my-sources/db';
import { createKnowledge, findFigureStatements, findMentions, fingerprints } from '@/lib/my-sources/indexing';
import { saveArticle, textHash } from '@/lib/my-sources/store';
import { generatedArticle, NAMED } from './generated-articles';
import { searchTracked, trackTerm } from '@/lib/my-sources/tracking';

const db = new MySourcesDatabase('crosscheck-my-sources-bench');
const knowledge = createKnowledge(kbIndex, bundledSourceTexts, []);

/**
 * Fills the store with `count` generated articles, `chunk` per transaction, indexed with the same
 * modules a save uses (mentions, figure statements, fingerprints); the comparison for reproduced
 * passages is left out while generating (it is timed in saveOne).
 */
export async function generate(count: number, chunk = 200): Promise<{ chars: number; ms: number }> {
  const started = performance.now();
  await db.delete();
  await db.open();
  let chars = 0;
  for (let from = 0; from < count; from += chunk) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(chunk, count - from) }, async (_, i) => {
        const article = generatedArticle(from + i);
        chars += article.text.length;
        return { article, hash: await textHash(article.text) };
      }),
    );
    await db.transaction('rw', db.articles, db.texts, db.mentions, db.figureStatements, async () => {
      for (const { article, hash } of batch) {
        const id = (await db.articles.add({
          ...article.metadata,
          savedAt: Date.now(),
          textHash: hash,
          length: article.text.length,
          reproduced: [],
          fingerprints: fingerprints(readText(article.text)),
        })) as number;
        await db.texts.add({ articleId: id, text: article.text });
        await db.mentions.bulkAdd(
          findMentions(knowledge.matcher, article.text, []).map((m) => ({ ...m, articleId: id })),
        );
        await db.figureStatements.bulkAdd(
          findFigureStatements(knowledge, article.text).map((s) => ({ ...s, articleId: id })),
        );
      }
    });
  }
  return { chars, ms: performance.now() - started };
}

/** Saves one more article through the shipped path (hash, index, compare, one transaction). */
export async function saveOne(n: number): Promise<number> {
  const article = generatedArticle(n);
  const started = performance.now();
  await saveArticle(db, knowledge, article);
  return performance.now() - started;
}

/** A card's data with own sources for `entryId`, and how many saved articles it lists. */
export async function card(entryId: string): Promise<{ ms: number; mentioning: number }> {
  const started = performance.now();
  const own = await ownSourcesFor(db, entryId);
  return { ms: performance.now() - started, mentioning: own.mentioning.length };
}

/** Tracks a new term and searches every saved article for it; the progress steps it reported. */
export async function track(label: string): Promise<{ ms: number; steps: number; found: number }> {
  const started = performance.now();
  const id = await trackTerm(db, { label, category: 'concept', aliases: [] });
  let steps = 0;
  await searchTracked(db, id, () => steps++);
  const found = (await ownSourcesFor(db, `tracked-${id}`)).mentioning.length;
  return { ms: performance.now() - started, steps, found };
}

/** The ids of the entries the articles name (each is in about 5 / NAMES.length of them). */
export function entryIds(): readonly string[] {
  return NAMED.map((e) => e.id);
}

export async function storageUsed(): Promise<number | null> {
  return (await navigator.storage.estimate()).usage ?? null;
}

(globalThis as unknown as Record<string, unknown>).crosscheckSourcesBench = {
  generate,
  saveOne,
  card,
  track,
  entryIds,
  storageUsed,
  close: () => db.close(),
};
