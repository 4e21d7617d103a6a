import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { bundledSourceTexts } from '@/lib/kb/source-texts-data';
import { kbIndex } from '@/lib/kb/index-data';
import { MySourcesDatabase } from '@/lib/my-sources/db';
import type { ArticleForSaving } from '@/lib/my-sources/extract';
import { createKnowledge, trackedEntry } from '@/lib/my-sources/indexing';
import type { PageMetadata } from '@/lib/my-sources/metadata';
import type { TrackedTerm } from '@/lib/my-sources/types';

/** A fresh in-memory database (fake-indexeddb), its own IndexedDB each time. */
export function freshDatabase(): MySourcesDatabase {
  return new MySourcesDatabase('test', { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** The real knowledge base, with the given tracked terms. */
export function knowledgeWith(tracked: readonly TrackedTerm[] = []) {
  return createKnowledge(kbIndex, bundledSourceTexts, tracked.map(trackedEntry));
}

export function metadata(changes: Partial<PageMetadata>): PageMetadata {
  return {
    url: 'https://news.example/a',
    canonical: null,
    title: null,
    author: null,
    site: null,
    published: null,
    ...changes,
  };
}

export function article(text: string, changes: Partial<PageMetadata> = {}): ArticleForSaving {
  return { text, metadata: metadata(changes) };
}

/** A sentence of the bundled article by Armitage: a saved article that copies it reproduces a bundled source. */
export const BUNDLED_SENTENCE =
  'The Bank of North Dakota, profitable every year since 1919, offers a model for state banking that could reduce federal dependence.';

/** Filler prose that names nothing in the knowledge base. */
export const FILLER =
  'Reporters spent the week talking with residents about schools, roads and the weather, and most said they wanted quieter politics. ' +
  'Several shop owners described a slow spring and hoped the summer season would bring more visitors to the harbour.';

export const ORIGINAL_PASSAGE =
  'Officials in the valley said the new water agreement would let farms and towns share the river through dry summers without another lawsuit.';
