/**
 * Paired differences of two browsers' loads: on a shared 2-core machine each round's loads see
 * the same moment's load, so the median of the rounds' differences resolves a few milliseconds
 * that the difference of two medians does not.
 */
import { median } from '../harness/median';

/** The median of the differences, with an interval that holds the true median at `confidence` or more. */
export interface PairedDifference {
  readonly median: number;
  /** null when there are too few pairs for any interval at the confidence asked. */
  readonly interval: { readonly low: number; readonly high: number; readonly confidence: number } | null;
}

/** P(X ≤ k) for X ~ Binomial(n, ½). */
function binomialHalfAtMost(n: number, k: number): number {
  let term = 0.5 ** n; // P(X = 0)
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return sum;
}

/**
 * The sign-test interval for the median of `n` values: from the k-th smallest to the k-th largest,
 * k the largest for which it holds the median with `confidence` or more (distribution-free, so the
 * same loads give the same interval); with that k, the confidence it has. null: too few values.
 */
export function signTestInterval(n: number, confidence: number): { k: number; confidence: number } | null {
  for (let k = n >> 1; k >= 1; k--) {
    const covered = 1 - 2 * binomialHalfAtMost(n, k - 1);
    if (covered >= confidence) return { k, confidence: covered };
  }
  return null;
}

/** `after[i] - before[i]` for each round, their median and its sign-test interval. */
export function pairedDifference(
  before: readonly number[],
  after: readonly number[],
  confidence: number,
): PairedDifference {
  if (before.length !== after.length || before.length === 0) {
    throw new Error(`paired loads must be as many on both sides, and some: ${before.length} and ${after.length}`);
  }
  const differences = after.map((value, i) => value - before[i]!).sort((a, b) => a - b);
  const n = differences.length;
  const sign = signTestInterval(n, confidence);
  return {
    median: median(differences),
    interval: sign && { low: differences[sign.k - 1]!, high: differences[n - sign.k]!, confidence: sign.confidence },
  };
}
