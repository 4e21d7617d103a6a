import { sentenceAround } from '../kb/excerpt';
import type { IndexedFigure } from '../kb/types';
import { unitsComparable } from './compare';
import { findCueMatches, namedCueGroups, type FigureLinker } from './linker';
import { findFigures, type ParsedFigure } from './number-parser';
import { judgeFigure, type FigureVerdict } from './verdict';

/** Claims shown for a checked figure, at most. */
export const MAX_CANDIDATES = 3;

export interface CheckCandidate {
  readonly claim: IndexedFigure;
  /** How many of the claim's cue groups the selection's sentence names (all: it speaks of it). */
  readonly cuesNamed: number;
  readonly verdict: FigureVerdict | null;
}

export interface FigureCheck {
  readonly selection: string;
  /** The figure read from the selection, or null when it holds no number. */
  readonly figure: ParsedFigure | null;
  readonly candidates: readonly CheckCandidate[];
  /** `unsourced` when no claim of the knowledge base speaks of this figure. */
  readonly verdict: 'matches' | 'differs' | 'unsourced';
}

/**
 * "Check this figure": reads the first figure in the selection and ranks the knowledge base's
 * claims by unit (must fit), subject (cue groups named in the selection's sentence) and value
 * (nearest first). `claims` are the linker's claims with their stated values.
 */
export function checkFigure(
  linker: FigureLinker,
  claims: readonly IndexedFigure[],
  context: string,
  selectionStart: number,
  selectionEnd: number,
): FigureCheck {
  const selection = context.slice(selectionStart, selectionEnd);
  const found = findFigures(selection)[0];
  if (!found) return { selection, figure: null, candidates: [], verdict: 'unsourced' };
  const figure = found;
  const [from, to] = sentenceAround(context, selectionStart, selectionEnd, false);
  const cues = findCueMatches(linker, context).filter((m) => m.start >= from && m.end <= to);
  const named = namedCueGroups(linker, cues);
  const candidates = claims
    .map((claim, c) => ({ claim, cuesNamed: named.get(c)?.size ?? 0 }))
    .filter(({ claim, cuesNamed }) => cuesNamed > 0 && unitsComparable(claim.unit, figure.unit))
    .map(({ claim, cuesNamed }) => ({ claim, cuesNamed, verdict: judgeFigure(figure, claim.stated) }))
    .sort(
      (a, b) =>
        b.cuesNamed / b.claim.cues.length - a.cuesNamed / a.claim.cues.length ||
        distance(figure, a.verdict) - distance(figure, b.verdict),
    )
    .slice(0, MAX_CANDIDATES);
  const top = candidates[0];
  const speaksOfIt = top && top.cuesNamed === top.claim.cues.length && top.verdict;
  return { selection, figure, candidates, verdict: speaksOfIt ? top.verdict!.verdict : 'unsourced' };
}

function distance(figure: ParsedFigure, verdict: FigureVerdict | null): number {
  if (!verdict || figure.value <= 0 || verdict.closest.value <= 0) return Infinity;
  return Math.abs(Math.log(verdict.closest.value / figure.value));
}
