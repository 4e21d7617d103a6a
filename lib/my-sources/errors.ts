import { SavingError } from './store';

/**
 * What the reader is told when storing fails: a full disk or quota in words they can act on, never
 * a silent failure or a bare DOMException.
 */
export const STORAGE_FULL =
  'There is no room left to store this: the disk, or the space the browser allows Crosscheck, is full. Nothing was changed. Free some disk space, or delete saved articles on the options page, and try again.';

function names(error: unknown): string[] {
  const found: string[] = [];
  // Dexie wraps the browser's error (an AbortError whose inner error is the QuotaExceededError).
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { name, inner } = e as { name?: unknown; inner?: unknown };
    if (typeof name === 'string') found.push(name);
    e = inner;
  }
  return found;
}

/** `doing`: what failed, as the end of "Crosscheck could not …" ("save this article"). */
export function readerMessage(error: unknown, doing: string): string {
  if (error instanceof SavingError) return error.message;
  const all = names(error);
  if (all.includes('QuotaExceededError')) return STORAGE_FULL;
  if (all.includes('DatabaseClosedError') || all.includes('InvalidStateError')) {
    return `Crosscheck could not ${doing}: its storage was closed (the browser may be shutting down or clearing data). Nothing was changed; try again.`;
  }
  const message = error instanceof Error && error.message ? ` (${error.message})` : '';
  return `Crosscheck could not ${doing}${message}. Nothing was changed.`;
}
