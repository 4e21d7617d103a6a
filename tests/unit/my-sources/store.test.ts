import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ownSourcesFor } from '@/lib/my-sources/card-data';
import type { MySourcesDatabase } from '@/lib/my-sources/db';
import { DECLARED_LIMITS } from '@/lib/my-sources/declared';
import { said, t } from '@/lib/i18n';
import { readerMessage } from '@/lib/my-sources/errors';
import { deleteArticle, deleteEverything, saveArticle, SavingError } from '@/lib/my-sources/store';
import { seenBefore } from '@/lib/my-sources/seen-before';
import { readPageMetadata } from '@/lib/my-sources/metadata';
import { Window } from 'happy-dom';
import { article, BUNDLED_SENTENCE, FILLER, freshDatabase, knowledgeWith, ORIGINAL_PASSAGE } from './fixture';

let db: MySourcesDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.close());

const knowledge = knowledgeWith();
const parseHtml = (head: string) =>
  new new Window().DOMParser().parseFromString(`<html><head>${head}</head></html>`, 'text/html') as unknown as Document;
const bankText = `${FILLER}\nThe Bank of North Dakota lends to farmers across the state, its president said on Monday, and it has done so for a century.\n${FILLER}`;

async function counts() {
  return {
    articles: await db.articles.count(),
    texts: await db.texts.count(),
    mentions: await db.mentions.count(),
    statements: await db.figureStatements.count(),
  };
}

describe('saving an article', () => {
  it('stores the text apart, the declared metadata, and every entry mentioned with a verbatim excerpt', async () => {
    const { article: saved, updated } = await saveArticle(
      db,
      knowledge,
      article(bankText, { url: 'https://a.example/1', title: 'Banks', site: 'A News', published: '2025-06-02' }),
    );
    expect(updated).toBe(false);
    expect(saved).toMatchObject({ url: 'https://a.example/1', title: 'Banks', author: null, site: 'A News' });
    expect((await db.texts.get(saved.id))!.text).toBe(bankText);
    const mention = await db.mentions.get(['bank-of-north-dakota', saved.id]);
    expect(mention!.excerpt.text).toMatch(/^The Bank of North Dakota lends/);
    expect(bankText.slice(mention!.excerpt.start, mention!.excerpt.end)).toBe(mention!.excerpt.text);
    const [[start, end]] = mention!.excerpt.highlights as [[number, number]];
    expect(mention!.excerpt.text.slice(start, end)).toBe('Bank of North Dakota');
  });

  it.each([
    [
      'the same canonical address',
      { url: 'https://a.example/1', title: 'New title' },
      `${bankText}\nA correction was added.`,
    ],
    [
      'the same text from another address of the same site',
      { url: 'https://a.example/copy', title: 'New title' },
      bankText,
    ],
    [
      'a canonical address on the page’s own site',
      { url: 'https://a.example/1?utm=x', canonical: 'https://a.example/1', title: 'New title' },
      `${bankText}\nA correction was added.`,
    ],
  ])('updates instead of duplicating when saved again with %s', async (_name, changes, text) => {
    const first = await saveArticle(db, knowledge, article(bankText, { url: 'https://a.example/1' }), 1000);
    const second = await saveArticle(db, knowledge, article(text, changes), 2000);
    expect(second.updated).toBe(true);
    expect(second.article.id).toBe(first.article.id);
    expect(second.article.savedAt).toBe(1000);
    expect(second.article.title).toBe('New title');
    expect(await counts()).toMatchObject({ articles: 1, texts: 1 });
  });

  describe('a page cannot overwrite another site’s saved article', () => {
    const genuine = () =>
      saveArticle(
        db,
        knowledge,
        article(bankText, { url: 'https://a.example/1', title: 'Banks', published: '2025-06-02' }),
        1000,
      );

    it.each([
      [
        'declaring its address as canonical',
        {
          text: `${FILLER}\nThe impostor’s own words about the Bank of North Dakota, none of them true.`,
          metadata: readPageMetadata(
            parseHtml('<title>Impostor</title><link rel="canonical" href="https://a.example/1">'),
            'http://127.0.0.1:8080/impostor.html',
          ),
        },
      ],
      ['copying its text', article(bankText, { url: 'https://impostor.example/copy', title: 'Impostor' })],
      [
        'copying its text and declaring its address',
        article(bankText, {
          url: 'https://impostor.example/copy',
          canonical: 'https://a.example/1',
          title: 'Impostor',
        }),
      ],
    ])('%s: saved as another article, the original untouched', async (_name, impostor) => {
      const original = await genuine();
      const saved = await saveArticle(db, knowledge, impostor, 2000);
      expect(saved.updated).toBe(false);
      expect(saved.article.id).not.toBe(original.article.id);
      expect(saved.article).toMatchObject({ url: impostor.metadata.url, title: 'Impostor' });
      const kept = await db.articles.get(original.article.id);
      const { url, title, published, textHash, savedAt } = original.article;
      expect(kept).toMatchObject({ url, title, published, textHash, savedAt });
      expect((await db.texts.get(original.article.id))!.text).toBe(bankText);
      expect(await counts()).toMatchObject({ articles: 2, texts: 2 });
    });
  });

  it('cleans what the page declares: lengths cut with an ellipsis, bidi overrides and controls gone', async () => {
    const { article: saved } = await saveArticle(
      db,
      knowledge,
      article(bankText, {
        title: `Breaking ${'news '.repeat(200_000)}`,
        author: 'Jane\u202e Doe\u0000',
        site: '\u2067Valley\u2069 Ledger',
        published: '2025-06-02\u202e',
      }),
    );
    expect(saved.title!.length).toBeLessThanOrEqual(DECLARED_LIMITS.title);
    expect(saved.title).toMatch(/^Breaking news news .*news…$/);
    expect(saved).toMatchObject({ author: 'Jane Doe', site: 'Valley Ledger', published: '2025-06-02' });
    expect(await db.articles.get(saved.id)).toEqual(saved);
  });

  it('refuses a page with too little text, saying so', async () => {
    await expect(saveArticle(db, knowledge, article('Too short.'))).rejects.toThrow(SavingError);
    expect(await counts()).toEqual({ articles: 0, texts: 0, mentions: 0, statements: 0 });
  });

  it('stores figure statements with their verdict against the bundled sources', async () => {
    const text = `${FILLER}\nCalifornia has $76 billion in reserves, the governor's office said.\nLater, officials said California holds $80 billion in reserves.\n${FILLER}`;
    const { article: saved } = await saveArticle(db, knowledge, article(text));
    const statements = await db.figureStatements.where('articleId').equals(saved.id).sortBy('start');
    expect(statements.map((s) => [s.claimId, s.text, s.verdict])).toEqual([
      ['california-budget-reserves', '$76 billion', 'matches'],
      ['california-budget-reserves', '$80 billion', 'differs'],
    ]);
  });

  // As the browser reports a full quota or disk after the article and its text were written: Chromium
  // says a full disk with a DataError ("Failed to write blobs (IOError)") or an UnknownError.
  it.each([
    ['QuotaExceededError', 'The quota has been exceeded.', t('errors.storageFull')],
    ['DataError', 'Failed to write blobs (IOError)', t('errors.diskFailed')],
    ['UnknownError', 'Internal error.', t('errors.diskFailed')],
  ])(
    'is one transaction: a %s half-way leaves nothing of it and everything before, and is said in words',
    async (name, message, words) => {
      await saveArticle(db, knowledge, article(bankText, { url: 'https://a.example/1' }));
      const before = await counts();
      vi.spyOn(db.mentions, 'bulkPut').mockRejectedValueOnce(new DOMException(message, name));
      const failed = saveArticle(db, knowledge, article(`${bankText} Another.`, { url: 'https://b.example/2' }));
      await expect(failed).rejects.toThrow();
      expect(await counts()).toEqual(before);
      expect(readerMessage(await failed.catch((e: unknown) => e), 'saveArticle')).toBe(words);
    },
  );
});

describe('independence across the bundled and the saved corpus', () => {
  it('counts a saved article that reproduces a bundled passage for the bundled original only', async () => {
    await saveArticle(db, knowledge, article(`${FILLER}\nAs one newsletter put it: ${BUNDLED_SENTENCE}\n${FILLER}`));
    const own = await ownSourcesFor(db, 'bank-of-north-dakota');
    expect(own.mentioning).toHaveLength(1);
    expect(own.independent).toEqual([]);
    expect(own.excerpts[0]!.quotes).toBe('armitage');
  });

  const entryText = (extra: string) =>
    `${FILLER}\nThe Bank of North Dakota was in the news. ${ORIGINAL_PASSAGE}\n${extra}`;

  it('counts a saved article copying an earlier saved one for the original only, whichever is saved first', async () => {
    const copy = `${FILLER}\nQuoted in full: ${ORIGINAL_PASSAGE} The Bank of North Dakota, it added, was not involved. ${ORIGINAL_PASSAGE}`;
    // The copy is saved first, but the original declares an earlier date.
    const later = await saveArticle(
      db,
      knowledge,
      article(copy, { url: 'https://copy.example/', published: '2025-06-05' }),
    );
    let own = await ownSourcesFor(db, 'bank-of-north-dakota');
    expect(own.independent).toEqual([later.article.id]);
    const original = await saveArticle(
      db,
      knowledge,
      article(entryText(FILLER), { url: 'https://original.example/', published: '2025-06-02' }),
    );
    const copied = await db.articles.get(later.article.id);
    expect(copied!.reproduced.map((p) => p.original)).toContain(original.article.id);
    own = await ownSourcesFor(db, 'bank-of-north-dakota');
    expect(own.mentioning).toEqual([original.article.id, later.article.id]);
    // The copy names the bank in its own words too ("it added"), so both are independent here.
    expect(own.independent).toEqual([original.article.id, later.article.id]);
  });

  it('a mention only inside the reproduced passage counts for the original only; deleting the original frees the copy', async () => {
    const first = await saveArticle(
      db,
      knowledge,
      article(entryText(FILLER), { url: 'https://one.example/', published: '2025-06-01' }),
    );
    const copy = `${FILLER.split('. ')[1]}\nQuoted: The Bank of North Dakota was in the news. ${ORIGINAL_PASSAGE}`;
    const second = await saveArticle(
      db,
      knowledge,
      article(copy, { url: 'https://two.example/', published: '2025-06-03' }),
    );
    let own = await ownSourcesFor(db, 'bank-of-north-dakota');
    expect(own.mentioning).toEqual([first.article.id, second.article.id]);
    expect(own.independent).toEqual([first.article.id]);
    expect(own.excerpts.find((e) => e.article === second.article.id)!.quotes).toBe(first.article.id);
    await deleteArticle(db, first.article.id);
    own = await ownSourcesFor(db, 'bank-of-north-dakota');
    expect(own.independent).toEqual([second.article.id]);
  });
});

describe('deleting', () => {
  it('deletes one article with its index, and everything at once', async () => {
    const a = await saveArticle(db, knowledge, article(bankText, { url: 'https://a.example/1' }));
    await saveArticle(db, knowledge, article(`${bankText}\nMore text here.`, { url: 'https://a.example/2' }));
    await deleteArticle(db, a.article.id);
    expect(await counts()).toMatchObject({ articles: 1, texts: 1, mentions: expect.any(Number) });
    expect(await db.mentions.where('articleId').equals(a.article.id).count()).toBe(0);
    await db.tracked.add({ label: 'water agreement', category: 'concept', aliases: [], createdAt: 0, search: null });
    await deleteEverything(db);
    expect(await counts()).toEqual({ articles: 0, texts: 0, mentions: 0, statements: 0 });
    expect(await db.tracked.count()).toBe(0);
  });
});

describe('seen before', () => {
  it('says which saved articles name the page’s entries, leaving out the page itself', async () => {
    const a = await saveArticle(db, knowledge, article(bankText, { url: 'https://a.example/1', title: 'A' }));
    await saveArticle(
      db,
      knowledge,
      article(`${FILLER}\nCalifornia and the Bank of North Dakota were both named.`, {
        url: 'https://b.example/2',
        title: 'B',
      }),
    );
    const seen = await seenBefore(db, ['bank-of-north-dakota', 'california', 'nowhere'], 'https://b.example/2');
    expect(seen).toMatchObject({ entries: 1, articleCount: 1 });
    expect(seen.articles.map((x) => [x.id, x.shared])).toEqual([[a.article.id, 1]]);
    const all = await seenBefore(db, ['bank-of-north-dakota', 'california'], null);
    expect(all.entries).toBe(2);
    expect(all.articles.map((x) => x.title)).toEqual(['B', 'A']);
  });
});

describe('readerMessage', () => {
  it.each<[string, unknown, RegExp]>([
    ['a quota error wrapped by Dexie', { name: 'AbortError', inner: { name: 'QuotaExceededError' } }, /no room left/],
    [
      'a full disk in Chromium, wrapped by Dexie',
      { name: 'AbortError', inner: { name: 'DataError', message: 'Failed to write blobs (IOError)' } },
      /^Crosscheck could not write to the disk: it may be full/,
    ],
    [
      'a failed disk',
      new DOMException('Internal error opening backing store', 'UnknownError'),
      /could not write to the disk/,
    ],
    [
      'an IO error named only in the message',
      new Error('IO error: /profile/IndexedDB/LOCK'),
      /could not write to the disk/,
    ],
    ['a closed database', { name: 'DatabaseClosedError', message: 'Database has been closed' }, /storage was closed/],
    ['a reader-facing problem', new SavingError(said('save.tooLittleText')), /too little/],
    ['anything else', new Error('boom'), /^Crosscheck could not save this article \(boom\)\. Nothing was changed\.$/],
  ])('%s', (_name, error, expected) => {
    expect(readerMessage(error, 'saveArticle')).toMatch(expected);
  });
});
