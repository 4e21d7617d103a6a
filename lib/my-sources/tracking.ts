import { createTermMatcher } from '../matching/term-matcher';
import { cleanText } from './declared';
import { mentionsOf, type MySourcesDatabase } from './db';
import { findMentions, trackedEntry } from './indexing';
import { said } from '../i18n';
import { SavingError } from './store';
import { TRACKED_ID_PREFIX, type TrackedCategory, type TrackedTerm } from './types';

/**
 * The reader's tracked terms: stored with the search of the saved articles still to do, so that a
 * search cut short (the service worker stopped) resumes where it stopped, and the options page and
 * the track form can show its progress from the database.
 */

/** Articles read at a time: about 1 MB of text, and a progress step. */
export const SEARCH_CHUNK = 200;

export interface TrackedInput {
  readonly label: string;
  readonly category: TrackedCategory;
  readonly aliases: readonly string[];
}

const LABEL_LIMIT = 200;

/**
 * The input with its words trimmed (and, as the page's text it was selected from may hold them,
 * without control or bidi-override characters: see cleanText), or a reason it cannot be tracked.
 */
export function cleanTrackedInput(input: TrackedInput): TrackedInput {
  const label = cleanText(input.label);
  if (label.length < 2) throw new SavingError(said('tracking.tooShort'));
  if (label.length > LABEL_LIMIT) throw new SavingError(said('tracking.tooLong', { count: LABEL_LIMIT }));
  const aliases = [...new Set(input.aliases.map(cleanText))].filter(
    (alias) => alias.length >= 2 && alias !== label && alias.length <= LABEL_LIMIT,
  );
  return { label, category: input.category, aliases };
}

/** Stores a new tracked term, its search of the saved articles to do. Returns its id. */
export async function trackTerm(db: MySourcesDatabase, input: TrackedInput, now = Date.now()): Promise<number> {
  const clean = cleanTrackedInput(input);
  const same = await db.tracked.where('label').equals(clean.label).first();
  if (same) throw new SavingError(said('tracking.already', { term: clean.label }));
  return (await db.tracked.add({ ...clean, createdAt: now, search: { searched: 0, after: 0 } })) as number;
}

/** New aliases or category: its mentions found so far go, and the search starts again. */
export async function updateTracked(db: MySourcesDatabase, id: number, input: TrackedInput): Promise<void> {
  const clean = cleanTrackedInput(input);
  await db.transaction('rw', db.tracked, db.mentions, async () => {
    await mentionsOf(db, `${TRACKED_ID_PREFIX}${id}`).delete();
    await db.tracked.update(id, { ...clean, search: { searched: 0, after: 0 } });
  });
}

export async function deleteTracked(db: MySourcesDatabase, id: number): Promise<void> {
  await db.transaction('rw', db.tracked, db.mentions, async () => {
    await mentionsOf(db, `${TRACKED_ID_PREFIX}${id}`).delete();
    await db.tracked.delete(id);
  });
}

/**
 * Searches every saved article for a tracked term, SEARCH_CHUNK articles at a time; `onProgress`
 * hears after each chunk. Each chunk's mentions are written with the progress in one transaction;
 * the next chunk's texts are read while this one is matched, so reading and matching overlap.
 * Returns when done, or at once when the term is gone or already searched.
 */
export async function searchTracked(
  db: MySourcesDatabase,
  id: number,
  onProgress: (searched: number, total: number) => void = () => undefined,
): Promise<void> {
  const term = await db.tracked.get(id);
  if (!term?.search) return;
  const matcher = createTermMatcher([trackedEntry(term)]);
  const total = await db.articles.count();
  const read = (after: number) => db.texts.where('articleId').above(after).limit(SEARCH_CHUNK).toArray();
  let { searched, after } = term.search;
  let next = read(after);
  for (;;) {
    const texts = await next;
    const finished = texts.length < SEARCH_CHUNK;
    if (!finished) next = read(texts[texts.length - 1]!.articleId);
    const found = texts.flatMap(({ articleId, text }) => {
      const mentions = findMentions(matcher, text, []);
      return mentions.length > 0 ? [{ articleId, text, mentions }] : [];
    });
    searched += texts.length;
    after = texts[texts.length - 1]?.articleId ?? after;
    const stopped = await db.transaction('rw', db.tracked, db.articles, db.mentions, async () => {
      const current = await db.tracked.get(id);
      // Deleted, edited (a new search began) or finished elsewhere meanwhile: this search stops.
      if (!current?.search || !sameTerm(current, term)) return true;
      const articles = await db.articles.bulkGet(found.map((f) => f.articleId));
      // Articles deleted since their text was read get nothing; an article that reproduces a
      // passage gets its excerpt chosen, as on saving, from its own words first.
      const mentions = found.flatMap(({ articleId, text, mentions: all }, i) => {
        const article = articles[i];
        if (!article) return [];
        const chosen = article.reproduced.length > 0 ? findMentions(matcher, text, article.reproduced) : all;
        return chosen.map((m) => ({ ...m, articleId }));
      });
      await db.mentions.bulkPut(mentions);
      await db.tracked.update(id, { search: finished ? null : { searched, after } });
      return false;
    });
    if (stopped) return;
    onProgress(searched, Math.max(total, searched));
    if (finished) return;
  }
}

const sameTerm = (a: TrackedTerm, b: TrackedTerm) =>
  a.label === b.label && a.category === b.category && a.aliases.join('\n') === b.aliases.join('\n');
