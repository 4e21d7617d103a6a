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
