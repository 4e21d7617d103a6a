import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { MySourcesDatabase, SCHEMA_V1 } from '@/lib/my-sources/db';

describe('the database schema', () => {
  it('upgrades version 1 (texts inside the article records) to version 2 (texts apart, tracked terms)', async () => {
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
    expect(db.verno).toBe(2);
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
});
