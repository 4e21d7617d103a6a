import type { Category, EntryDetails, SourceRecord } from './kb/types';

/**
 * Messages between the content script and the background. Every receiver checks the shape (and
 * the background the sender) before acting: a page cannot talk to the extension.
 */

export interface EntryRequest {
  readonly type: 'crosscheck:get-entry';
  readonly id: string;
}

/** A card's data: the entry (null when the knowledge base has no such id) and the sources it cites. */
export interface EntryResponse {
  readonly entry: EntryDetails | null;
  readonly sources: readonly SourceRecord[];
  /** How many sources the knowledge base was built from. */
  readonly corpusSize: number;
}

export function entryRequest(id: string): EntryRequest {
  return { type: 'crosscheck:get-entry', id };
}

export function isEntryRequest(message: unknown): message is EntryRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, id } = message as Record<string, unknown>;
  return type === 'crosscheck:get-entry' && typeof id === 'string' && id.length <= 200;
}

export function isEntryResponse(message: unknown): message is EntryResponse {
  if (typeof message !== 'object' || message === null) return false;
  const { entry, sources, corpusSize } = message as Record<string, unknown>;
  return typeof entry === 'object' && Array.isArray(sources) && typeof corpusSize === 'number';
}

/** The context-menu item and the keyboard command (see wxt.config.ts) for "Check this figure". */
export const CHECK_FIGURE_MENU_ID = 'crosscheck-check-figure';
export const CHECK_FIGURE_COMMAND = 'check-figure';

/** Sent by the background to a tab when the reader asks to check the selected figure. */
export interface CheckSelectionRequest {
  readonly type: 'crosscheck:check-selection';
}

export const CHECK_SELECTION: CheckSelectionRequest = { type: 'crosscheck:check-selection' };

export function isCheckSelectionRequest(message: unknown): message is CheckSelectionRequest {
  return (
    typeof message === 'object' && message !== null && (message as { type?: unknown }).type === CHECK_SELECTION.type
  );
}

/** From the popup to the current tab. */
export type TabRequest =
  | { readonly type: 'crosscheck:page-summary' }
  | { readonly type: 'crosscheck:reveal'; readonly id: string }
  | { readonly type: 'crosscheck:annotate-page' }
  | { readonly type: 'crosscheck:toggle-highlights' };

/** An entry mentioned on the page, as the content script reports it: the popup adds its label. */
export interface MentionedEntry {
  readonly id: string;
  readonly category: Category;
  readonly count: number;
}

/** An entry mentioned on the page, as the popup lists it. */
export interface FoundEntry extends MentionedEntry {
  readonly label: string;
}

/** What the content script reports about its page to the popup. */
export interface PageSummary {
  readonly site: string;
  /** False when Crosscheck is off or paused on this site. */
  readonly active: boolean;
  /** What is being annotated: the detected article, the whole page on request, or nothing. */
  readonly scope: 'article' | 'page' | 'none';
  readonly entries: readonly MentionedEntry[];
}

const TAB_REQUEST_TYPES = new Set([
  'crosscheck:page-summary',
  'crosscheck:reveal',
  'crosscheck:annotate-page',
  'crosscheck:toggle-highlights',
]);

export function isTabRequest(message: unknown): message is TabRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, id } = message as Record<string, unknown>;
  if (typeof type !== 'string' || !TAB_REQUEST_TYPES.has(type)) return false;
  return type !== 'crosscheck:reveal' || (typeof id === 'string' && id.length <= 200);
}

export function isPageSummary(message: unknown): message is PageSummary {
  if (typeof message !== 'object' || message === null) return false;
  const { site, active, scope, entries } = message as Record<string, unknown>;
  return typeof site === 'string' && typeof active === 'boolean' && typeof scope === 'string' && Array.isArray(entries);
}

export const TOGGLE_HIGHLIGHTS_COMMAND = 'toggle-highlights';

/** From a tab's content script to the background: what the toolbar badge should say for that tab. */
export interface FoundReport {
  readonly type: 'crosscheck:found';
  /** Distinct entries highlighted on the page (0 where Crosscheck is paused or found nothing). */
  readonly entries: number;
  /** Figures on the page that differ from what the sources state. */
  readonly differing: number;
}

export function isFoundReport(message: unknown): message is FoundReport {
  if (typeof message !== 'object' || message === null) return false;
  const { type, entries, differing } = message as Record<string, unknown>;
  const count = (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) < 1e6;
  return type === 'crosscheck:found' && count(entries) && count(differing);
}
