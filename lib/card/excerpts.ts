import { isOwnWords } from '../kb/own-words';
import type { Excerpt } from '../kb/types';
import { primaryLanguage } from '../text/language-tags';
import type { ReaderLanguages } from './language';

/** The order a card shows its excerpts in: every voice once before a second word from any. */

/** The excerpts a card shows at once, and those it shows on request. */
export interface ExcerptsBySource {
  /** One per voice: each source's author, and each passage someone else wrote into a source. */
  readonly first: readonly Excerpt[];
  /** Every other excerpt, in the same order: "Show N more". */
  readonly more: readonly Excerpt[];
}

/**
 * Orders a card's excerpts so that a reader hears every voice before a second word from any:
 * first one excerpt per voice (a source's author, or whoever wrote a passage into its file, such
 * as an aggregator's summary), then the rest. Both lists put excerpts written in the language of
 * the reader's interface first (a Chinese reader sees a source's Chinese words first, where there
 * are any: verbatim, never translated); then sources speaking in their own words before passages
 * that quote another source or that someone else wrote, and within each, excerpts in the page's
 * language before the others; otherwise the knowledge base's order (sources oldest first, then
 * where in the source) stands. A voice is represented by its best excerpt.
 */
export function excerptsBySource(excerpts: readonly Excerpt[], languages: ReaderLanguages): ExcerptsBySource {
  const ui = primaryLanguage(languages.ui);
  const page = primaryLanguage(languages.page);
  const rank = (excerpt: Excerpt) => {
    const language = primaryLanguage(excerpt.language);
    return (language === ui ? 0 : 4) + (isOwnWords(excerpt) ? 0 : 2) + (language === page ? 0 : 1);
  };
  const ordered = excerpts
    .map((excerpt, order) => ({ excerpt, order, rank: rank(excerpt) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map(({ excerpt }) => excerpt);
  const heard = new Set<string>();
  const first: Excerpt[] = [];
  const more: Excerpt[] = [];
  for (const excerpt of ordered) {
    const voice = voiceOf(excerpt);
    if (heard.has(voice)) {
      more.push(excerpt);
    } else {
      heard.add(voice);
      first.push(excerpt);
    }
  }
  return { first, more };
}

/** Who wrote an excerpt: its source's author, or whoever its source's file credits for the passage. */
function voiceOf(excerpt: Excerpt): string {
  return excerpt.credit === null ? excerpt.source : `${excerpt.source}\n${excerpt.credit}`;
}
