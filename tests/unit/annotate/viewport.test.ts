import { describe, expect, it } from 'vitest';
import { isBelowViewport, nearViewport, type VerticalExtent } from '@/lib/annotate/viewport';

/** Items of 100 px in a column, the first starting at `top` (the viewport's top is 0). */
const column =
  (top: number) =>
  (index: number): VerticalExtent => ({ top: top + index * 100, bottom: top + index * 100 + 100 });

describe('nearViewport', () => {
  it.each<[string, number, (index: number) => VerticalExtent, number, number, [number, number]]>([
    ['nothing to place', 0, column(0), 900, 0, [0, 0]],
    ['a page at its top: the first screenful', 20, column(0), 300, 0, [0, 4]],
    ['the margin draws a little more', 20, column(0), 300, 100, [0, 5]],
    ['scrolled down: what is above is left out', 20, column(-550), 300, 0, [5, 9]],
    ['scrolled past everything', 20, column(-5000), 300, 0, [20, 20]],
    ['all below the fold', 20, column(1000), 300, 0, [0, 0]],
    ['an item taller than the viewport', 1, () => ({ top: -2000, bottom: 3000 }), 300, 0, [0, 1]],
  ])('%s', (_name, count, extentOf, height, margin, expected) => {
    expect(nearViewport(count, extentOf, height, margin)).toEqual(expected);
  });

  it('asks for few extents: a binary search, then the items in view', () => {
    const asked: number[] = [];
    const extentOf = (index: number) => {
      asked.push(index);
      return column(-100_000)(index);
    };
    // Items touching an edge count as in view.
    expect(nearViewport(10_000, extentOf, 900, 0)).toEqual([999, 1010]);
    expect(asked.length).toBeLessThan(40);
  });
});

describe('isBelowViewport', () => {
  it.each<[number, number, number, boolean]>([
    [899, 900, 0, false],
    [901, 900, 0, true],
    [1200, 900, 400, false],
    [1301, 900, 400, true],
  ])('top %d, viewport %d, margin %d: %s', (top, height, margin, expected) => {
    expect(isBelowViewport({ top, bottom: top + 10 }, height, margin)).toBe(expected);
  });
});
