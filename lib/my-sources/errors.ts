import { said, say, type Said } from '../i18n';
import { SavingError } from './store';

/** What was being done when storing failed, as the end of "Crosscheck could not …" (doing.*). */
export type Doing =
  | 'saveArticle'
  | 'importPack'
  | 'importRest'
  | 'deleteArticle'
  | 'deleteSources'
  | 'changeTracked'
  | 'stopTracking'
  | 'exportSources'
  | 'readSaved'
  | 'trackTerm';

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

/**
 * What the reader is told when storing fails, to be said where the browser's messages are at hand
 * (the import worker has none): a full disk or quota in words they can act on, never a silent
 * failure or a bare DOMException. Chromium reports a full disk as a `DataError` ("Failed to write
 * blobs (IOError)") or an `UnknownError`, not as a QuotaExceededError.
 */
export function readerProblem(error: unknown, doing: Doing): Said {
  if (error instanceof SavingError) return error.said;
  const { names: all, messages } = causes(error);
  if (all.includes('QuotaExceededError')) return said('errors.storageFull');
  if (all.includes('DataError') || all.includes('UnknownError') || /\bIO ?Error\b/i.test(messages)) {
    return said('errors.diskFailed');
  }
  const what = said(`doing.${doing}`);
  if (all.includes('DatabaseClosedError') || all.includes('InvalidStateError'))
    return said('errors.closed', { doing: what });
  // The browser's own words for an unforeseen failure, as it gives them.
  return error instanceof Error && error.message
    ? said('errors.failedWith', { doing: what, detail: error.message })
    : said('errors.failed', { doing: what });
}

/** The reader's words for a failure to store (see readerProblem). */
export function readerMessage(error: unknown, doing: Doing): string {
  return say(readerProblem(error, doing));
}
