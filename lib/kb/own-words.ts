/**
 * Whether an excerpt or a figure statement is its source's own words: not a passage reproduced
 * from an earlier source, and not written into the source's file by someone else (an aggregator's
 * summary). Only those count as the source naming an entry or stating a figure.
 */
export function isOwnWords(item: { readonly quotes: string | null; readonly credit: string | null }): boolean {
  return item.quotes === null && item.credit === null;
}
