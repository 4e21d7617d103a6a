import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { MySourcesDatabase, SCHEMA_V1, SCHEMA_V2 } from '@/lib/my-sources/db';

describe('the database schema', () => {
  it('upgrades version 1 (texts inside the article records) to version 2 (texts apart, tracked terms), then 3', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('upgrade', { indexedDB, IDBKeyRange });
    v1.version(1).stores(SCHEMA_V1);
    const records = Array.from({ length: 450 }, (_, n) => ({
      url: `https://a.example/${n}`,
      title: `T${n}`,
      author: null,
      site: null,
      published: null,
      savedAt: n,
      textHash: `h${n}`,
      length: 9,
      reproduced: [],
      fingerprints: [n],
      text: `text ${n}`,
    }));
    await v1.table('articles').bulkAdd(records);
    await v1.table('mentions').add({
      entryId: 'california',
      articleId: 1,
      spans: [[0, 4]],
      excerpt: { start: 0, end: 4, text: 'text', highlights: [] },
    });
    v1.close();

    const db = new MySourcesDatabase('upgrade', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.articles.count()).toBe(450);
    expect(await db.texts.count()).toBe(450);
    const first = await db.articles.get(1);
    expect(first).not.toHaveProperty('text');
    expect(first!.title).toBe('T0');
    expect((await db.texts.get(450))!.text).toBe('text 449');
    expect(await db.mentions.count()).toBe(1);
    expect(await db.tracked.count()).toBe(0);
    expect(await db.articles.where('fingerprints').equals(7).count()).toBe(1);
    db.close();
  });

  it('upgrades version 2 to 3: declared fields cleaned as saving cleans them; one text may be saved from two sites', async () => {
    const indexedDB = new IDBFactory();
    const v2 = new Dexie('upgrade-3', { indexedDB, IDBKeyRange });
    v2.version(2).stores(SCHEMA_V2);
    const record = {
      url: 'https://a.example/1',
      title: 'x'.repeat(1_000_000),
      author: 'Jane Doe\u202e',
      site: 'Valley Ledger',
      published: '2025-06-02',
      savedAt: 1,
      textHash: 'same',
      length: 9,
      reproduced: [],
      fingerprints: [1],
    };
    await v2.table('articles').add({ ...record });
    v2.close();

    const db = new MySourcesDatabase('upgrade-3', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(3);
    const upgraded = await db.articles.get(1);
    expect(upgraded).toMatchObject({
      url: record.url,
      author: 'Jane Doe',
      site: 'Valley Ledger',
      published: '2025-06-02',
    });
    expect(upgraded!.title).toMatch(/^x{299}…$/);
    await db.articles.add({ ...record, url: 'https://impostor.example/copy' });
    expect(await db.articles.where('textHash').equals('same').count()).toBe(2);
    db.close();
  });
});
