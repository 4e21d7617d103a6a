import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ownSourcesFor } from '@/lib/my-sources/card-data';
import type { MySourcesDatabase } from '@/lib/my-sources/db';
import { readerMessage } from '@/lib/my-sources/errors';
import { saveArticle, SavingError } from '@/lib/my-sources/store';
import {
  cleanTrackedInput,
  deleteTracked,
  searchTracked,
  SEARCH_CHUNK,
  trackTerm,
  updateTracked,
} from '@/lib/my-sources/tracking';
import { article, FILLER, freshDatabase, knowledgeWith } from './fixture';

let db: MySourcesDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.close());

const knowledge = knowledgeWith();
const waterText = (n: number) =>
  `${FILLER}\nStory ${n}: the water agreement was signed by the river towns on a bright morning.\n${FILLER}`;

/** What `run` throws. */
function catching(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('cleanTrackedInput', () => {
  it.each<[string, string, string[], string | null]>([
    ['trims and folds spaces', '  water\n agreement ', [' the compact ', 'water agreement'], null],
    ['refuses a single character', 'x', [], 'at least two characters'],
  ])('%s', (_name, label, aliases, problem) => {
    const run = () => cleanTrackedInput({ label, category: 'concept', aliases });
    if (problem) {
      expect(run).toThrow(SavingError);
      expect(readerMessage(catching(run), 'trackTerm')).toContain(problem);
    } else expect(run()).toEqual({ label: 'water agreement', category: 'concept', aliases: ['the compact'] });
  });
});

describe('tracking a term', () => {
  it('searches every saved article in chunks, with progress, and finds it with excerpts', async () => {
    const count = SEARCH_CHUNK + 5;
    for (let n = 0; n < count; n++) {
      // Texts that share no passage, so that saving them compares nothing.
      const words = Array.from({ length: 40 }, (_, i) => `w${n}x${i}`).join(' ');
      const text = `${words}.\n${n % 2 === 0 ? 'The water agreement was signed on a bright morning.' : 'Nothing to track here.'}`;
      await saveArticle(db, knowledge, article(text, { url: `https://a.example/${n}` }));
    }
    const id = await trackTerm(db, { label: 'water agreement', category: 'concept', aliases: [] });
    const progress: [number, number][] = [];
    await searchTracked(db, id, (searched, total) => progress.push([searched, total]));
    expect(progress).toEqual([
      [SEARCH_CHUNK, count],
      [count, count],
    ]);
    expect((await db.tracked.get(id))!.search).toBeNull();
    const own = await ownSourcesFor(db, `tracked-${id}`);
    expect(own.mentioning).toHaveLength(Math.ceil(count / 2));
    expect(own.excerpts[0]!.text).toBe('The water agreement was signed on a bright morning.');
  });

  it('resumes a search cut short where it stopped', async () => {
    for (let n = 0; n < 3; n++)
      await saveArticle(db, knowledge, article(waterText(n), { url: `https://a.example/${n}` }));
    const id = await trackTerm(db, { label: 'water agreement', category: 'concept', aliases: [] });
    const [first] = await db.articles.toCollection().primaryKeys();
    // As if the worker stopped after the first article.
    await db.tracked.update(id, { search: { searched: 1, after: first! } });
    await searchTracked(db, id);
    expect(await db.mentions.count()).toBeGreaterThanOrEqual(2);
    expect((await ownSourcesFor(db, `tracked-${id}`)).mentioning).toHaveLength(2);
  });

  it('refuses the same label twice', async () => {
    await trackTerm(db, { label: 'water agreement', category: 'concept', aliases: [] });
    await expect(trackTerm(db, { label: 'water agreement', category: 'law', aliases: [] })).rejects.toThrow(
      SavingError,
    );
  });

  it('new aliases search again; deleting a term removes its mentions', async () => {
    await saveArticle(db, knowledge, article(`${FILLER}\nThe river pact held through the summer, officials said.`));
    const id = await trackTerm(db, { label: 'water agreement', category: 'concept', aliases: [] });
    await searchTracked(db, id);
    expect((await ownSourcesFor(db, `tracked-${id}`)).mentioning).toHaveLength(0);
    await updateTracked(db, id, { label: 'water agreement', category: 'concept', aliases: ['river pact'] });
    await searchTracked(db, id);
    expect((await ownSourcesFor(db, `tracked-${id}`)).mentioning).toHaveLength(1);
    await deleteTracked(db, id);
    expect(
      await db.mentions
        .where('articleId')
        .above(0)
        .filter((m) => m.entryId === `tracked-${id}`)
        .count(),
    ).toBe(0);
  });

  it('a tracked term in the knowledge is indexed when an article is saved', async () => {
    const id = await trackTerm(db, { label: 'water agreement', category: 'concept', aliases: [] });
    const withTerm = knowledgeWith([(await db.tracked.get(id))!]);
    const { article: saved } = await saveArticle(db, withTerm, article(waterText(1)));
    expect(await db.mentions.get([`tracked-${id}`, saved.id])).toBeDefined();
  });
});
