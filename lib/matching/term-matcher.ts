import {
  compileForms,
  findFormMatches,
  selectLeftmostLongest,
  type FormAutomaton,
  type FormMatch,
} from '../text/automaton';
import { isAcronym } from '../text/acronym';
import { digitAt, toDigits } from '../text/digits';
import { foldAt, foldForm, IGNORED } from '../text/fold';
import { isLowerCode, isUpperCode } from '../text/letters';
import { isInWebAddress } from '../text/web-addresses';
import { bareName, isProperName, NAME_CONNECTORS, NAME_SUFFIXES, SENTENCE_WORDS, TITLE_WORDS } from '../text/words';
import type { EntryRef, IndexedEntry } from '../kb/types';

/**
 * The one matcher for knowledge-base terms: the build runs it over the seed files, the background
 * over a page's text and the reader's saved articles, so a form found in a source is found the
 * same way in an article. Short forms wait for a full mention; look-alike guards keep a form from
 * matching inside another name.
 */

/** The automaton of the terms' forms, and who owns each form. */
export interface TermMatcher {
  /** Its first `owners.length` forms are the terms' (a page's automaton holds the figure cues after them). */
  readonly automaton: FormAutomaton;
  /** For each term form, its entry, whether it is a short form and the look-alike guard that applies to it. */
  readonly owners: readonly FormOwner[];
}

export interface FormOwner {
  readonly entry: EntryRef;
  readonly shortForm: boolean;
  readonly guard: Guard;
}

/**
 * The owners as plain data, for a build to write and the background to load, as digits (see
 * digits.ts): how many forms each entry has; per form, its guard's GUARD_KINDS index × 2 + 1 for
 * a short form; and per entry, the words of a person's full names, space-separated (its surname
 * and person guards share them), else ''.
 */
export interface TermOwnersData {
  readonly formCounts: string;
  readonly forms: string;
  readonly nameWords: readonly string[];
}

/**
 * The look-alike guard of a form, decided from the entry and the form alone (nothing per entry):
 * - `surname`: a person's one-word form ("Beshear", "Trump"): not after a capitalised word that is
 *   not the person's own first name, a title or an ordinary sentence word ("Steve Beshear").
 * - `title`: a person's title form ("Gov. Beshear", "Ms. James"): not after another capitalised
 *   title word ("Lt. Gov. Kelly" is another office), and, when the surname is an ordinary word (the
 *   entry has no one-word short form), not before a capitalised word ("Gov. Kelly Ayotte").
 * - `person`: any other person form: not before a suffix ("Donald Trump Jr.").
 * - `name`: a capitalised name of an organisation, law or concept ("Apple", "California", "Senate"):
 *   not inside a longer capitalised phrase ("the Big Apple", "Apple Valley", "State Senate").
 * - `none`: everything else (lowercase phrases, acronyms: their case is checked by the automaton).
 */
export type Guard =
  | { readonly kind: 'none' }
  | { readonly kind: 'person'; readonly nameWords: ReadonlySet<string> }
  | { readonly kind: 'surname'; readonly nameWords: ReadonlySet<string> }
  | { readonly kind: 'title'; readonly ordinarySurname: boolean }
  | { readonly kind: 'name'; readonly truncated: boolean };

export interface TermMatch {
  readonly start: number;
  readonly end: number;
  readonly entry: EntryRef;
}

/** Acronyms alone ("REAL ID", "U.S. ICE"): their case is the automaton's to check, no guard's. */
function isAcronymName(name: string): boolean {
  return name.split(/\s+/).every((word) => isAcronym(word) || NAME_CONNECTORS.has(word.toLowerCase()));
}

/** The guards of one entry's forms; each form's words are folded once. */
function guardsFor(entry: IndexedEntry): Guard[] {
  const folded = entry.forms.map((form) => foldForm(bareName(form.text)));
  if (entry.category === 'person') {
    const split = folded.map((f) => f.split(' '));
    const nameWords = new Set(split.filter((_, i) => !entry.forms[i]!.shortForm).flat());
    const labelWords = new Set(foldForm(entry.label).split(' '));
    // The authors give every surname a short form unless it is an ordinary word ("Kelly", "James").
    const ordinarySurname = !entry.forms.some((f, i) => f.shortForm && split[i]!.length === 1);
    return split.map((formWords): Guard => {
      if (formWords.length === 1) return { kind: 'surname', nameWords };
      if (TITLE_WORDS.has(formWords[0]!) && !labelWords.has(formWords[0]!)) return { kind: 'title', ordinarySurname };
      return { kind: 'person', nameWords };
    });
  }
  return entry.forms.map((form, i): Guard => {
    const name = bareName(form.text);
    if (!isProperName(name) || isAcronymName(name)) return { kind: 'none' };
    const own = folded[i]!;
    const truncated = folded.some(
      (longer) => longer.length > own.length && (longer.endsWith(` ${own}`) || longer.startsWith(`${own} `)),
    );
    return { kind: 'name', truncated };
  });
}

/** The matcher for `entries`; `automaton` must start with their forms (compiled from them when not given). */
export function createTermMatcher(
  entries: readonly IndexedEntry[],
  automaton: FormAutomaton = compileForms(entries.flatMap((entry) => entry.forms)),
): TermMatcher {
  return { automaton, owners: termOwners(entries) };
}

/** The owner of each of the entries' forms, in order. */
export function termOwners(entries: readonly IndexedEntry[]): FormOwner[] {
  return entries.flatMap((entry) => {
    const guards = guardsFor(entry);
    return entry.forms.map((form, i) => ({ entry, shortForm: form.shortForm, guard: guards[i]! }));
  });
}

/** Guard kinds and their flag, by code (TermOwnersData). */
const GUARD_KINDS = ['none', 'person', 'surname', 'title', 'title ordinary surname', 'name', 'name truncated'] as const;

function guardCode(guard: Guard): number {
  if (guard.kind === 'title') return GUARD_KINDS.indexOf(guard.ordinarySurname ? 'title ordinary surname' : 'title');
  if (guard.kind === 'name') return GUARD_KINDS.indexOf(guard.truncated ? 'name truncated' : 'name');
  return GUARD_KINDS.indexOf(guard.kind);
}

/** The owners of the entries' forms as data (see TermOwnersData). */
export function termOwnersData(entries: readonly IndexedEntry[]): TermOwnersData {
  const nameWords = new Map<EntryRef, string>();
  const forms = termOwners(entries).map(({ entry, shortForm, guard }) => {
    if (guard.kind === 'person' || guard.kind === 'surname') nameWords.set(entry, [...guard.nameWords].join(' '));
    return guardCode(guard) * 2 + (shortForm ? 1 : 0);
  });
  return {
    formCounts: toDigits(entries.map((entry) => entry.forms.length)),
    forms: toDigits(forms),
    nameWords: entries.map((entry) => nameWords.get(entry) ?? ''),
  };
}

/** The term matcher from its data: `entries` as written with it, `automaton` starting with its forms. */
export function loadTermMatcher(
  entries: readonly EntryRef[],
  data: TermOwnersData,
  automaton: FormAutomaton,
): TermMatcher {
  const nameWords = data.nameWords.map((words) => (words === '' ? null : new Set(words.split(' '))));
  const owners: FormOwner[] = [];
  for (let entry = 0; entry < entries.length; entry++) {
    for (let k = digitAt(data.formCounts, entry); k > 0; k--) {
      const code = digitAt(data.forms, owners.length);
      const kind = GUARD_KINDS[code >> 1]!;
      const guard: Guard =
        kind === 'person' || kind === 'surname'
          ? { kind, nameWords: nameWords[entry]! }
          : kind === 'title' || kind === 'title ordinary surname'
            ? { kind: 'title', ordinarySurname: kind !== 'title' }
            : kind === 'name' || kind === 'name truncated'
              ? { kind: 'name', truncated: kind !== 'name' }
              : { kind: 'none' };
      owners.push({ entry: entries[entry]!, shortForm: (code & 1) === 1, guard });
    }
  }
  return { automaton, owners };
}

/**
 * Leftmost-longest term matches in `text`. `namedInFull` holds the ids of entries already named by
 * a full form earlier on the same page (or file); it is updated as matches are accepted, so that
 * a later pass over newly added text honours names seen in earlier passes.
 */
export function matchTerms(matcher: TermMatcher, text: string, namedInFull: Set<string>): TermMatch[] {
  const candidates = findFormMatches(matcher.automaton, text).filter((m) => m.form < matcher.owners.length);
  return selectTerms(matcher, candidates, namedInFull, text);
}

/**
 * The term matches among `candidates` (matches of the term matcher's forms in `text`, by form
 * index): leftmost-longest, short forms only after a full form, none inside a web or e-mail
 * address or a handle, and no look-alike (see Guard).
 */
export function selectTerms(
  matcher: TermMatcher,
  candidates: readonly FormMatch[],
  namedInFull: Set<string>,
  text: string,
): TermMatch[] {
  let starts: Set<number> | null = null;
  let ends: Set<number> | null = null;
  const known = () => {
    starts ??= new Set(candidates.map((m) => m.start));
    ends ??= new Set(candidates.map((m) => m.end));
    return { starts, ends };
  };
  const chosen = selectLeftmostLongest(candidates, (match) => {
    const { entry, shortForm, guard } = matcher.owners[match.form]!;
    if (shortForm && !namedInFull.has(entry.id)) return false;
    if (isInWebAddress(text, match.start, match.end)) return false;
    if (!passesGuard(guard, text, match.start, match.end, known)) return false;
    if (!shortForm) namedInFull.add(entry.id);
    return true;
  });
  return chosen.map((match) => ({ start: match.start, end: match.end, entry: matcher.owners[match.form]!.entry }));
}

// ---------------------------------------------------------------------------------------------
// The words around a match

interface Neighbour {
  /** The word as written, without punctuation around it. */
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

const SPACE = 0x20;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
/** Punctuation that ends a clause: a word beyond it is not part of the same name. */
const CLAUSE_BREAK = /[,;:!?)\]"”’»—–]$/;

function isSeparator(text: string, i: number): boolean {
  if (text.charCodeAt(i) === SPACE) return true;
  const code = foldAt(text, i);
  return code === SPACE || code === IGNORED;
}

const startsUpper = (text: string, at: number): boolean => at < text.length && isUpperCode(text.charCodeAt(at));

/**
 * The capitalised word just before `start` when only spaces (no line break, no punctuation)
 * separate it from the match; null when there is none: the match starts a line, follows
 * punctuation, a lowercase word or a possessive, or the word ends a clause. Every guard asks only
 * about capitalised neighbours, so most matches are settled after a look at a few characters.
 */
function wordBefore(text: string, start: number): Neighbour | null {
  let i = start - 1;
  while (i >= 0 && isSeparator(text, i)) {
    if (text.charCodeAt(i) !== SPACE && LINE_BREAK.test(text[i]!)) return null;
    i--;
  }
  if (i === start - 1 || i < 0) return null;
  const end = i + 1;
  while (i >= 0 && !isSeparator(text, i) && text[i] !== '\u0000') i--;
  if (!startsUpper(text, i + 1)) return null;
  const raw = text.slice(i + 1, end);
  if (CLAUSE_BREAK.test(raw) || /['’]s$/.test(raw)) return null;
  return { word: raw, start: i + 1, end };
}

/** The capitalised word just after `end` when only spaces separate it; else null. */
function wordAfter(text: string, end: number): Neighbour | null {
  let i = end;
  while (i < text.length && isSeparator(text, i)) {
    if (text.charCodeAt(i) !== SPACE && LINE_BREAK.test(text[i]!)) return null;
    i++;
  }
  if (i === end || !startsUpper(text, i)) return null;
  const start = i;
  while (i < text.length && !isSeparator(text, i) && text[i] !== '\u0000') i++;
  const word = text.slice(start, i).replace(/[^\p{L}\p{N}.]+$/u, '');
  return { word, start, end: start + word.length };
}

const isCapitalised = (word: string): boolean => isUpperCode(word.codePointAt(0) ?? 0);
/** Two capitals or more and no lowercase letter ("NCAA", "U.S."); words hold no line break. */
function isAllCaps(word: string): boolean {
  let capitals = 0;
  for (const char of word) {
    const code = char.codePointAt(0)!;
    if (isLowerCode(code)) return false;
    if (isUpperCode(code)) capitals++;
  }
  return capitals >= 2;
}
const isInitials = (word: string): boolean => /^(?:\p{Lu}\.)+$/u.test(word);
const lower = (word: string): string => foldForm(word);

function passesGuard(
  guard: Guard,
  text: string,
  start: number,
  end: number,
  known: () => { starts: Set<number>; ends: Set<number> },
): boolean {
  if (guard.kind === 'none') return true;
  const after = wordAfter(text, end);
  // Only consulted next to a capitalised word, which most matches do not have.
  const allCapsMatch = () => isAllCaps(text.slice(start, end));
  if (guard.kind !== 'name' && after && NAME_SUFFIXES.has(lower(after.word))) return false;

  switch (guard.kind) {
    case 'person':
      return true;
    case 'surname':
      return !isAnotherName(text, start, guard.nameWords, allCapsMatch);
    case 'title': {
      // "Gov. Kelly Ayotte": an ordinary-word surname followed by a capitalised word is a first name.
      if (guard.ordinarySurname && after && isCapitalised(after.word) && !SENTENCE_WORDS.has(lower(after.word))) {
        return false;
      }
      const before = wordBefore(text, start);
      if (!before || !isCapitalised(before.word) || (isAllCaps(before.word) && !allCapsMatch())) return true;
      const word = lower(before.word);
      // "Lt. Gov. Kelly", "Vice President Trump", "Deputy AG James": another office.
      return SENTENCE_WORDS.has(word) || SAME_OFFICE.has(word) || known().ends.has(before.end);
    }
    case 'name': {
      if (after && isCapitalised(after.word) && !isAllCaps(after.word) && !allCapsMatch()) {
        const word = lower(after.word);
        if (
          !TITLE_WORDS.has(word) &&
          !SENTENCE_WORDS.has(word) &&
          !BODIES.has(word) &&
          !known().starts.has(after.start)
        )
          return false;
      }
      const before = wordBefore(text, start);
      if (!before || !isCapitalised(before.word) || (isAllCaps(before.word) && !allCapsMatch())) return true;
      const word = lower(before.word);
      if (SENTENCE_WORDS.has(word) || TITLE_WORDS.has(word)) return true;
      if (before.word.endsWith('.') && !isInitials(before.word)) return true; // a sentence ends there
      // "Texas National Guard" is the Guard; "Illinois Senate" is not the U.S. Senate.
      return !guard.truncated && known().ends.has(before.end);
    }
  }
}

/** Words before a title that keep the office: "former Gov.", "U.S. Sen.", "Democratic Gov.". */
const SAME_OFFICE = new Set([
  'former',
  'then',
  'u.s.',
  'us',
  'state',
  'democrat',
  'democratic',
  'republican',
  'gop',
  'independent',
  'associate',
  'federal',
]);

/** Bodies named after a place without being it: "California Legislature" is still about California. */
const BODIES = new Set(['legislature', 'assembly', 'senate', 'house', 'lawmakers', 'voters', 'officials', 'residents']);

/**
 * Whether the capitalised word before a surname makes it another person's name: "Steve Beshear",
 * "Melania Trump". Not so after a title, the person's own first name or initials ("J.B."), an
 * ordinary sentence word ("Yesterday Beshear"), a possessive or a sentence end.
 */
function isAnotherName(
  text: string,
  start: number,
  nameWords: ReadonlySet<string>,
  allCapsMatch: () => boolean,
): boolean {
  let before = wordBefore(text, start);
  // Skip middle initials: "Donald J. Trump" is judged by "Donald".
  while (before && isInitials(before.word) && !nameWords.has(lower(before.word))) {
    before = wordBefore(text, before.start);
  }
  if (!before || !isCapitalised(before.word) || (isAllCaps(before.word) && !allCapsMatch())) return false;
  const word = lower(before.word);
  if (nameWords.has(word) || TITLE_WORDS.has(word) || SENTENCE_WORDS.has(word)) return false;
  if (before.word.endsWith('.') && !isInitials(before.word)) return false; // a sentence ends there
  return true;
}
