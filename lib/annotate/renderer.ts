import type { PageFigure } from '../matching/page-matcher';
import type { EntryRef } from '../kb/types';
import { TRACKED_ID_PREFIX } from '../my-sources/types';
import type { TextMap, LocatedRange } from '../article/text-collector';

/**
 * The boundary between a pass and how its highlights are drawn: the record Crosscheck keeps of each
 * highlight, and the Renderer interface its two renderers implement.
 */

/** What Crosscheck itself recorded about a highlight: the card trusts this, never the page's attributes. */
export interface HighlightRecord {
  readonly entry: EntryRef;
  /** For a figure: the page's value and its verdict against the sources. */
  readonly figure: PageFigure | null;
  /** The elements wrapping the match, when the DOM renderer drew it (one per piece across inline elements). */
  readonly elements: HTMLElement[];
  /** The match's range, when the CSS Custom Highlight renderer drew it (the DOM is untouched). */
  range: Range | null;
}

export interface PendingHighlight extends LocatedRange {
  readonly record: HighlightRecord;
}

/**
 * Draws matches on the page. Two implementations: mark.js elements (the default) and the CSS
 * Custom Highlight API for regions a framework owns or a user edits, where the DOM must not change.
 */
export interface Renderer {
  /** Draws one slice of a pass's matches, filling each record's `elements` or `range`. */
  render(scope: Element, slice: readonly PendingHighlight[], collected: TextMap): void;
  /** Removes these records' highlights, leaving the DOM as it was; the records lose their `elements` or `range`. */
  remove(records: readonly HighlightRecord[]): void;
  /** Removes everything drawn, leaving the DOM as it was. */
  destroy(): void;
}

/**
 * The id a highlight carries in the page's DOM: the entry's, but "tracked" alone for every tracked
 * term, so a page reading its highlights learns no more than which words are highlighted (the
 * record keeps the real id, for the card and the popup).
 */
export function idInPage(entry: EntryRef): string {
  return entry.id.startsWith(TRACKED_ID_PREFIX) ? 'tracked' : entry.id;
}
