import type { FigureReading } from '../figures/number-parser';
import type { Category } from '../kb/types';

/**
 * The reader's own sources as stored in the extension's IndexedDB (see db.ts). Each saved article
 * is kept with what indexing found in it, so a card's data is a lookup, not a scan.
 */

/** Where a passage comes from: a bundled source (its id) or a saved article (its number). */
export type SourceRef = string | number;

/** A passage of a saved article that reproduces an earlier source (the build's 8-word-run detection). */
export interface StoredPassage {
  readonly start: number;
  readonly end: number;
  readonly original: SourceRef;
}

export interface SavedArticle {
  /** Assigned by the database. */
  readonly id?: number;
  readonly url: string;
  readonly title: string | null;
  readonly author: string | null;
  readonly site: string | null;
  /** As the page declared it; null when it declared none. */
  readonly published: string | null;
  /** When the reader saved it (ms since the epoch); a re-save keeps the first time. */
  readonly savedAt: number;
  /** SHA-256 of the text with its spacing normalised: the same text saved from two addresses is one article. */
  readonly textHash: string;
  readonly length: number;
  readonly reproduced: readonly StoredPassage[];
  /** Winnowed 8-word n-gram hashes (multi-entry index): finds the articles that may share a passage. */
  readonly fingerprints: readonly number[];
}

/** Saved articles' texts, apart from their records, so that listing articles never loads them. */
export interface ArticleText {
  readonly articleId: number;
  readonly text: string;
}

/** A verbatim span of a saved article's text, with the mentions inside it as offsets into `text`. */
export interface StoredExcerpt {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly highlights: readonly (readonly [number, number])[];
}

/** Every mention of one entry in one saved article. */
export interface StoredMention {
  readonly entryId: string;
  readonly articleId: number;
  readonly spans: readonly (readonly [number, number])[];
  readonly excerpt: StoredExcerpt;
}

/** A number in a saved article that states a figure claim, and its verdict against the bundled sources. */
export interface StoredFigureStatement extends Readonly<FigureReading> {
  readonly id?: number;
  readonly claimId: string;
  readonly articleId: number;
  /** Null where no bundled statement can be compared, or the number may belong to another claim. */
  readonly verdict: 'matches' | 'differs' | null;
}

export const TRACKED_CATEGORIES = [
  'concept',
  'law',
  'person',
  'organization',
  'place',
] as const satisfies readonly Category[];
export type TrackedCategory = (typeof TRACKED_CATEGORIES)[number];

/** A term the reader tracks: highlighted on pages and looked for in every saved article. */
export interface TrackedTerm {
  readonly id?: number;
  readonly label: string;
  readonly category: TrackedCategory;
  readonly aliases: readonly string[];
  readonly createdAt: number;
  /**
   * The search of the saved articles: how many were searched, and the last article id searched
   * (articles are searched in id order, so a search cut short resumes after it). Null when done.
   */
  readonly search: { readonly searched: number; readonly after: number } | null;
}

/** Tracked entries' ids start with this; the knowledge base's ids never do (they are authored slugs). */
export const TRACKED_ID_PREFIX = 'tracked-';
