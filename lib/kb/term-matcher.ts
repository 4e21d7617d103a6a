import {
  compileForms,
  findFormMatches,
  selectLeftmostLongest,
  type FormAutomaton,
  type FormMatch,
} from '../matching/automaton';
import type { IndexedEntry, IndexedForm } from './types';

/**
 * The one matcher for knowledge-base terms: the build runs it over the seed files and the content
 * script over the page, so a form found in a source is found the same way in an article.
 */
export interface TermMatcher {
  readonly automaton: FormAutomaton;
  /** For each compiled form, its entry and its own flags. */
  readonly owners: readonly { readonly entry: IndexedEntry; readonly form: IndexedForm }[];
}

export interface TermMatch {
  readonly start: number;
  readonly end: number;
  readonly entry: IndexedEntry;
}

export function createTermMatcher(entries: readonly IndexedEntry[]): TermMatcher {
  const owners = entries.flatMap((entry) => entry.forms.map((form) => ({ entry, form })));
  const automaton = compileForms(owners.map(({ form }) => form));
  return { automaton, owners };
}

/**
 * Leftmost-longest term matches in `text`. `namedInFull` holds the ids of entries already named by
 * a full form earlier on the same page (or file); it is updated as matches are accepted, so that
 * a later pass over newly added text honours names seen in earlier passes.
 */
export function matchTerms(matcher: TermMatcher, text: string, namedInFull: Set<string>): TermMatch[] {
  return selectTerms(matcher, findFormMatches(matcher.automaton, text), namedInFull);
}

/** The term matches among `candidates` (matches of the term matcher's forms, by form index). */
export function selectTerms(
  matcher: TermMatcher,
  candidates: readonly FormMatch[],
  namedInFull: Set<string>,
): TermMatch[] {
  const chosen = selectLeftmostLongest(candidates, (match) => {
    const { entry, form } = matcher.owners[match.form]!;
    if (form.shortForm) return namedInFull.has(entry.id);
    namedInFull.add(entry.id);
    return true;
  });
  return chosen.map((match) => ({ start: match.start, end: match.end, entry: matcher.owners[match.form]!.entry }));
}
