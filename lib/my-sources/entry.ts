import { t } from '../i18n';
import type { BundledEntry, EntryDetails, KbDetails } from '../kb/types';
import type { OwnSources } from './card-data';
import type { TrackedTerm } from './types';

/**
 * A card's data with the reader's library: own sources added to a bundled entry, and a tracked
 * term's card.
 */

/** A card's data: the bundled entry and its sources, with what the reader's saved articles say. */
export interface EntryResponse extends BundledEntry {
  /** Absent where the reader's store cannot be read. */
  readonly own?: OwnSources;
}

/**
 * A card's data with the reader's own sources added: the bundled sources that saved articles quote
 * join the response's sources, so the card can name them.
 */
export function withOwnSources(response: EntryResponse, own: OwnSources, details: KbDetails): EntryResponse {
  const quoted = new Set(
    [...own.excerpts, ...own.statements].flatMap((x) => (typeof x.quotes === 'string' ? [x.quotes] : [])),
  );
  const cited = new Set(response.sources.map((s) => s.id));
  const extra = details.sources.filter((s) => quoted.has(s.id) && !cited.has(s.id));
  return { ...response, sources: [...response.sources, ...extra], own };
}

/** The card of a tracked term: the reader's words, no bundled source (they were never searched for it). */
export function trackedEntryDetails(id: string, term: TrackedTerm): EntryDetails {
  const since = new Date(term.createdAt).toISOString().slice(0, 10);
  const aliases = term.aliases.map((alias) => alias.trim()).filter((alias) => alias !== '');
  return {
    id,
    category: term.category,
    label: term.label,
    summary:
      aliases.length > 0
        ? t('tracking.summaryAlso', {
            date: since,
            names: aliases.map((name) => t('tracking.quoted', { name })).join(t('list.separator')),
          })
        : t('tracking.summary', { date: since }),
    related: [],
    roles: [],
    excerpts: [],
    agreement: { sources: [], independent: [] },
    figure: null,
  };
}

/** How many sources name an entry, and how many independently, across both corpora. */
export interface CombinedAgreement {
  readonly bundled: number;
  readonly bundledSize: number;
  readonly saved: number;
  readonly savedSize: number;
  readonly independent: number;
}

/**
 * Independence-aware across the corpora: a saved article counts as independent only where it names
 * the entry in its own words; one that reproduces an earlier source's passage counts for that
 * original, which is counted in its own corpus already.
 */
export function combinedAgreement(entry: EntryDetails, corpusSize: number, own: OwnSources): CombinedAgreement {
  return {
    bundled: entry.agreement.sources.length,
    bundledSize: corpusSize,
    saved: own.mentioning.length,
    savedSize: own.savedCount,
    independent: entry.agreement.independent.length + own.independent.length,
  };
}
