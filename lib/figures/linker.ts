import {
  compileForms,
  findFormMatches,
  type FormAutomaton,
  type FormMatch,
  type MatcherForm,
} from '../matching/automaton';
import { isAcronym } from '../matching/acronym';
import { foldForm } from '../matching/fold';
import { unitsComparable } from './compare';
import { findFigures, type FigureUnit, type ParsedFigure } from './number-parser';

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
  /** The cue forms, compiled; `forms` lists them so a caller can compile them with others. */
  readonly forms: readonly MatcherForm[];
  readonly automaton: FormAutomaton;
  /** For each compiled cue form: the (claim, group) pairs it serves. */
  readonly owners: readonly (readonly { readonly claim: number; readonly group: number }[])[];
}

export function createFigureLinker(claims: readonly FigureClaim[]): FigureLinker {
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
  return { claims, forms, automaton: compileForms(forms), owners };
}

export interface FigureLink {
  readonly figure: ParsedFigure;
  readonly claim: FigureClaim;
}

/**
 * Every number in `text` that speaks of a claim: its unit fits and every cue group is named in
 * its sentence. Cues are read in one automaton pass; the number parser runs only over sentences
 * that name a cue, so a long page with few cues costs little. Where several claims fit, the one
 * whose cues stand nearest the number, in its own clause and before it, wins ("California … nearly
 * 40 million … Wyoming … 580,000" links each number to its own state).
 */
export function findLinkedFigures(
  linker: FigureLinker,
  text: string,
  sentenceAround: (start: number, end: number) => readonly [number, number],
  /** The cues' matches, when the caller read them in a pass of its own (by the linker's form index). */
  found: readonly FormMatch[] = findFormMatches(linker.automaton, text),
): FigureLink[] {
  const cueMatches = [...found].sort((a, b) => a.start - b.start);
  const links: FigureLink[] = [];
  // One walk over the cues, sentence by sentence; the parser runs only where some claim has every
  // cue group named, which on a long page is a handful of sentences.
  for (let next = 0; next < cueMatches.length;) {
    const first = cueMatches[next]!;
    const [from, to] = sentenceAround(first.start, first.end);
    const inSentence: FormMatch[] = [];
    for (; next < cueMatches.length && cueMatches[next]!.start < to; next++) {
      const match = cueMatches[next]!;
      if (match.start >= from && match.end <= to) inSentence.push(match);
    }
    if (!someClaimFullyCued(linker, inSentence)) continue;
    for (const figure of findFigures(text, from, to)) {
      const claim = bestClaim(linker, text, figure, inSentence);
      if (claim) links.push({ figure, claim });
    }
  }
  return links;
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

function someClaimFullyCued(linker: FigureLinker, cues: readonly FormMatch[]): boolean {
  return [...namedCueGroups(linker, cues)].some(([claim, groups]) => groups.size === linker.claims[claim]!.cues.length);
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

function bestClaim(
  linker: FigureLinker,
  text: string,
  figure: ParsedFigure,
  cues: readonly FormMatch[],
): FigureClaim | null {
  let best: { claim: FigureClaim; distance: number } | null = null;
  linker.claims.forEach((claim, c) => {
    if (!unitsComparable(claim.unit, figure.unit) || !nounFits(claim, figure)) return;
    let distance = 0;
    for (let g = 0; g < claim.cues.length; g++) {
      let nearest = Infinity;
      for (const match of cues) {
        if (!linker.owners[match.form]!.some((o) => o.claim === c && o.group === g)) continue;
        nearest = Math.min(nearest, cueCost(text, figure, match));
      }
      if (nearest === Infinity) return;
      distance += nearest;
    }
    if (!best || distance < best.distance) best = { claim, distance };
  });
  return best ? (best as { claim: FigureClaim }).claim : null;
}
