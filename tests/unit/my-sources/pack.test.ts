import fc from 'fast-check';
import { say } from '@/lib/i18n';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ownSourcesFor } from '@/lib/my-sources/card-data';
import type { MySourcesDatabase } from '@/lib/my-sources/db';
import { DECLARED_LIMITS } from '@/lib/my-sources/declared';
import { importInBatches } from '@/lib/my-sources/import';
import { exportPack, PACK_FORMAT, PACK_VERSION, readPack, type KnowledgePack } from '@/lib/my-sources/pack';
import { saveArticle, SavingError } from '@/lib/my-sources/store';
import { trackTerm } from '@/lib/my-sources/tracking';
import { article, BUNDLED_SENTENCE, FILLER, freshDatabase, knowledgeWith } from './fixture';

let db: MySourcesDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.close());

const knowledge = knowledgeWith();
const importPack = (target: MySourcesDatabase, pack: KnowledgePack) =>
  importInBatches(target, knowledge, pack, { onProgress: () => undefined, cancelled: () => false });
const bankText = `${FILLER}\nThe Bank of North Dakota lends to farmers across the state, its president said on Monday.`;

async function snapshot(target: MySourcesDatabase) {
  return {
    articles: (await target.articles.toArray()).map(({ url, title, savedAt }) => ({ url, title, savedAt })),
    texts: await target.texts.count(),
    mentions: await target.mentions.count(),
    statements: await target.figureStatements.count(),
    tracked: (await target.tracked.toArray()).map(({ label, aliases }) => ({ label, aliases })),
  };
}

async function filled() {
  await saveArticle(
    db,
    knowledge,
    article(bankText, { url: 'https://a.example/1', title: 'Banks', published: '2025-06-02' }),
    10,
  );
  await saveArticle(
    db,
    knowledge,
    article(`${FILLER}\nQuoted: ${BUNDLED_SENTENCE}`, { url: 'https://b.example/2', author: 'Jo' }),
    20,
  );
  await trackTerm(db, { label: 'water agreement', category: 'concept', aliases: ['river pact'] });
}

describe('knowledge packs', () => {
  it('export, delete all, import: the same articles, tracked terms and card data', async () => {
    await filled();
    const before = await snapshot(db);
    const cardBefore = await ownSourcesFor(db, 'bank-of-north-dakota');
    const pack = await exportPack(db, new Date('2026-01-01T00:00:00Z'));
    expect(pack).toMatchObject({ format: PACK_FORMAT, version: PACK_VERSION, exportedAt: '2026-01-01T00:00:00.000Z' });
    const json = JSON.stringify(pack);

    const other = freshDatabase();
    const read = readPack(json);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(await importPack(other, read.pack)).toMatchObject({
      kind: 'finished',
      counts: { articles: { added: 2, updated: 0, unchanged: 0 }, tracked: { added: 1, gainedNames: 0, unchanged: 0 } },
    });
    expect(await snapshot(other)).toEqual(before);
    expect(await ownSourcesFor(other, 'bank-of-north-dakota')).toEqual(cardBefore);
    // The imported tracked term still has its search to do.
    expect((await other.tracked.toArray())[0]!.search).toEqual({ searched: 0, after: 0 });
    other.close();
  });

  it('merges: an article already saved is updated, not duplicated; a tracked term gains aliases', async () => {
    await filled();
    const pack = await exportPack(db);
    const changed = {
      ...pack,
      articles: [{ ...pack.articles[0]!, title: 'Banks, updated' }],
      tracked: [{ label: 'water agreement', category: 'concept' as const, aliases: ['water deal'] }],
    };
    await importPack(db, changed);
    const after = await snapshot(db);
    expect(after.articles.map((a) => a.title)).toEqual(['Banks, updated', null]);
    expect(after.tracked).toEqual([{ label: 'water agreement', aliases: ['river pact', 'water deal'] }]);
  });

  const valid = () => ({ format: PACK_FORMAT, version: PACK_VERSION, exportedAt: 'x', articles: [], tracked: [] });

  it.each<[string, string, RegExp]>([
    ['not JSON', '{"format": "crosscheck', /not JSON/],
    ['a foreign file', JSON.stringify({ bookmarks: [] }), /not a Crosscheck knowledge pack/],
    [
      'a newer version',
      JSON.stringify({ ...valid(), version: PACK_VERSION + 1 }),
      /newer Crosscheck \(pack version 2\)/,
    ],
    [
      'a damaged pack',
      JSON.stringify({
        ...valid(),
        articles: [
          { url: 'ftp://x', title: null, author: null, site: null, published: null, savedAt: 1, text: 'short' },
        ],
      }),
      /damaged.*articles\[0\]\.url.*articles\[0\]\.text/,
    ],
    [
      'an unknown category',
      JSON.stringify({ ...valid(), tracked: [{ label: 'ab', category: 'figure', aliases: [] }] }),
      /tracked\[0\]\.category/,
    ],
  ])('refuses %s, saying what is wrong, and changes nothing', async (_name, json, problem) => {
    await filled();
    const before = await snapshot(db);
    const read = readPack(json);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(say(read.problem)).toMatch(problem);
    expect(await snapshot(db)).toEqual(before);
  });

  it('imports a pack from an older Crosscheck whose titles are longer than saving keeps now, cut as a save cuts them', async () => {
    await filled();
    const pack = await exportPack(db);
    const old = { ...pack, articles: [{ ...pack.articles[0]!, title: 'A'.repeat(1_000_000), author: 'Jo\u202e' }] };
    const read = readPack(JSON.stringify(old));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.pack.articles[0]).toMatchObject({ title: `${'A'.repeat(DECLARED_LIMITS.title - 1)}…`, author: 'Jo' });
    const other = freshDatabase();
    expect((await importPack(other, read.pack)).kind).toBe('finished');
    expect((await other.articles.toArray()).map((a) => a.title)).toEqual([read.pack.articles[0]!.title]);
    other.close();
  });
});

describe('every library the store accepts survives export → import unchanged', () => {
  /** Declared text as hostile pages write it: any code units, controls, bidi overrides, far too long. */
  const declared = fc.option(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 400 }),
      fc.constantFrom('Jane\u202e Doe', '\u2067عربي\u2069 2025', '\ud800 lone', ' \u0000\u001b[31m '),
      fc.string({ unit: fc.constantFrom('a', ' ', '\u202e', '\u200f', '😀', '\u0301', '\n'), maxLength: 600 }),
      fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.nat({ max: 1000 })).map(([word, n]) => word.repeat(n)),
    ),
    { nil: null },
  );
  const save = fc.record({
    url: fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.constant('https://a.example/1')),
    canonical: fc.option(fc.oneof(fc.webUrl(), fc.constant('https://a.example/canonical')), { nil: null }),
    title: declared,
    author: declared,
    site: declared,
    published: declared,
    words: fc.string({ unit: fc.constantFrom('bank ', 'river ', 'California ', 'x', '\u202e', ' '), maxLength: 60 }),
  });
  const track = fc.record({
    label: fc.string({ unit: 'grapheme', maxLength: 210 }),
    category: fc.constantFrom('concept' as const, 'law' as const, 'person' as const, 'organization' as const),
    aliases: fc.array(fc.string({ maxLength: 210 }), { maxLength: 3 }),
  });

  it('whatever pages declared and whatever the reader tracked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(save, { maxLength: 4 }), fc.array(track, { maxLength: 3 }), async (saves, terms) => {
        const library = freshDatabase();
        const restored = freshDatabase();
        try {
          let savedAt = 1;
          for (const { words, ...metadata } of saves) {
            // The store's refusals (an address it cannot keep) are part of what it accepts.
            await saveArticle(library, knowledge, { text: `${FILLER}\n${words}`, metadata }, savedAt++).catch(
              (error: unknown) => {
                if (!(error instanceof SavingError)) throw error;
              },
            );
          }
          for (const term of terms) {
            await trackTerm(library, term).catch((error: unknown) => {
              if (!(error instanceof SavingError)) throw error;
            });
          }
          const at = new Date('2026-01-01T00:00:00Z');
          const exported = await exportPack(library, at);
          const read = readPack(JSON.stringify(exported));
          if (!read.ok) throw new Error(say(read.problem));
          expect(read.pack).toEqual(exported);
          expect((await importPack(restored, read.pack)).kind).toBe('finished');
          expect(await exportPack(restored, at)).toEqual(exported);
        } finally {
          library.close();
          restored.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
