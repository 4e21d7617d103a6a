import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kbDetails } from '@/lib/kb/details-data';
import { kbIndex } from '@/lib/kb/index-data';
import type { IndexedEntry } from '@/lib/kb/types';
import { lookupEntry } from '@/lib/kb/lookup';
import { bundledSourceTexts } from '@/lib/kb/source-texts-data';
import type { MySourcesDatabase } from '@/lib/my-sources/db';
import type { ArticleForSaving } from '@/lib/my-sources/extract';
import { MySourcesService } from '@/lib/services/library-service';
import { trackTerm } from '@/lib/my-sources/tracking';
import { article, BUNDLED_SENTENCE, FILLER, freshDatabase } from '../my-sources/fixture';

let db: MySourcesDatabase;
let service: MySourcesService;
let published: IndexedEntry[][];
beforeEach(() => {
  db = freshDatabase();
  published = [];
  service = new MySourcesService(db, kbIndex, kbDetails, bundledSourceTexts, async (tracked) => {
    published.push([...tracked]);
  });
});
afterEach(() => db.close());

const quoting = article(`${FILLER}\nAs one newsletter put it: ${BUNDLED_SENTENCE}`, {
  url: 'https://q.example/',
  site: 'Q',
});

describe('MySourcesService', () => {
  it('saves what the tab reads, and says so; a second save updates', async () => {
    expect(await service.save(async () => quoting)).toEqual({ ok: true, updated: false, title: null });
    expect(await service.save(async () => quoting)).toEqual({ ok: true, updated: true, title: null });
  });

  it.each<[string, () => Promise<ArticleForSaving | null>, RegExp]>([
    ['a page without an article', async () => null, /found no article/],
    ['a tab that does not answer', () => Promise.reject(new Error('no receiver')), /found no article/],
    ['too little text', async () => article('Short.'), /too little article text/],
  ])('tells the reader what went wrong: %s', async (_name, read, problem) => {
    const reply = await service.save(read);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.problem).toMatch(problem);
  });

  it('adds own sources to a card, with the bundled source a saved article quotes', async () => {
    await service.save(async () => quoting);
    const response = await service.entryWithOwn('bank-of-north-dakota');
    expect(response.entry?.label).toBe('Bank of North Dakota');
    expect(response.own?.mentioning).toHaveLength(1);
    expect(response.own?.excerpts[0]!.quotes).toBe('armitage');
    expect(response.sources.some((s) => s.id === 'armitage')).toBe(true);
  });

  it('gives a tracked term its card, its list to content scripts, and runs its search after a change', async () => {
    await service.save(async () => article(`${FILLER}\nThe water compact was signed on Monday by eleven towns.`));
    await service.changed();
    const id = await trackTerm(db, { label: 'water compact', category: 'concept', aliases: [] });
    await service.changed();
    expect(published.map((list) => list.map((e) => e.id))).toEqual([[], [`tracked-${id}`]]);
    const card = await service.entryWithOwn(`tracked-${id}`);
    expect(card.entry?.label).toBe('water compact');
    expect(card.own?.mentioning).toHaveLength(1);
  });

  it('answers the knowledge base alone where the library is not asked for: nothing of the reader’s', async () => {
    await service.save(async () => quoting);
    const id = await trackTerm(db, { label: 'water compact', category: 'concept', aliases: [] });
    await service.changed();
    expect(service.entry('bank-of-north-dakota')).toEqual(lookupEntry(kbDetails, 'bank-of-north-dakota'));
    expect(service.entry(`tracked-${id}`).entry).toBeNull();
  });

  it('still answers with the bundled card when the store cannot be read', async () => {
    vi.spyOn(db, 'transaction').mockImplementation(() => {
      throw Object.assign(new Error('no IndexedDB here'), { name: 'InvalidStateError' });
    });
    const response = await service.entryWithOwn('bank-of-north-dakota');
    expect(response.entry?.label).toBe('Bank of North Dakota');
    expect(response.own).toBeUndefined();
    expect((await service.entryWithOwn('no-such-entry')).entry).toBeNull();
  });
});
