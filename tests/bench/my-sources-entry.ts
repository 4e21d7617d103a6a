/**
 * Runs inside an extension page of the built extension (its own origin, Chromium's real IndexedDB):
 * generates the saved-article corpus and times the reader's-sources operations with the shipped
 * modules. Bundled by tests/bench/my-sources-bench.ts.
 */
import { kbIndex } from '@/lib/kb/index-data';
import { bundledSourceTexts } from '@/lib/kb/source-texts-data';
import { ownSourcesFor } from '@/lib/my-sources/card-data';
import { MySourcesDatabase } from '@/lib/my-sources/db';
import { createKnowledge, findFigureStatements, findMentions, fingerprints } from '@/lib/my-sources/indexing';
import { saveArticle, textHash } from '@/lib/my-sources/store';
import { searchTracked, trackTerm } from '@/lib/my-sources/tracking';

const db = new MySourcesDatabase('crosscheck-my-sources-bench');
const knowledge = createKnowledge(kbIndex, bundledSourceTexts, []);

/** A small deterministic generator (mulberry32): the same corpus on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the a of to and in that for on with as by at from state county city council board water river road school ' +
  'budget tax plan vote court law rule policy report study week month year officials residents voters leaders ' +
  'said told added noted argued warned agreed expected planned proposed approved rejected reviewed announced ' +
  'new old local federal public private early late major minor long short first last several many few most'
).split(' ');
/** Knowledge-base names the articles mention: a few per article, so each is in a few per cent of them. */
const NAMED = kbIndex.entries.filter((e) => e.forms.length > 0 && e.category !== 'figure');
const NAMES = NAMED.map((e) => e.label);
const SITES = Array.from({ length: 40 }, (_, i) => `Bench Site ${i}`);

/** An article of about `chars` characters: ordinary sentences, five names, sometimes a figure, and its site's footer. */
export function generatedArticle(n: number, chars = 5000) {
  const next = random(n + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const site = SITES[n % SITES.length]!;
  const names = Array.from({ length: 5 }, () => pick(NAMES));
  const paragraphs: string[] = [];
  let length = 0;
  let sentence = 0;
  while (length < chars) {
    const words = Array.from({ length: 12 + Math.floor(next() * 14) }, () => pick(WORDS));
    if (sentence % 6 === 0) words.splice(3, 0, names[(sentence / 6) % names.length]!);
    const text = `${words.join(' ')}.`;
    const line = text[0]!.toUpperCase() + text.slice(1);
    paragraphs.push(line);
    length += line.length + 1;
    sentence++;
  }
  if (n % 10 === 0) paragraphs.push(`California has $${70 + (n % 12)} billion in reserves, the report said.`);
  // Every site prints the same footer: saving compares an article with others of its site.
  paragraphs.push(
    `This story from ${site} may be shared for personal use only and must not be reproduced for any commercial purpose.`,
  );
  const published = new Date(Date.UTC(2024, 0, 1) + n * 3_600_000).toISOString();
  return {
    text: paragraphs.join('\n'),
    metadata: {
      url: `https://bench-${n % SITES.length}.example/story/${n}`,
      title: `Story ${n}`,
      author: null,
      site,
      published,
    },
  };
}

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
          fingerprints: fingerprints(article.text),
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
