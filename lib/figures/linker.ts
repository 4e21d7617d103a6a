import { compileForms, findFormMatches, type FormAutomaton } from '../matching/automaton';
import { isAcronym } from '../matching/acronym';
import { foldForm } from '../matching/fold';
import { unitsComparable } from './compare';
import type { FigureUnit, ParsedFigure } from './number-parser';

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
  return { claims, automaton: compileForms(forms), owners };
}

export interface FigureLink {
  readonly figure: ParsedFigure;
  readonly claim: FigureClaim;
}

/**
 * The claim each figure speaks of, if any: its unit fits and every cue group is named in the
 * figure's sentence. Where several claims fit, the one whose cues stand nearest the number wins
 * ("California … nearly 40 million … Wyoming … 580,000" links each number to its own state).
 */
export function linkFigures(
  linker: FigureLinker,
  text: string,
  figures: readonly ParsedFigure[],
  sentenceAround: (start: number, end: number) => readonly [number, number],
): FigureLink[] {
  if (figures.length === 0) return [];
  const cueMatches = findFormMatches(linker.automaton, text);
  const links: FigureLink[] = [];
  for (const figure of figures) {
    const [from, to] = sentenceAround(figure.start, figure.end);
    const inSentence = cueMatches.filter((m) => m.start >= from && m.end <= to);
    let best: { claim: FigureClaim; distance: number } | null = null;
    linker.claims.forEach((claim, c) => {
      if (!unitsComparable(claim.unit, figure.unit)) return;
      let distance = 0;
      for (let g = 0; g < claim.cues.length; g++) {
        let nearest = Infinity;
        for (const match of inSentence) {
          if (!linker.owners[match.form]!.some((o) => o.claim === c && o.group === g)) continue;
          const gap = match.end <= figure.start ? figure.start - match.end : Math.max(0, match.start - figure.end);
          nearest = Math.min(nearest, gap);
        }
        if (nearest === Infinity) return;
        distance += nearest;
      }
      if (!best || distance < best.distance) best = { claim, distance };
    });
    if (best) links.push({ figure, claim: (best as { claim: FigureClaim }).claim });
  }
  return links;
}
