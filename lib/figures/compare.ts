/**
 * Rounding-aware comparison of two figures. A stated figure is not a point but the set of values
 * it can honestly describe: "$76 billion" covers 75.5-76.5 billion, "more than 130" everything
 * above 130. Two figures agree when those sets overlap, so "$76 billion" and "$76.2 billion"
 * match while "$76 billion" and "$80 billion" do not.
 */
import type { FigureUnit, ParsedFigure } from './number-parser';

export interface FigureComparison {
  verdict: 'matches' | 'differs';
  /** (other - stated) / stated * 100, signed and always finite. */
  differencePct: number;
}

type ComparableFigure = Pick<ParsedFigure, 'value' | 'precision' | 'approximation' | 'unit'>;

/** How far below its value "nearly" may go: "nearly 40 million" covers 38-40 million, plus half a rounding step each side. */
const NEARLY_SHORTFALL = 0.05;
/** How far either side "about" reaches when the rounding step is narrower. */
const ABOUT_TOLERANCE = 0.05;

/** Compares `other` against `stated`; null when the units say they measure different things. */
export function compareFigures(stated: ComparableFigure, other: ComparableFigure): FigureComparison | null {
  if (!unitsComparable(stated.unit, other.unit)) return null;
  return {
    verdict: intersects(intervalOf(stated), intervalOf(other)) ? 'matches' : 'differs',
    differencePct: relativeDifferencePct(stated.value, other.value),
  };
}

/**
 * Same kind and currency. Counts compare when either noun is unknown or one noun phrase ends with
 * the other's last word: "democratic attorneys general" and "attorneys general" count the same thing.
 */
export function unitsComparable(a: FigureUnit, b: FigureUnit): boolean {
  switch (a.kind) {
    case 'currency':
      return b.kind === 'currency' && a.currency === b.currency;
    case 'count':
      return b.kind === 'count' && (a.noun === null || b.noun === null || nounsAgree(a.noun, b.noun));
    default:
      return a.kind === b.kind;
  }
}

function nounsAgree(a: string, b: string): boolean {
  return endsWithWord(a, lastWord(b)) || endsWithWord(b, lastWord(a));
}

/** The values a stated figure can honestly describe. */
export interface Interval {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
}

export function intervalOf({ value, precision, approximation }: ComparableFigure): Interval {
  const halfStep = precision / 2;
  switch (approximation) {
    case 'exact':
      return { low: value - halfStep, high: value + halfStep, lowOpen: false, highOpen: true };
    case 'about': {
      const reach = Math.max(halfStep, ABOUT_TOLERANCE * Math.abs(value));
      return { low: value - reach, high: value + reach, lowOpen: false, highOpen: false };
    }
    case 'nearly':
      return { low: value * (1 - NEARLY_SHORTFALL) - halfStep, high: value + halfStep, lowOpen: false, highOpen: true };
    case 'more-than':
      return { low: value, high: Infinity, lowOpen: true, highOpen: true };
    case 'at-least':
      return { low: value, high: Infinity, lowOpen: false, highOpen: true };
    case 'less-than':
      return { low: -Infinity, high: value, lowOpen: true, highOpen: true };
    case 'at-most':
      return { low: -Infinity, high: value, lowOpen: true, highOpen: false };
  }
}

export function intersects(a: Interval, b: Interval): boolean {
  const low = Math.max(a.low, b.low);
  const high = Math.min(a.high, b.high);
  if (low < high) return true;
  if (low > high) return false;
  const lowOpen = (a.low === low && a.lowOpen) || (b.low === low && b.lowOpen);
  const highOpen = (a.high === high && a.highOpen) || (b.high === high && b.highOpen);
  return !lowOpen && !highOpen;
}

/** Against a stated zero there is no relative scale: any other value is reported as ±100%. */
function relativeDifferencePct(stated: number, other: number): number {
  if (stated === 0) return Math.sign(other) * 100;
  const pct = ((other - stated) / stated) * 100;
  return Number.isFinite(pct) ? pct : Math.sign(pct) * Number.MAX_VALUE;
}

function lastWord(phrase: string): string {
  return phrase.split(/\s+/).pop() ?? phrase;
}

/** Whole-word suffix for spaced scripts; Chinese nouns have no spaces, so a plain suffix. */
function endsWithWord(phrase: string, word: string): boolean {
  return phrase === word || phrase.endsWith(` ${word}`) || (/^[\u4e00-\u9fff]/.test(word) && phrase.endsWith(word));
}

/**
 * The interval of a / b for positive figures: what a ratio of two stated figures can honestly be
 * ("nearly 40 million" / "580,000" is 65.5 to 69.0).
 */
export function ratioInterval(a: Interval, b: Interval): Interval {
  const low = b.high > 0 && Number.isFinite(b.high) ? a.low / b.high : 0;
  const high = b.low > 0 ? a.high / b.low : Infinity;
  return { low, high, lowOpen: false, highOpen: false };
}
