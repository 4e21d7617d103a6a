/**
 * Derived forms: the names real reporting uses for an entry that its authors did not write down,
 * made at build time from the entries themselves by general rules (nothing per entry). They reach
 * the index (and so the page) and the build's own mention finding alike; `npm run kb` writes the
 * list to lib/kb/generated/derived-forms.json and prints what it dropped as ambiguous.
 *
 * - acronym: a proper name of an institution ("Regional Greenhouse Gas Initiative") gives its
 *   initials ("RGGI", matched case-sensitively). Only four letters or more: three-letter initials
 *   are shared by too many bodies ("DGA" is also the Directors Guild of America).
 * - expansion: an acronym inside a name is swapped for its expansion and back ("Murphy v. NCAA" ↔
 *   "Murphy v. National Collegiate Athletic Association"), where an entry (its initials, or an
 *   acronym alias with matching initials) or the corpus ("Full Name (FN)") supplies the expansion.
 * - short: the usual short forms of compacts and acts: the qualifier before the head noun goes and
 *   the head noun takes its everyday synonyms ("National Popular Vote Interstate Compact" →
 *   "National Popular Vote Compact", "NPV Compact", "National Popular Vote bill"; "Fugitive Slave
 *   Act" → "Fugitive Slave law").
 * - title: a person's title drawn from their roles, before the surname ("Gov. Beshear", "Kentucky
 *   Gov. Beshear", "Attorney General Bonta", "Justice Scalia"), and Mr./Ms./Mrs. where the entry's
 *   summary mostly calls the person he, or mostly she. A title form is a full mention: the
 *   entry's surname short form may follow it.
 *
 * A derived form is dropped, and listed, when it is ambiguous: derived for two entries, equal to
 * another entry's authored form, or an ordinary word (ORDINARY_WORDS, SENTENCE_WORDS, or a word the
 * corpus uses in lowercase).
 */
import { isAcronym } from '../text/acronym';
import { foldForm } from '../text/fold';
import { bareName, isProperName, NAME_CONNECTORS, NAME_SUFFIXES, SENTENCE_WORDS } from '../text/words';
import type { AuthoredEntry } from './schema';
import type { IndexedEntry } from '../kb/types';

export type DerivedKind = 'acronym' | 'expansion' | 'short' | 'title';

export interface DerivedForm {
  readonly entry: string;
  readonly text: string;
  readonly kind: DerivedKind;
  /** The authored form or role it was derived from. */
  readonly from: string;
}

export interface DroppedForm {
  readonly text: string;
  readonly kind: DerivedKind;
  readonly entries: readonly string[];
  readonly reason: string;
}

export interface Derivation {
  readonly forms: readonly DerivedForm[];
  readonly dropped: readonly DroppedForm[];
}

/**
 * Ordinary English words that are also names or look like acronyms: a derived form equal to one of
 * these ("CARE", "HOPE") is dropped. Build time only.
 */
const ORDINARY_WORDS = new Set(
  'james kelly mills lee may bush rice brown green white black young king hill wood rose hope ' +
    'grant long cook page will mark bill ford price love star care safe act aid art bank best ' +
    'call case data deal east fair fast free fund hand help home just land law life live mind ' +
    'more move need news north open plan play post race read rest rise rule save sign south ' +
    'stand step stop take team test time today trust unit vote wall want watch west work world'.split(' '),
);

/** Head nouns of institutions: a proper name containing one has initials worth deriving. */
const INSTITUTIONS = new Set(
  (
    'agency alliance association authority board bureau caucus center centre coalition commission committee ' +
    'compact conference corporation council court department enforcement federation foundation fund guard ' +
    'initiative institute league network office organization organisation party program programme ' +
    'service society union act acts'
  ).split(' '),
);

/** Small words that do not count in initials. */

/** Everyday names of a compact's or an act's head noun. */
const HEAD_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  compact: ['Compact', 'pact', 'agreement', 'bill'],
  act: ['law'],
  acts: ['laws'],
};
/** Qualifiers standing before a head noun that everyday usage drops ("Interstate Compact"). */
const QUALIFIERS = new Set(['interstate', 'multistate', 'multi-state', 'intergovernmental']);

/** Titles drawn from a role's wording ("Governor of Kentucky"), with their usual abbreviations. */
const ROLE_TITLES: readonly (readonly [RegExp, readonly string[]])[] = [
  [/^(?:lieutenant|lt\.) governor\b/i, ['Lieutenant Governor', 'Lt. Gov.']],
  [/^governor\b/i, ['Governor', 'Gov.']],
  [/^attorney general\b/i, ['Attorney General', 'AG']],
  [/^chief justice\b/i, ['Chief Justice']],
  [/^(?:associate )?justice\b/i, ['Justice']],
  [/^(?:u\.s\. |state )?senator\b/i, ['Senator', 'Sen.']],
  [/^(?:u\.s\. |state )?representative\b|^congress(?:wo)?man\b/i, ['Representative', 'Rep.']],
  [/^president\b/i, ['President']],
  [/^mayor\b/i, ['Mayor']],
  [/^(?:chief )?judge\b/i, ['Judge']],
  [/^professor\b/i, ['Professor', 'Prof.']],
];

const wordsOf = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '');

/** Initials of a proper name: one letter a word, the letters of an acronym word ("U.S." → "US"). */
export function initialsOf(name: string): string {
  return wordsOf(name)
    .filter((w) => !NAME_CONNECTORS.has(w.toLowerCase()))
    .map((w) => (isAcronym(w) ? w.replace(/[^\p{Lu}]/gu, '') : w[0]!.toUpperCase()))
    .join('');
}

function significantWords(name: string): string[] {
  return wordsOf(name).filter((w) => !NAME_CONNECTORS.has(w.toLowerCase()));
}

/** Mr. or Ms./Mrs., from the pronouns of the entry's summary: one kind at least twice as often as the other. */
function honorifics(summary: string): readonly string[] {
  const he = summary.match(/\b(?:he|him|his|himself)\b/gi)?.length ?? 0;
  const she = summary.match(/\b(?:she|her|hers|herself)\b/gi)?.length ?? 0;
  // A summary can speak of someone else too ("she sued Trump during his first term"): two to one decides.
  if (he >= 2 * she && he > 0) return ['Mr.'];
  if (she >= 2 * he && she > 0) return ['Ms.', 'Mrs.'];
  return [];
}

/** The surname: the entry's one-word short form, else the last word of a "First Last" label. */
function surnameOf(entry: AuthoredEntry): string | null {
  for (const alias of entry.aliases) {
    if (typeof alias !== 'string' && alias.shortForm && wordsOf(alias.text).length === 1) return alias.text;
  }
  const parts = wordsOf(entry.label);
  const last = parts[parts.length - 1]!;
  if (parts.length < 2 || parts.length > 3 || !isProperName(entry.label)) return null;
  if (NAME_SUFFIXES.has(last.toLowerCase()) || /^[IVX]+$/.test(last)) return null;
  return last;
}

interface Candidate {
  readonly entry: string;
  readonly text: string;
  readonly kind: DerivedKind;
  readonly from: string;
}

function titleForms(entry: AuthoredEntry & { category: 'person' }): Candidate[] {
  const surname = surnameOf(entry);
  if (surname === null) return [];
  const out: Candidate[] = [];
  for (const role of entry.roles) {
    const title = role.title.replace(/^former /i, '');
    for (const [pattern, titles] of ROLE_TITLES) {
      const found = pattern.exec(title);
      if (!found) continue;
      const place = /^ of (?:the )?([^,;(]+)$/.exec(title.slice(found[0].length))?.[1]?.trim();
      for (const t of titles) {
        out.push({ entry: entry.id, text: `${t} ${surname}`, kind: 'title', from: role.title });
        if (place && isProperName(place) && wordsOf(place).length <= 3) {
          out.push({ entry: entry.id, text: `${place} ${t} ${surname}`, kind: 'title', from: role.title });
        }
      }
      break;
    }
  }
  for (const h of honorifics(entry.summary)) {
    out.push({ entry: entry.id, text: `${h} ${surname}`, kind: 'title', from: `summary pronouns (${h})` });
  }
  return out;
}

function namedForms(entry: IndexedEntry): string[] {
  return entry.forms.filter((f) => !f.shortForm).map((f) => bareName(f.text));
}

interface Expansions {
  /** Acronym → expansion, from acronym aliases with matching initials and from the corpus. */
  readonly attested: ReadonlyMap<string, string>;
  /** Acronym → expansion, from the initials of institutions' names (used only to expand). */
  readonly initials: ReadonlyMap<string, string>;
}

/** Acronyms and their expansions, from the entries and the corpus ("Full Name (FN)"). */
function expansions(entries: readonly IndexedEntry[], corpus: readonly string[]): Expansions {
  const attested = new Map<string, Set<string>>();
  const initials = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, acronym: string, expansion: string) => {
    if (acronym.length < 3 || significantWords(expansion).length < 2) return;
    const set = map.get(acronym) ?? new Set();
    set.add(expansion);
    map.set(acronym, set);
  };
  for (const entry of entries) {
    if (entry.category === 'person' || entry.category === 'figure') continue;
    const names = namedForms(entry);
    for (const name of names) {
      if (isInstitution(name)) add(initials, initialsOf(name), name);
    }
    for (const acronym of names.filter((n) => isAcronym(n))) {
      for (const name of names) {
        if (name !== acronym && isProperName(name) && initialsOf(name) === acronym) add(attested, acronym, name);
      }
    }
  }
  const inParentheses = /((?:\p{Lu}[\p{L}.]*\s+(?:(?:of|and|the|for)\s+)?){2,8})\((\p{Lu}{2,8})\)/gu;
  for (const text of corpus) {
    for (const [, name, acronym] of text.matchAll(inParentheses)) {
      const trimmed = name!.trim();
      if (initialsOf(trimmed) === acronym) add(attested, acronym!, trimmed);
    }
  }
  // An acronym with two different expansions expands to neither.
  const unique = (map: Map<string, Set<string>>) =>
    new Map([...map].filter(([, set]) => set.size === 1).map(([acronym, set]) => [acronym, [...set][0]!]));
  return { attested: unique(attested), initials: unique(initials) };
}

/** A proper name with an institution's head noun and no acronym in it: its initials are worth deriving. */
function isInstitution(name: string): boolean {
  const significant = significantWords(name);
  return (
    isProperName(name) &&
    significant.length >= 2 &&
    significant.some((w) => INSTITUTIONS.has(w.toLowerCase())) &&
    !significant.some((w) => isAcronym(w))
  );
}

const wordPattern = (text: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\d])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d])`, 'u');

function acronymAndShortForms(entry: IndexedEntry, dictionary: Expansions): Candidate[] {
  if (entry.category === 'person' || entry.category === 'figure') return [];
  const out: Candidate[] = [];
  for (const name of namedForms(entry)) {
    const parts = wordsOf(name);
    if (isProperName(name) && !isAcronym(name)) {
      // Initials of an institution's name.
      if (isInstitution(name)) {
        out.push({ entry: entry.id, text: initialsOf(name), kind: 'acronym', from: name });
      }
      // Short forms of compacts and acts.
      const head = parts[parts.length - 1]!.toLowerCase();
      const synonyms = HEAD_SYNONYMS[head];
      if (synonyms) {
        let core = parts.slice(0, -1);
        const qualified = core.length > 0 && QUALIFIERS.has(core[core.length - 1]!.toLowerCase());
        if (qualified) core = core.slice(0, -1);
        if (significantWords(core.join(' ')).length >= 2) {
          const coreText = core.join(' ');
          for (const synonym of synonyms)
            out.push({ entry: entry.id, text: `${coreText} ${synonym}`, kind: 'short', from: name });
          const coreInitials = initialsOf(coreText);
          if (qualified && coreInitials.length >= 2 && !core.some((w) => isAcronym(w))) {
            out.push({
              entry: entry.id,
              text: `${coreInitials} ${parts[parts.length - 1]}`,
              kind: 'short',
              from: name,
            });
          }
        }
      }
    }
    // An acronym inside a longer name is swapped for its expansion, and an attested expansion for its acronym.
    for (const [acronym, expansion] of [...dictionary.attested, ...dictionary.initials]) {
      if (name === acronym || name === expansion) continue;
      const withExpansion = name.replace(wordPattern(acronym), expansion);
      if (withExpansion !== name) out.push({ entry: entry.id, text: withExpansion, kind: 'expansion', from: name });
    }
    for (const [acronym, expansion] of dictionary.attested) {
      if (name === expansion) continue;
      const withAcronym = name.replace(wordPattern(expansion), acronym);
      if (withAcronym !== name) out.push({ entry: entry.id, text: withAcronym, kind: 'expansion', from: name });
    }
  }
  return out;
}

/** Lowercase words of the corpus: a derived one-word form that occurs among them is an ordinary word. */
function lowercaseWords(corpus: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const text of corpus) for (const [word] of text.matchAll(/(?<![\p{L}\d])\p{Ll}+(?![\p{L}\d])/gu)) set.add(word);
  return set;
}

/** Derives the forms of every entry; deterministic: sorted by entry, then text. */
export function deriveForms(
  authored: readonly AuthoredEntry[],
  indexed: readonly IndexedEntry[],
  corpus: readonly string[],
): Derivation {
  const dictionary = expansions(indexed, corpus);
  const candidates: Candidate[] = [];
  for (const entry of authored) if (entry.category === 'person') candidates.push(...titleForms(entry));
  for (const entry of indexed) candidates.push(...acronymAndShortForms(entry, dictionary));

  const authoredOwner = new Map<string, string>();
  for (const entry of indexed) for (const form of entry.forms) authoredOwner.set(foldForm(form.text), entry.id);
  const ordinary = lowercaseWords(corpus);

  const byKey = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const key = foldForm(candidate.text);
    if (authoredOwner.get(key) === candidate.entry) continue; // already authored
    const list = byKey.get(key) ?? [];
    if (!list.some((c) => c.entry === candidate.entry)) list.push(candidate);
    byKey.set(key, list);
  }

  const forms: DerivedForm[] = [];
  const dropped: DroppedForm[] = [];
  for (const [key, list] of byKey) {
    const first = list[0]!;
    const entries = [...new Set(list.map((c) => c.entry))].sort();
    const drop = (reason: string) => dropped.push({ text: first.text, kind: first.kind, entries, reason });
    const owner = authoredOwner.get(key);
    if (owner !== undefined) drop(`an authored form of ${owner}`);
    else if (entries.length > 1) drop(`derived for ${entries.length} entries`);
    else if (!key.includes(' ') && (ORDINARY_WORDS.has(key) || SENTENCE_WORDS.has(key) || ordinary.has(key))) {
      drop('an ordinary word');
    } else if (first.kind === 'acronym' && first.text.length < 4)
      drop('three letters or fewer: shared by too many bodies');
    else forms.push(...list);
  }
  const order = (a: { entry?: string; entries?: readonly string[]; text: string }, b: typeof a) => {
    const ea = a.entry ?? a.entries![0]!;
    const eb = b.entry ?? b.entries![0]!;
    return ea < eb ? -1 : ea > eb ? 1 : a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
  };
  return { forms: forms.sort(order), dropped: dropped.sort(order) };
}
