import { describe, expect, it } from 'vitest';
import { pairedDifference, signTestInterval } from '../../bench/paired';

describe('signTestInterval', () => {
  // k-th smallest to k-th largest of n values holds their median with 1 − 2·P(Binomial(n, ½) ≤ k − 1).
  it.each([
    { n: 4, confidence: 0.9, expected: null },
    { n: 5, confidence: 0.9, expected: { k: 1, confidence: 1 - 2 / 32 } },
    { n: 9, confidence: 0.9, expected: { k: 2, confidence: 1 - (2 * 10) / 512 } },
    { n: 9, confidence: 0.8, expected: { k: 3, confidence: 1 - (2 * 46) / 512 } },
    { n: 20, confidence: 0.9, expected: { k: 6, confidence: 1 - (2 * 21700) / 1048576 } },
  ])('$n values at $confidence: $expected', ({ n, confidence, expected }) => {
    const interval = signTestInterval(n, confidence);
    if (expected === null) expect(interval).toBeNull();
    else {
      expect(interval?.k).toBe(expected.k);
      expect(interval?.confidence).toBeCloseTo(expected.confidence, 10);
    }
  });

  it('never claims less than it was asked, and is the narrowest that does', () => {
    const choose = (n: number, k: number): number => (k === 0 ? 1 : (choose(n, k - 1) * (n - k + 1)) / k);
    const holds = (n: number, k: number) => {
      let below = 0;
      for (let i = 0; i < k; i++) below += choose(n, i) / 2 ** n;
      return 1 - 2 * below;
    };
    for (let n = 1; n <= 40; n++)
      for (const confidence of [0.8, 0.9, 0.95]) {
        const interval = signTestInterval(n, confidence);
        if (!interval) {
          expect(holds(n, 1)).toBeLessThan(confidence);
          continue;
        }
        expect(interval.confidence).toBeGreaterThanOrEqual(confidence);
        if (interval.k < n >> 1) expect(holds(n, interval.k + 1)).toBeLessThan(confidence);
      }
  });
});

describe('pairedDifference', () => {
  it('pairs by round, not by rank', () => {
    // Sorted apart, the two sides would differ by 0 everywhere; by round each differs by ±5.
    const result = pairedDifference([10, 20, 30, 40, 50], [15, 15, 35, 35, 55], 0.9);
    expect(result.median).toBe(5);
    expect(result.interval).toEqual({ low: -5, high: 5, confidence: 1 - 2 / 32 });
  });

  it('has no interval where the pairs are too few', () => {
    expect(pairedDifference([1, 2, 3], [2, 4, 6], 0.9)).toEqual({ median: 2, interval: null });
  });

  it('refuses sides of different lengths', () => {
    expect(() => pairedDifference([1, 2], [1], 0.9)).toThrow(/as many/);
  });
});
