import { PAGE_TEXT, sentenceAround } from '../text/excerpt';
import { judgeLinkedFigure, type PageFigure } from './page-matcher';
import type { IndexedFigure } from '../kb/types';
import { unitsComparable } from '../figures/compare';
import { findCueMatches, findLinkedFigures, namedCueGroups, type FigureLinker } from '../figures/linker';
import { readNumbers, type NotFigure, type ParsedFigure } from '../figures/number-parser';
import { judgeFigure, type StatedValue } from '../figures/verdict';

/**
 * "Check this figure": the selected number read and linked as its highlight would be, or the claims
 * its sentence comes near, listed without a verdict.
 */

/** Claims shown for a checked figure, at most. */
export const MAX_CANDIDATES = 3;

export interface CheckCandidate {
  readonly claim: IndexedFigure;
  /** How many of the claim's cue groups the selection's sentence names. */
  readonly cuesNamed: number;
  /** What the sources state for it, nearest the number first: shown, never judged. */
  readonly nearest: StatedValue | null;
}

export interface FigureCheck {
  readonly selection: string;
  /** The figure read from the selection, or null when it holds none. */
  readonly figure: ParsedFigure | null;
  /** The numbers of a selection that holds no figure, with what each reads as ("1919": a year). */
  readonly notFigures: readonly NotFigure[];
  /**
   * The claim the number speaks of, linked as a highlight of it is, and what that highlight's
   * card says of it: the same verdict, or the same reason for none.
   */
  readonly linked: { readonly claim: IndexedFigure; readonly pageFigure: PageFigure } | null;
  /** Claims whose words the number's sentence shares, when none is linked: listed, never judged. */
  readonly candidates: readonly CheckCandidate[];
  /**
   * The linked number's verdict; null when it is linked but gets none (the page is its only
   * source's article, or another claim fits as well); `unsourced` when no claim speaks of it.
   */
  readonly verdict: 'matches' | 'differs' | 'unsourced' | null;
}

/**
 * "Check this figure": reads the selection's first figure in its block's text (`context`), as the
 * page's pass reads it, and links it with the same linker and judgement as its highlight, so the
 * two say the same. A number no claim takes gets no verdict; the claims whose cue groups its
 * sentence names are listed by unit (must fit), subject (cue groups named) and value (nearest
 * first). `claims` are the linker's claims with their stated values.
 */
export function checkFigure(
  linker: FigureLinker,
  claims: readonly IndexedFigure[],
  context: string,
  selectionStart: number,
  selectionEnd: number,
): FigureCheck {
  const selection = context.slice(selectionStart, selectionEnd);
  const inSelection = (span: { readonly start: number; readonly end: number }) =>
    span.start < selectionEnd && span.end > selectionStart;
  const numbers = readNumbers(context);
  const figure = numbers.figures.find(inSelection);
  if (!figure) {
    const notFigures = numbers.notFigures.filter(inSelection);
    return { selection, figure: null, notFigures, linked: null, candidates: [], verdict: 'unsourced' };
  }
  const sentence = (start: number, end: number) => sentenceAround(context, start, end, PAGE_TEXT);
  const link = findLinkedFigures(linker, context, sentence, undefined, PAGE_TEXT).find(
    (l) => l.figure.start === figure.start,
  );
  if (link) {
    const byId = new Map(claims.map((claim) => [claim.id, claim]));
    const pageFigure = judgeLinkedFigure((id) => byId.get(id)!, context, link);
    const linked = { claim: byId.get(link.claim.id)!, pageFigure };
    return { selection, figure, notFigures: [], linked, candidates: [], verdict: pageFigure.verdict?.verdict ?? null };
  }
  const [from, to] = sentence(figure.start, figure.end);
  const cues = findCueMatches(linker, context).filter((m) => m.start >= from && m.end <= to);
  const named = namedCueGroups(linker, cues);
  const candidates = claims
    .map((claim, c) => ({ claim, cuesNamed: named.get(c)?.size ?? 0 }))
    .filter(({ claim, cuesNamed }) => cuesNamed > 0 && unitsComparable(claim.unit, figure.unit))
    .map(({ claim, cuesNamed }) => ({ claim, cuesNamed, nearest: judgeFigure(figure, claim.stated)?.closest ?? null }))
    .sort(
      (a, b) =>
        b.cuesNamed / b.claim.cues.length - a.cuesNamed / a.claim.cues.length ||
        distance(figure, a.nearest) - distance(figure, b.nearest),
    )
    .slice(0, MAX_CANDIDATES);
  return { selection, figure, notFigures: [], linked: null, candidates, verdict: 'unsourced' };
}

function distance(figure: ParsedFigure, nearest: StatedValue | null): number {
  if (!nearest || figure.value <= 0 || nearest.value <= 0) return Infinity;
  return Math.abs(Math.log(nearest.value / figure.value));
}
