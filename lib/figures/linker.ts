import { compileForms, findFormMatches, type FormAutomaton, type FormMatch, type MatcherForm } from '../text/automaton';
import { isAcronym } from '../text/acronym';
import { BARRIER, foldForm } from '../text/fold';
import { unitsComparable } from './compare';
import { findFigures, type FigureUnit, type ParsedFigure } from './number-parser';

/**
 * The figure linker: ties a number in a sentence to the figure claim it states, by the claim's cue
 * words in that sentence (or the one before), the same way in a source and on a page.
 */

/** What a figure claim needs to be found in text: its unit and the cues that name its subject. */
export interface FigureClaim {
  readonly id: string;
  readonly unit: FigureUnit;
  /** Every group must be named in the same sentence as the number; a group lists alternatives. */
  readonly cues: readonly (readonly string[])[];
}

/** The unit a claim's authored `unit` and `noun` stand for, in the parser's terms. */
export function claimUnit(unit: 'USD' | 'percent' | 'count' | 'multiple', noun: string | null): FigureUnit {
  switch (unit) {
    case 'USD':
      return { kind: 'currency', currency: 'USD' };
    case 'count':
      return { kind: 'count', noun: noun === null ? null : noun.toLowerCase() };
    default:
      return { kind: unit };
  }
}

/**
 * Links numbers to claims: compiled once from the knowledge base; reads the cues of every claim in
 * one automaton pass, with the same folding as every other matcher.
 */
export interface FigureLinker {
  readonly claims: readonly FigureClaim[];
  /** The cue forms; `forms` lists them so a caller can compile them with others. */
  readonly forms: readonly MatcherForm[];
  /** Holds the cue forms from its form `firstCue` on (a page's automaton holds the terms before them). */
  readonly automaton: FormAutomaton;
  readonly firstCue: number;
  /** For each cue form: the (claim, group) pairs it serves. */
  readonly owners: readonly (readonly { readonly claim: number; readonly group: number }[])[];
}

/** The cue forms of `claims` and the (claim, group) pairs each serves: equal cues are read once. */
export function cueForms(claims: readonly FigureClaim[]): Pick<FigureLinker, 'forms' | 'owners'> {
  const formIndex = new Map<string, number>();
  const forms: { text: string; caseSensitive: boolean }[] = [];
  const owners: { claim: number; group: number }[][] = [];
  claims.forEach((claim, c) =>
    claim.cues.forEach((group, g) =>
      group.forEach((cue) => {
        const caseSensitive = isAcronym(cue);
        const key = `${caseSensitive ? 'C' : 'i'}${caseSensitive ? cue : foldForm(cue)}`;
        let index = formIndex.get(key);
        if (index === undefined) {
          index = forms.length;
          formIndex.set(key, index);
          forms.push({ text: cue, caseSensitive });
          owners.push([]);
        }
        owners[index]!.push({ claim: c, group: g });
      }),
    ),
  );
  return { forms, owners };
}

/** The linker for `claims`; `automaton` holds their cue forms from `firstCue` on (compiled when not given). */
export function createFigureLinker(
  claims: readonly FigureClaim[],
  automaton?: FormAutomaton,
  firstCue = 0,
): FigureLinker {
  const { forms, owners } = cueForms(claims);
  return { claims, forms, automaton: automaton ?? compileForms(forms), firstCue, owners };
}

/** The cues named in `text`, by the linker's cue index. */
export function findCueMatches(linker: FigureLinker, text: string): FormMatch[] {
  const { firstCue, forms } = linker;
  return findFormMatches(linker.automaton, text)
    .filter((m) => m.form >= firstCue && m.form < firstCue + forms.length)
    .map((m) => (firstCue === 0 ? m : { ...m, form: m.form - firstCue }));
}

/**
 * How a number was tied to its claim. `sentence`: every cue group is named in the number's own
 * sentence. `previous-sentence`: the number's sentence names part of the claim (a cue group, or
 * the counted noun of a claim that counts one) and the sentence just before it, in the same
 * paragraph, names the rest: a weaker link, and the card says so.
 */
export type LinkedBy = 'sentence' | 'previous-sentence';

export interface FigureLink {
  readonly figure: ParsedFigure;
  readonly claim: FigureClaim;
  readonly linkedBy: LinkedBy;
  /**
   * Other claims the sentence before fits as well as `claim` (only for `previous-sentence`): the
   * number could belong to any of them, so it must get no verdict.
   */
  readonly alsoFits: readonly FigureClaim[];
}

export interface LinkOptions {
  /**
   * Whether a line break ends a paragraph (a source file, where a line is a paragraph) or is
   * layout whitespace (a page's text, where only BARRIERs end blocks). Must agree with the
   * `sentenceAround` the caller passes. Default true, as `sentenceAround`'s.
   */
  readonly linesAreParagraphs?: boolean;
}

/** A sentence the linker has read, remembered so the next sentence can borrow its cues. */
interface ReadSentence {
  readonly from: number;
  readonly to: number;
  readonly cues: readonly FormMatch[];
  readonly named: ReadonlyMap<number, ReadonlySet<number>>;
  /** Claims (by index) a number of this sentence was linked to by the sentence alone. */
  readonly stated: ReadonlySet<number>;
}

/**
 * Every number in `text` that speaks of a claim. Cues are read in one automaton pass; the number
 * parser runs only over sentences where some claim can be complete, which on a long page is a
 * handful.
 *
 * By its sentence: the unit fits and every cue group is named in the number's sentence. Where
 * several claims fit, the one whose cues stand nearest the number, in its own clause and before
 * it, wins ("California … nearly 40 million … Wyoming … 580,000" links each number to its own
 * state).
 *
 * By the sentence before, only for a number no claim takes by its sentence: the unit fits; the
 * number's sentence ties it to the claim, by naming at least one of its cue groups, by calling the
 * name the sentence before gave it by its last word ("the initiative" after "the Regional
 * Greenhouse Gas Initiative", "the compact's" after "the National Popular Vote Interstate
 * Compact"), or, for a claim that counts a named thing, by the number counting it ("… 165
 * electoral votes") in a sentence it opens, after opening words only ("Currently, nine states …"),
 * or that refers back ("These jurisdictions", "its", "they"); every other cue group is named in
 * the sentence just before, in the same paragraph (never two back, never across a block edge);
 * that sentence does not itself state the claim by its sentence (then the new number is about
 * something else); and the number's sentence names no one else: no capitalised word outside the
 * claim's cues and the number, but for an opening word such as "These", "It", "Nine" or "States"
 * ("Texas holds $24 billion in reserves" after a sentence on California is Texas's). When more
 * than one claim fits so, the nearest is kept and the others are listed in `alsoFits`.
 */
export function findLinkedFigures(
  linker: FigureLinker,
  text: string,
  sentenceAround: (start: number, end: number) => readonly [number, number],
  /** The cues' matches, when the caller read them in a pass of its own (by the linker's form index). */
  found: readonly FormMatch[] = findCueMatches(linker, text),
  options: LinkOptions = {},
): FigureLink[] {
  const cueMatches = [...found].sort((a, b) => a.start - b.start);
  const links: FigureLink[] = [];
  let previous: ReadSentence | null = null;
  // One walk over the cues, sentence by sentence. The sentence before is the one read last, when
  // only spaces stand between them; a sentence without cues has nothing to lend.
  for (let next = 0; next < cueMatches.length;) {
    const first = cueMatches[next]!;
    const [from, to] = sentenceAround(first.start, first.end);
    const inSentence: FormMatch[] = [];
    for (; next < cueMatches.length && cueMatches[next]!.start < to; next++) {
      const match = cueMatches[next]!;
      if (match.start >= from && match.end <= to) inSentence.push(match);
    }
    const before = previous && adjoins(text, previous.to, from, options) ? previous : null;
    const sentence = readSentence(linker, text, from, to, inSentence, before, links);
    previous = sentence;
    // A sentence that names a claim in full may be followed by one that states it with no cue at
    // all ("These jurisdictions have 165 electoral votes.", "The initiative cut them 50 percent."):
    // read that one too.
    if (!namesUnstatedClaim(linker, sentence)) continue;
    let start = to;
    while (start < text.length && /\s/.test(text[start]!)) start++;
    if (start >= text.length || text[start] === BARRIER || !adjoins(text, to, start, options)) continue;
    const [nextFrom, nextTo] = sentenceAround(start, start);
    if (next < cueMatches.length && cueMatches[next]!.start < nextTo) continue; // read in its turn
    previous = readSentence(linker, text, nextFrom, nextTo, [], sentence, links);
  }
  return links;
}

/** Links the numbers of one sentence (appending to `links`); the parser runs only if some claim can be complete. */
function readSentence(
  linker: FigureLinker,
  text: string,
  from: number,
  to: number,
  cues: readonly FormMatch[],
  before: ReadSentence | null,
  links: FigureLink[],
): ReadSentence {
  const named = namedCueGroups(linker, cues);
  const stated = new Set<number>();
  const sentence: ReadSentence = { from, to, cues, named, stated };
  const complete = [...named]
    .filter(([c, groups]) => groups.size === linker.claims[c]!.cues.length)
    .map(([c]) => c)
    .sort((a, b) => a - b);
  const calledBack = before ? claimsCalledBack(text, from, to, before, linker) : new Set<number>();
  const context = before ? contextClaims(linker, named, calledBack, before) : [];
  if (complete.length === 0 && context.length === 0) return sentence;
  const borrowed = context.length > 0 ? [...before!.cues, ...cues] : cues;
  for (const figure of findFigures(text, from, to)) {
    const own = bestClaim(linker, text, figure, cues, complete);
    if (own !== null) {
      stated.add(own);
      links.push({ figure, claim: linker.claims[own]!, linkedBy: 'sentence', alsoFits: [] });
      continue;
    }
    const fitting = context.filter((c) =>
      fitsByContext(linker, text, figure, c, named.has(c) || calledBack.has(c), cues, from, to),
    );
    const best = bestClaim(linker, text, figure, borrowed, fitting);
    if (best === null) continue;
    links.push({
      figure,
      claim: linker.claims[best]!,
      linkedBy: 'previous-sentence',
      alsoFits: fitting.filter((c) => c !== best).map((c) => linker.claims[c]!),
    });
  }
  return sentence;
}

/** True when only spaces (and, on a page, line breaks) stand between two sentences: one paragraph. */
function adjoins(text: string, end: number, start: number, { linesAreParagraphs = true }: LinkOptions): boolean {
  if (end > start || end === 0 || text[end - 1] === BARRIER) return false;
  for (let i = end; i < start; i++) {
    const char = text[i]!;
    if (!/\s/.test(char) || (char === '\n' && linesAreParagraphs)) return false;
  }
  return true;
}

/** A claim that counts a named thing ("electoral votes"): a number counting it ties itself to the claim. */
function countsNamedThing(claim: FigureClaim): boolean {
  return claim.unit.kind === 'count' && claim.unit.noun !== null;
}

/** Whether the sentence names every cue group of a claim and does not state it. */
function namesUnstatedClaim(linker: FigureLinker, sentence: ReadSentence): boolean {
  for (const [c, groups] of sentence.named) {
    if (groups.size === linker.claims[c]!.cues.length && !sentence.stated.has(c)) return true;
  }
  return false;
}

/** A capitalised word after a name's cue: the name goes on ("National Popular Vote" + " Interstate Compact"). */
const NAME_GOES_ON = /\s+(\p{Lu}[\p{L}\p{M}'’.-]*)/uy;

/**
 * Claims the sentence `from`…`to` calls by the last word of a name the sentence before gave them:
 * "the initiative" after "the Regional Greenhouse Gas Initiative", "this compact's" after "the
 * National Popular Vote Interstate Compact". Only names of two words or more: "the state" after
 * "California" could be any state.
 */
function claimsCalledBack(
  text: string,
  from: number,
  to: number,
  before: ReadSentence,
  linker: FigureLinker,
): Set<number> {
  const called = new Set<number>();
  const sentence = text.slice(from, to);
  for (const match of before.cues) {
    if (!/^\p{Lu}/u.test(text[match.start] ?? '')) continue;
    const words = text.slice(match.start, match.end).split(/\s+/);
    for (let at = match.end, next = nameWord(text, at); next !== null; next = nameWord(text, at)) {
      words.push(next.word);
      at = next.end;
    }
    if (words.length < 2) continue;
    const head = words[words.length - 1]!.replace(/(?:['’]s|\.)$/u, '').toLowerCase();
    if (
      !/^\p{L}+$/u.test(head) ||
      !new RegExp(`(?<!\\p{L})(?:the|this)\\s+${head}(?:['’]s)?(?!\\p{L})`, 'iu').test(sentence)
    )
      continue;
    for (const { claim } of linker.owners[match.form]!) called.add(claim);
  }
  return called;
}

function nameWord(text: string, at: number): { word: string; end: number } | null {
  NAME_GOES_ON.lastIndex = at;
  const match = NAME_GOES_ON.exec(text);
  return match ? { word: match[1]!, end: at + match[0].length } : null;
}

/**
 * Claims the sentence may complete with the one before: not complete in the sentence alone, every
 * group named in one of the two, not stated by the sentence before, and tied to the sentence by a
 * cue group or a counted noun (the noun is checked per number).
 */
function contextClaims(
  linker: FigureLinker,
  named: ReadonlyMap<number, ReadonlySet<number>>,
  calledBack: ReadonlySet<number>,
  before: ReadSentence,
): number[] {
  const claims: number[] = [];
  for (const [c, borrowed] of before.named) {
    const claim = linker.claims[c]!;
    const own = named.get(c);
    if (before.stated.has(c) || (own?.size ?? 0) === claim.cues.length) continue;
    if (own === undefined && !calledBack.has(c) && !countsNamedThing(claim)) continue;
    const groups = new Set([...borrowed, ...(own ?? [])]);
    if (groups.size === claim.cues.length) claims.push(c);
  }
  return claims.sort((a, b) => a - b);
}

function fitsByContext(
  linker: FigureLinker,
  text: string,
  figure: ParsedFigure,
  c: number,
  /** Whether the sentence names a cue group of the claim, or calls it by its name's last word. */
  tied: boolean,
  cues: readonly FormMatch[],
  from: number,
  to: number,
): boolean {
  const claim = linker.claims[c]!;
  if (!unitsComparable(claim.unit, figure.unit) || !nounFits(claim, figure)) return false;
  if (!tied && !(countsNamedThing(claim) && continuesSubject(text, from, to, figure))) return false;
  const own = cues.filter((m) => linker.owners[m.form]!.some((o) => o.claim === c));
  return namesNoOneElse(text, from, to, [figure, ...own]);
}

/** Words that refer back to the sentence before ("These jurisdictions", "Its members", "… in it"). */
const REFERS_BACK = new Set(['it', 'its', 'they', 'their', 'them', 'these', 'those', 'this', 'such', 'both']);

/**
 * For a sentence with no cue of the claim: the number opens it, after opening words at most
 * ("Twelve states take part", "Currently, nine states …"), or the sentence refers back; "Buyers
 * from 12 states took part" may count anything.
 */
function continuesSubject(text: string, from: number, to: number, figure: ParsedFigure): boolean {
  const opening = text.slice(from, figure.start).match(/\p{L}+/gu) ?? [];
  if (opening.every((word) => OPENERS.has(word.toLowerCase()))) return true;
  for (const word of text.slice(from, to).match(/\p{L}+/gu) ?? []) {
    if (REFERS_BACK.has(word.toLowerCase())) return true;
  }
  return false;
}

/**
 * Words that may open a sentence continuing the one before (pronouns, determiners, number words,
 * prepositions, a few adverbs): any other capitalised first word may be a name of its own.
 */
const OPENERS = new Set(
  (
    'the a an this that these those it its they their them he his she her we our all both each every some many ' +
    'most several such another other one two three four five six seven eight nine ten eleven twelve thirteen ' +
    'fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ' +
    'ninety hundred nearly almost about around roughly over under more fewer less only just up in on at by to ' +
    'for from of with since after before during until as among between across and but or so yet while ' +
    'though although because if when now today currently together combined altogether collectively still ' +
    'also already overall there here then far'
  ).split(' '),
);

/**
 * Plural common nouns that open a sentence about the members of what the sentence before named
 * ("States that have joined the compact …"): capitalised there only because they come first.
 */
const COMMON_SUBJECTS = new Set(
  'states members governors legislatures lawmakers jurisdictions signatories participants countries cities counties'.split(
    ' ',
  ),
);

/**
 * True when the sentence's only capitalised words are inside `spans` (the claim's cues, the number)
 * or are its first word and an opener: a sentence naming someone else speaks of them.
 */
function namesNoOneElse(
  text: string,
  from: number,
  to: number,
  spans: readonly { readonly start: number; readonly end: number }[],
): boolean {
  const words = /\p{L}+/gu;
  words.lastIndex = from;
  let first = true;
  for (let word = words.exec(text); word !== null && word.index < to; word = words.exec(text)) {
    const at = word.index;
    const isFirst = first;
    first = false;
    if (!/^\p{Lu}/u.test(word[0]) || spans.some((s) => at >= s.start && at < s.end)) continue;
    if (isFirst && (OPENERS.has(word[0].toLowerCase()) || COMMON_SUBJECTS.has(word[0].toLowerCase()))) continue;
    return false;
  }
  return true;
}

/** For each claim (by index) that `cues` speak of, the cue groups they name. */
export function namedCueGroups(linker: FigureLinker, cues: readonly FormMatch[]): Map<number, Set<number>> {
  const named = new Map<number, Set<number>>();
  for (const match of cues) {
    for (const { claim, group } of linker.owners[match.form]!) {
      const groups = named.get(claim) ?? new Set<number>();
      groups.add(group);
      named.set(claim, groups);
    }
  }
  return named;
}

/** Cost of a cue in another clause than the number (a comma, semicolon or colon between them). */
const OTHER_CLAUSE_COST = 500;
/** Cost of a cue after the number: subjects usually come first ("Wyoming has 580,000 people"). */
const AFTER_NUMBER_COST = 50;

/** A claim that counts a named thing ("electoral votes") is stated only by a number naming it too. */
function nounFits(claim: FigureClaim, figure: ParsedFigure): boolean {
  if (claim.unit.kind !== 'count' || claim.unit.noun === null) return true;
  return figure.unit.kind === 'count' && figure.unit.noun !== null;
}

/** How far a cue stands from the number, in characters, plus the clause and order costs. */
function cueCost(text: string, figure: ParsedFigure, match: FormMatch): number {
  const before = match.end <= figure.start;
  const [from, to] = before ? [match.end, figure.start] : [figure.end, match.start];
  const between = to > from ? text.slice(from, to) : '';
  return between.length + (/[,;:]/.test(between) ? OTHER_CLAUSE_COST : 0) + (before ? 0 : AFTER_NUMBER_COST);
}

/** Of the `candidates` (claim indices) whose every cue group `cues` name, the nearest; null if none. */
function bestClaim(
  linker: FigureLinker,
  text: string,
  figure: ParsedFigure,
  cues: readonly FormMatch[],
  candidates: readonly number[],
): number | null {
  let best: { claim: number; distance: number } | null = null;
  for (const c of candidates) {
    const claim = linker.claims[c]!;
    if (!unitsComparable(claim.unit, figure.unit) || !nounFits(claim, figure)) continue;
    let distance = 0;
    for (let g = 0; g < claim.cues.length && distance !== Infinity; g++) {
      let nearest = Infinity;
      for (const match of cues) {
        if (!linker.owners[match.form]!.some((o) => o.claim === c && o.group === g)) continue;
        nearest = Math.min(nearest, cueCost(text, figure, match));
      }
      distance += nearest;
    }
    if (distance !== Infinity && (!best || distance < best.distance)) best = { claim: c, distance };
  }
  return best?.claim ?? null;
}
