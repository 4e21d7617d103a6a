import type { EntryDetails, SourceRecord } from './kb/types';

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
