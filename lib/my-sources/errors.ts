import { SavingError } from './store';

/**
 * What the reader is told when storing fails: a full disk or quota in words they can act on, never
 * a silent failure or a bare DOMException.
 */

/** The disk or the browser's quota for Crosscheck is full. */
export const STORAGE_FULL =
  'There is no room left to store this: the disk, or the space the browser allows Crosscheck, is full. Nothing was changed. Free some disk space, or delete saved articles on the options page, and try again.';

/**
 * The disk itself failed a write. Chromium reports a full disk as a `DataError` ("Failed to write
 * blobs (IOError)") or an `UnknownError`, not as a QuotaExceededError.
 */
export const DISK_FAILED =
  'Crosscheck could not write to the disk: it may be full, or the browser could not use it. Nothing was changed. Free some disk space, or delete saved articles on the options page, and try again.';

/** The names and messages of an error and the errors it wraps. */
function causes(error: unknown): { names: string[]; messages: string } {
  const names: string[] = [];
  const messages: string[] = [];
  // Dexie wraps the browser's error (an AbortError whose inner error is the QuotaExceededError).
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { name, message, inner } = e as { name?: unknown; message?: unknown; inner?: unknown };
    if (typeof name === 'string') names.push(name);
    if (typeof message === 'string') messages.push(message);
    e = inner;
  }
  return { names, messages: messages.join(' ') };
}

/** `doing`: what failed, as the end of "Crosscheck could not …" ("save this article"). */
export function readerMessage(error: unknown, doing: string): string {
  if (error instanceof SavingError) return error.message;
  const { names: all, messages } = causes(error);
  if (all.includes('QuotaExceededError')) return STORAGE_FULL;
  if (all.includes('DataError') || all.includes('UnknownError') || /\bIO ?Error\b/i.test(messages)) return DISK_FAILED;
  if (all.includes('DatabaseClosedError') || all.includes('InvalidStateError')) {
    return `Crosscheck could not ${doing}: its storage was closed (the browser may be shutting down or clearing data). Nothing was changed; try again.`;
  }
  const message = error instanceof Error && error.message ? ` (${error.message})` : '';
  return `Crosscheck could not ${doing}${message}. Nothing was changed.`;
}
