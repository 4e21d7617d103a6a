import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readText } from '@/lib/text/quotation';
import { fingerprints } from '@/lib/my-sources/indexing';

const word = fc.stringMatching(/^[a-z]{2,8}$/);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max });
const print = (list: readonly string[]) => fingerprints(readText(list.join(' ')));

describe('fingerprints of a text', () => {
  it.each([
    ['no words', '', 0],
    ['fewer words than one n-gram', 'one two three', 0],
    ['exactly one n-gram', 'one two three four five six seven eight', 1],
  ])('%s: %i', (_, text, count) => {
    expect(fingerprints(readText(text))).toHaveLength(count);
  });

  it('keeps one for a text with fewer n-grams than a window, and at most one per window', () => {
    fc.assert(
      fc.property(words(8, 200), (list) => {
        const ngrams = list.length - 7;
        const kept = print(list).length;
        expect(kept).toBeGreaterThanOrEqual(1);
        expect(kept).toBeLessThanOrEqual(Math.max(ngrams - 13 + 1, 1));
      }),
    );
  });

  it('is shared by any two texts sharing a run of 20 words (a window of n-grams), wherever it stands', () => {
    fc.assert(
      fc.property(words(0, 60), words(20, 40), words(0, 60), words(0, 60), (before, shared, after, other) => {
        const a = new Set(print([...before, ...shared, ...after]));
        expect(print([...other, ...shared]).some((p) => a.has(p))).toBe(true);
      }),
    );
  });
});
