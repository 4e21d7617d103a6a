import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MySourcesDatabase } from '@/lib/my-sources/db';
import { t } from '@/lib/i18n';
import {
  countsSentence,
  importChanged,
  importInBatches,
  importMessage,
  importPackFile,
  type ImportCounts,
  type ImportProgress,
} from '@/lib/my-sources/import';
import { PACK_FORMAT, PACK_VERSION, type KnowledgePack } from '@/lib/my-sources/pack';
import { saveArticle } from '@/lib/my-sources/store';
import { trackTerm } from '@/lib/my-sources/tracking';
import { BUNDLED_SENTENCE, FILLER, freshDatabase, knowledgeWith, ORIGINAL_PASSAGE } from './fixture';

let db: MySourcesDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

const knowledge = knowledgeWith();
type PackArticle = KnowledgePack['articles'][number];

function packArticle(n: number, changes: Partial<PackArticle> = {}): PackArticle {
  return {
    url: `https://news.example/${n}`,
    title: `Story ${n}`,
    author: null,
    site: 'News Example',
    published: `2025-06-${String(10 + (n % 20)).padStart(2, '0')}`,
    savedAt: 1000 + n,
    text: `${FILLER}\nStory number ${n} is about the Bank of North Dakota and its lending.`,
    ...changes,
  };
}

function pack(articles: PackArticle[], tracked: KnowledgePack['tracked'] = []): KnowledgePack {
  return { format: PACK_FORMAT, version: PACK_VERSION, exportedAt: '2026-01-01T00:00:00.000Z', articles, tracked };
}

const WATER = { label: 'water agreement', category: 'concept' as const, aliases: ['river pact'] };

async function run(target: MySourcesDatabase, what: KnowledgePack, batch = 2, cancelAfter = Infinity) {
  const steps: ImportProgress[] = [];
  const outcome = await importInBatches(
    target,
    knowledge,
    what,
    { onProgress: (p) => steps.push(p), cancelled: () => steps.filter((p) => p.done > 0).length >= cancelAfter },
    { now: 5, batch },
  );
  return { outcome, steps };
}

async function snapshot(target: MySourcesDatabase) {
  return {
    articles: (await target.articles.toArray()).map(({ id, url, title, savedAt, reproduced }) => ({
      id,
      url,
      title,
      savedAt,
      reproduced,
    })),
    texts: await target.texts.count(),
    mentions: (await target.mentions.toArray()).map(({ entryId, articleId, spans }) => ({ entryId, articleId, spans })),
    statements: await target.figureStatements.count(),
    tracked: (await target.tracked.toArray()).map(({ label, aliases, search }) => ({ label, aliases, search })),
  };
}

const counts = (articles: [number, number, number], tracked: [number, number, number] = [0, 0, 0]): ImportCounts => ({
  articles: { added: articles[0], updated: articles[1], unchanged: articles[2] },
  tracked: { added: tracked[0], gainedNames: tracked[1], unchanged: tracked[2] },
});

describe('importing a pack in batches', () => {
  it.each<[string, KnowledgePack, KnowledgePack, ImportCounts, string]>([
    [
      'the same pack again',
      pack([packArticle(1), packArticle(2)], [WATER]),
      pack([packArticle(1), packArticle(2)], [WATER]),
      counts([0, 0, 2], [0, 0, 1]),
      'Nothing new was added; 2 articles were already saved; 1 tracked term was already tracked.',
    ],
    [
      'a pack overlapping the store',
      pack([packArticle(1), packArticle(2)], [WATER]),
      pack(
        [packArticle(1), packArticle(2), packArticle(3), packArticle(4)],
        [WATER, { ...WATER, label: 'dry summer' }],
      ),
      counts([2, 0, 2], [1, 0, 1]),
      'Added 2 articles and 1 tracked term; 2 were already saved; 1 tracked term was already tracked.',
    ],
    [
      'changed details, a changed text, and a term with another name',
      pack([packArticle(1), packArticle(2), packArticle(3)], [WATER]),
      pack(
        [
          packArticle(1, { title: 'Story 1, corrected' }),
          packArticle(2, { text: `${packArticle(2).text} A correction was added.` }),
          packArticle(3),
        ],
        [{ ...WATER, aliases: ['water deal'] }],
      ),
      counts([0, 2, 1], [0, 1, 0]),
      'Nothing new was added; 2 saved articles were updated; 1 article was already saved; 1 tracked term gained other names.',
    ],
  ])('counts truthfully: %s', async (_name, first, second, expected, sentence) => {
    await run(db, first);
    const { outcome } = await run(db, second);
    expect(outcome).toMatchObject({ kind: 'finished', counts: expected, done: second.articles.length });
    expect(importMessage(outcome)).toEqual({ ok: true, text: sentence });
  });

  it('counts a first import as added, says so, and reports progress after each batch', async () => {
    const { outcome, steps } = await run(
      db,
      pack(
        [1, 2, 3, 4, 5].map((n) => packArticle(n)),
        [WATER],
      ),
    );
    expect(importMessage(outcome).text).toBe('Added 5 articles and 1 tracked term.');
    expect(steps.map(({ done, total }) => [done, total])).toEqual([
      [0, 5],
      [0, 5],
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
    expect(steps[1]!.counts.tracked.added).toBe(1);
    expect(await db.articles.count()).toBe(5);
    // The imported term's search is left to the background, which the options page tells.
    expect((await db.tracked.toArray())[0]!.search).toEqual({ searched: 0, after: 0 });
    expect(importChanged(outcome)).toBe(true);
  });

  it.each([1, 2, 5])(
    'indexes as saving one by one does, in batches of %d: mentions and reproduced passages',
    async (batch) => {
      const original = packArticle(1, { text: `${FILLER}\n${ORIGINAL_PASSAGE}`, published: '2025-01-01' });
      const copy = packArticle(2, { text: `Our summary.\n${ORIGINAL_PASSAGE}\n${FILLER}`, published: '2025-02-01' });
      const quoting = packArticle(3, { text: `${FILLER}\nQuoted: ${BUNDLED_SENTENCE}` });
      // The copy comes first: the original, imported after it, takes its passage back.
      const articles = [copy, packArticle(4), quoting, original, packArticle(5)];
      const saved = freshDatabase();
      for (const { text, savedAt, ...metadata } of articles)
        await saveArticle(saved, knowledge, { text, metadata }, savedAt);
      await run(db, pack(articles), batch);
      expect(await snapshot(db)).toEqual(await snapshot(saved));
      const copyRecord = (await db.articles.where('url').equals(copy.url).first())!;
      expect(copyRecord.reproduced.map((p) => p.original)).toEqual([4]);
      saved.close();
    },
  );

  it.each<[string, string, [number, number, number], string[]]>([
    [
      'the same text at another address of its site is one article',
      'https://news.example/1?amp',
      [1, 1, 0],
      ['https://news.example/1?amp'],
    ],
    [
      'the same text from another site is another article, as a save keeps it',
      'https://mirror.example/1',
      [2, 0, 0],
      ['https://news.example/1', 'https://mirror.example/1'],
    ],
  ])('an article twice in one pack: %s', async (_name, url, expected, urls) => {
    const { outcome } = await run(db, pack([packArticle(1), packArticle(1, { url })]), 5);
    expect(outcome).toMatchObject({ counts: counts(expected) });
    expect((await db.articles.toArray()).map((a) => a.url)).toEqual(urls);
  });

  it('gives new articles ids after every saved one, and a save afterwards an id after theirs', async () => {
    const first = await saveArticle(db, knowledge, {
      text: `${FILLER}\nA saved article about the Bank of North Dakota.`,
      metadata: { url: 'https://saved.example/1', title: null, author: null, site: null, published: null },
    });
    await run(db, pack([1, 2, 3].map((n) => packArticle(n))), 2);
    const ids = (await db.articles.toArray()).map((a) => a.id!);
    expect(ids).toEqual([first.article.id, first.article.id + 1, first.article.id + 2, first.article.id + 3]);
    expect(new Set((await db.texts.toArray()).map((t) => t.articleId))).toEqual(new Set(ids));
    const after = await saveArticle(db, knowledge, {
      text: `${FILLER}\nAnother article, saved after the import.`,
      metadata: { url: 'https://saved.example/2', title: null, author: null, site: null, published: null },
    });
    expect(after.article.id).toBe(first.article.id + 4);
  });

  it('cancelled: stops after the batch being written, keeps the batches written, and says so', async () => {
    const { outcome } = await run(db, pack([1, 2, 3, 4, 5].map((n) => packArticle(n))), 2, 1);
    expect(outcome).toMatchObject({ kind: 'cancelled', done: 2, total: 5, counts: counts([2, 0, 0]) });
    expect(await db.articles.count()).toBe(2);
    expect(importMessage(outcome)).toEqual({
      ok: true,
      text: 'The import stopped after 2 of the pack’s 5 articles; what it imported stays. Added 2 articles.',
    });
  });

  it('a storage failure stops it in words: the failed batch is not written, the ones before stay', async () => {
    let puts = 0;
    const real = db.texts.bulkPut.bind(db.texts);
    vi.spyOn(db.texts, 'bulkPut').mockImplementation((...args: Parameters<typeof real>) => {
      if (++puts === 2)
        return Promise.reject(Object.assign(new Error('full'), { name: 'QuotaExceededError' })) as never;
      return real(...args);
    });
    const { outcome } = await run(db, pack([1, 2, 3, 4, 5].map((n) => packArticle(n))), 2);
    expect(outcome).toMatchObject({ kind: 'failed', done: 2, counts: counts([2, 0, 0]) });
    expect((await db.articles.toArray()).map((a) => a.url)).toEqual([
      'https://news.example/1',
      'https://news.example/2',
    ]);
    expect(await db.texts.count()).toBe(2);
    const message = importMessage(outcome);
    expect(message.ok).toBe(false);
    expect(message.text).toBe(
      `The import stopped after 2 of the pack’s 5 articles; what it imported stays. Added 2 articles. ${t('errors.storageFull')}`,
    );
  });

  it.each<[string, KnowledgePack, RegExp]>([
    [
      'too little text once spacing is normalised',
      pack([packArticle(1), packArticle(2, { text: ' '.repeat(300) })]),
      /articles\[1\]\.text/,
    ],
    [
      'a tracked term that is only spaces',
      pack([packArticle(1)], [{ ...WATER, label: '      ' }]),
      /tracked\[0\]\.label/,
    ],
  ])('refuses a pack with %s before writing anything', async (_name, damaged, problem) => {
    await saveArticle(db, knowledge, {
      text: packArticle(9).text,
      metadata: { ...packArticle(9), savedAt: undefined } as never,
    });
    await trackTerm(db, WATER);
    const before = await snapshot(db);
    const { outcome } = await run(db, damaged);
    expect(outcome.kind).toBe('refused');
    expect(importMessage(outcome).text).toMatch(/damaged, so nothing was imported/);
    expect(importMessage(outcome).text).toMatch(problem);
    expect(importChanged(outcome)).toBe(false);
    expect(await snapshot(db)).toEqual(before);
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', '{"format"', /not JSON/],
    ['a newer pack', JSON.stringify({ ...pack([]), version: PACK_VERSION + 1 }), /newer Crosscheck/],
  ])('a file that is %s is refused and nothing changes', async (_name, text, problem) => {
    await trackTerm(db, WATER);
    const before = await snapshot(db);
    const outcome = await importPackFile(db, new Blob([text]), async () => knowledge, {
      onProgress: () => undefined,
      cancelled: () => false,
    });
    expect(outcome.kind).toBe('refused');
    expect(importMessage(outcome).text).toMatch(problem);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('the import’s sentence', () => {
  it('never claims more than was added: its first number is what was added', () => {
    const n = fc.nat({ max: 30 });
    fc.assert(
      fc.property(n, n, n, n, n, n, (a, u, s, t, g, k) => {
        const sentence = countsSentence(counts([a, u, s], [t, g, k]));
        if (a + t === 0) expect(sentence).toMatch(/^Nothing new was added/);
        else expect(sentence).toMatch(new RegExp(`^Added ${a > 0 ? `${a} articles?` : `${t} tracked terms?`}[ ;.]`));
        // Every non-zero figure is said, once; none that is zero.
        const said = (sentence.match(/\d+/g) ?? []).map(Number);
        expect(said.sort()).toEqual([a, u, s, t, g, k].filter((x) => x > 0).sort());
      }),
    );
  });
});
