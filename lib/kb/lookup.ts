import type { BundledEntry, KbDetails } from './types';

/** Looking a card's data up in the bundled knowledge base: for the background's answers and the options page. */

/** A card's data for `id`: the entry and exactly the sources its excerpts and roles cite. */
export function lookupEntry(details: KbDetails, id: string): BundledEntry {
  const entry = Object.hasOwn(details.entries, id) ? details.entries[id]! : null;
  const corpusSize = details.sources.length;
  if (!entry) return { entry: null, sources: [], corpusSize };
  const cited = new Set([
    ...entry.excerpts.flatMap((e) => (e.quotes ? [e.source, e.quotes] : [e.source])),
    ...entry.roles.map((r) => r.source),
    ...(entry.figure?.statements ?? []).flatMap((s) => (s.quotes ? [s.source, s.quotes] : [s.source])),
  ]);
  return { entry, sources: details.sources.filter((s) => cited.has(s.id)), corpusSize };
}
