import { t, uiLanguage } from '../i18n';
import { compareFigures } from './compare';
import type { Approximation, FigureUnit } from './number-parser';

/**
 * Judging a number on a page against what the sources state for its claim: matches or differs,
 * and against which statement.
 */

/** A value an independent source states for a claim, as the page needs it to judge a number. */
export interface StatedValue {
  readonly source: string;
  readonly text: string;
  readonly value: number;
  readonly precision: number;
  readonly approximation: Approximation;
  readonly unit: FigureUnit;
  /** The keys of the sentences in which the source states it (see sentenceKey), when known. */
  readonly sentenceKeys?: readonly string[];
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

/** Fractions people say: "about a third", up to a tenth (by denominator). */
const FRACTIONS = [
  null,
  null,
  'half',
  'third',
  'quarter',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
] as const;

/**
 * How the sources' value compares with the page's, as people say it, from `pct` = (stated − page)
 * / page × 100: "1.3% more" or "25% less" within a factor of two; "6.3 times as much" above;
 * "about a sixth as much" (or "12 times less") below.
 */
export function describeDifference(pct: number): string {
  const ratio = 1 + pct / 100;
  if (ratio >= 0.5 && ratio <= 2) {
    const size = Math.abs(pct);
    const percent = toDigits(size, size >= 10 ? 0 : 1);
    return pct >= 0 ? t('figure.more', { percent }) : t('figure.less', { percent });
  }
  if (ratio > 2) return t('figure.timesAsMuch', { times: times(ratio) });
  if (ratio <= 0) return t('figure.oppositeSign');
  const inverse = 1 / ratio;
  const nearest = Math.round(inverse);
  const fraction = FRACTIONS[nearest];
  if (fraction && Math.abs(inverse - nearest) / nearest < 0.08)
    return t('figure.aboutAs', { fraction: t(`figure.fraction.${fraction}`) });
  return t('figure.timesLess', { times: times(inverse) });
}

/** "6.3", "1,500": a ratio as the reader's language writes it, to one decimal below ten. */
function times(ratio: number): string {
  return toDigits(ratio, ratio >= 10 ? 0 : 1);
}

/** A number with exactly `digits` decimals ("0.0", "12"), grouped as the reader's language groups it. */
function toDigits(value: number, digits: number): string {
  return value.toLocaleString(uiLanguage(), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
