/**
 * The shapes of the generated knowledge base: the `KbIndex` (entries' forms, figure claims: what
 * matching needs) and the `KbDetails` (excerpts, agreement, sources: what a card shows). Both stay
 * in the background and the extension's pages; a page knows an entry by its `EntryRef` alone, and
 * a card's data reaches the card's frame on request.
 */

import type { FigureReading, FigureUnit } from '../figures/number-parser';
import type { StatedValue } from '../figures/verdict';

export const CATEGORIES = ['concept', 'law', 'person', 'organization', 'place', 'figure'] as const;
export type Category = (typeof CATEGORIES)[number];

/** A surface form the matcher looks for. */
export interface IndexedForm {
  readonly text: string;
  readonly caseSensitive: boolean;
  /** Matched only after one of the entry's other forms appeared earlier in the same text. */
  readonly shortForm: boolean;
}

/**
 * An entry as a page knows it: what a highlight carries. Its label and everything a card shows
 * stay with the extension's pages and background, which look them up by id.
 */
export interface EntryRef {
  readonly id: string;
  readonly category: Category;
}

export interface IndexedEntry extends EntryRef {
  readonly label: string;
  readonly forms: readonly IndexedForm[];
}

/** A figure claim as matching needs it: enough to link a number on a page to it. */
export interface IndexedFigure {
  readonly id: string;
  readonly label: string;
  readonly unit: FigureUnit;
  readonly cues: readonly (readonly string[])[];
  /** What the independent sources state: enough to judge a number on the page without the details. */
  readonly stated: readonly StatedValue[];
  readonly asOf: string | null;
}

export interface KbIndex {
  readonly entries: readonly IndexedEntry[];
  readonly figures: readonly IndexedFigure[];
  /** How many sources the knowledge base was built from (the popup says so). */
  readonly sourceCount: number;
}

export interface SourceRecord {
  readonly id: string;
  readonly file: string;
  readonly title: string | null;
  readonly author: string | null;
  readonly outlet: string | null;
  readonly date: string | null;
  readonly dateNote: string | null;
  readonly url: string | null;
  readonly language: string;
  /** What the source is ("blog post"): how readers are told of it when title and author are unknown. */
  readonly kind: string | null;
}

/** A verbatim span of a source file: `text === file.slice(start, end)`. */
export interface Excerpt {
  readonly source: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The mention inside the excerpt, as offsets into `text` (empty for authored excerpts). */
  readonly highlights: readonly (readonly [number, number])[];
  /** Set when the excerpt lies inside a passage reproduced from an earlier source. */
  readonly quotes: string | null;
  /**
   * Set when someone other than the source's author wrote the passage (an aggregator's summary):
   * who readers are told wrote it. Such an excerpt is never counted as the source's own mention.
   */
  readonly credit: string | null;
  /** The excerpt's own language (a source can mix languages, e.g. a Chinese summary before an English article). */
  readonly language: string;
}

export interface Agreement {
  /** Sources that mention the entry, in manifest order. */
  readonly sources: readonly string[];
  /** Those whose mention is their own, not inside a passage quoted from another source. */
  readonly independent: readonly string[];
}

export interface Role {
  readonly title: string;
  readonly asOf: string | null;
  readonly source: string;
}

/** One source's statement of a figure: the verbatim expression and the value it parses to. */
export interface FigureStatement extends Readonly<FigureReading> {
  readonly source: string;
  /** Set when the statement lies inside a passage reproduced from an earlier source. */
  readonly quotes: string | null;
  /** Set when someone other than the author wrote the passage (see Excerpt.credit): not the source's statement. */
  readonly credit: string | null;
}

/**
 * How the independent sources' values compare: `agrees` (all consistent), `conflicts`, `single
 * source` (one independent source states it), or `unstated` (no source states it as a number).
 */
export type FigureStatus = 'agrees' | 'conflicts' | 'single source' | 'unstated';

export interface FigureFacts {
  readonly unit: FigureUnit;
  readonly asOf: string | null;
  readonly statements: readonly FigureStatement[];
  readonly status: FigureStatus;
  /** This value is derived from two other figures: first / second. */
  readonly ratioOf: readonly [string, string] | null;
  /** The ratio of those two figures as their sources state them, and whether this figure fits it. */
  readonly derived: DerivedCheck | null;
}

/** A check of a figure against the ratio of two others ("67 times" against 40 million / 580,000). */
export interface DerivedCheck {
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly inputs: readonly [FigureStatement, FigureStatement];
  readonly consistent: boolean;
  /** (derived − stated) / stated × 100, against this figure's first independent statement. */
  readonly differencePct: number;
}

export interface EntryDetails {
  readonly id: string;
  readonly category: Category;
  readonly label: string;
  /** In English. */
  readonly summary: string;
  /**
   * In Simplified Chinese, naming the same sources: every bundled entry has one; a reader's
   * tracked term has none (its summary is the interface's own text).
   */
  readonly summaryZh?: string;
  readonly related: readonly { readonly id: string; readonly label: string; readonly category: Category }[];
  readonly roles: readonly Role[];
  readonly excerpts: readonly Excerpt[];
  readonly agreement: Agreement;
  /** For figure entries: what each source states and how the values compare. */
  readonly figure: FigureFacts | null;
}

export interface KbDetails {
  readonly sources: readonly SourceRecord[];
  readonly entries: Readonly<Record<string, EntryDetails>>;
}

/** A card's data from the bundled knowledge base: the entry (null when there is no such id) and the sources it cites. */
export interface BundledEntry {
  readonly entry: EntryDetails | null;
  readonly sources: readonly SourceRecord[];
  /** How many sources the knowledge base was built from. */
  readonly corpusSize: number;
}
