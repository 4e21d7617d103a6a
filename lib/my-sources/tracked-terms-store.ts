import { browser } from 'wxt/browser';
import { CATEGORIES, type IndexedEntry } from '../kb/types';

/**
 * The reader's tracked terms as the background's page matcher needs them, kept by the background
 * in the extension's local storage whenever they change: when its worker starts again, the matcher
 * reads them from there at once, without waiting for the reader's database to be read.
 */

export const TRACKED_TERMS_KEY = 'trackedTerms';

/** What was stored, if it is a list of entries with forms; anything else is no tracked terms. */
export function readTrackedTerms(stored: unknown): IndexedEntry[] {
  const valid =
    Array.isArray(stored) &&
    stored.length <= 10_000 &&
    stored.every(
      (entry: unknown) =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as IndexedEntry).id === 'string' &&
        typeof (entry as IndexedEntry).label === 'string' &&
        (CATEGORIES as readonly unknown[]).includes((entry as IndexedEntry).category) &&
        Array.isArray((entry as IndexedEntry).forms) &&
        (entry as IndexedEntry).forms.every((form) => typeof form?.text === 'string' && form.text.length > 0),
    );
  return valid ? (stored as IndexedEntry[]) : [];
}

/** Never throws: without them, pages are annotated with the knowledge base alone. */
export async function loadTrackedTerms(): Promise<IndexedEntry[]> {
  try {
    return readTrackedTerms((await browser.storage.local.get(TRACKED_TERMS_KEY))[TRACKED_TERMS_KEY]);
  } catch {
    return [];
  }
}

/**
 * Stores the terms when they differ from those stored: the background publishes at every start of
 * its worker, and each write would wake the storage listeners of every open tab for nothing.
 */
export async function publishTrackedTerms(entries: readonly IndexedEntry[]): Promise<void> {
  const stored: unknown = (await browser.storage.local.get(TRACKED_TERMS_KEY))[TRACKED_TERMS_KEY];
  if (JSON.stringify(stored) === JSON.stringify(entries)) return;
  await browser.storage.local.set({ [TRACKED_TERMS_KEY]: entries });
}
