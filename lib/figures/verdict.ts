import { compareFigures } from './compare';
import type { Approximation, FigureUnit } from './number-parser';

/** A value an independent source states for a claim, as the page needs it to judge a number. */
export interface StatedValue {
  readonly source: string;
  readonly text: string;
  readonly value: number;
  readonly precision: number;
  readonly approximation: Approximation;
  readonly unit: FigureUnit;
}

export interface FigureVerdict {
  readonly verdict: 'matches' | 'differs';
  /** The statement the page's value was judged against (the matching one, else the nearest). */
  readonly closest: StatedValue;
  /** How far the source's value is from the page's: (stated − page) / page × 100. */
  readonly sourceVsPagePct: number;
}

type Judged = Pick<StatedValue, 'value' | 'precision' | 'approximation' | 'unit'>;

/**
 * Judges a page's figure against what the independent sources state: it matches when any of them
 * is consistent with it (rounding and approximation aware), else it differs from the nearest.
 * Null when no statement measures the same thing.
 */
export function judgeFigure(page: Judged, stated: readonly StatedValue[]): FigureVerdict | null {
  let best: { statement: StatedValue; matches: boolean; distance: number } | null = null;
  for (const statement of stated) {
    const comparison = compareFigures(statement, page);
    if (!comparison) continue;
    const matches = comparison.verdict === 'matches';
    const distance = Math.abs(comparison.differencePct);
    if (!best || (matches && !best.matches) || (matches === best.matches && distance < best.distance)) {
      best = { statement, matches, distance };
    }
  }
  if (!best) return null;
  const sourceVsPagePct = page.value === 0 ? 0 : ((best.statement.value - page.value) / Math.abs(page.value)) * 100;
  return { verdict: best.matches ? 'matches' : 'differs', closest: best.statement, sourceVsPagePct };
}

/** "1.3% more", "0.5% less": the plain-words size of a difference. */
export function describeDifference(pct: number): string {
  const size = Math.abs(pct);
  const shown = size >= 10 ? size.toFixed(0) : size.toFixed(1);
  return `${shown}% ${pct >= 0 ? 'more' : 'less'}`;
}
