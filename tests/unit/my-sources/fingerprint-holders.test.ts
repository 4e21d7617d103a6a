import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FingerprintHolders } from '@/lib/my-sources/fingerprint-holders';

/** The plain way: count in a map, sort everything, take the first. */
function reference(articles: readonly number[][], prints: readonly number[], self: number, limit: number): number[] {
  const shared = new Map<number, number>();
  articles.forEach((held, i) => {
    const id = i + 1;
    if (id === self) return;
    const count = prints.filter((p) => held.includes(p)).length;
    if (count > 0) shared.set(id, count);
  });
  return [...shared.keys()].sort((a, b) => shared.get(b)! - shared.get(a)! || a - b).slice(0, limit);
}

describe('the saved articles sharing the most fingerprints', () => {
  it('are those the plain count-and-sort picks, in its order', () => {
    const print = fc.integer({ min: 0, max: 30 });
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(print, { maxLength: 12 }), { maxLength: 40 }),
        fc.uniqueArray(print, { maxLength: 12 }),
        fc.integer({ min: 0, max: 41 }),
        fc.integer({ min: 1, max: 10 }),
        (articles, prints, self, limit) => {
          const holders = new FingerprintHolders();
          articles.forEach((held, i) => holders.add(i + 1, held));
          expect(holders.mostShared(prints, self, limit)).toEqual(reference(articles, prints, self, limit));
          // The counts are cleared after each question: asking again gives the same answer.
          expect(holders.mostShared(prints, self, limit)).toEqual(reference(articles, prints, self, limit));
        },
      ),
    );
  });

  it('counts past the ids it first made room for', () => {
    const holders = new FingerprintHolders();
    holders.add(5000, [1, 2]);
    holders.add(7, [1]);
    expect(holders.mostShared([1, 2], undefined, 10)).toEqual([5000, 7]);
  });
});
