import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kbIndex } from '@/lib/kb/index-data';
import { createPageMatcher, matchPage, matchWindows } from '@/lib/kb/page-matcher';
import { BARRIER } from '@/lib/matching/fold';

const matcher = createPageMatcher(kbIndex);
const seedText = readFileSync(new URL('../../../seeds/000_7413e54e0e4ba69d.txt', import.meta.url), 'utf8');

describe('matchWindows', () => {
  it.each<[string, string, number, [number, number][]]>([
    ['empty text', '', 4, []],
    ['no barrier: one window', 'abcdefgh', 2, [[0, 8]]],
    [
      'each window ends just after a barrier',
      `ab${BARRIER}cd${BARRIER}ef`,
      2,
      [
        [0, 3],
        [3, 6],
        [6, 8],
      ],
    ],
    [
      'a window runs on to the next barrier',
      `abcd${BARRIER}ef${BARRIER}gh`,
      2,
      [
        [0, 5],
        [5, 8],
        [8, 10],
      ],
    ],
    [
      'small blocks are read together',
      `a${BARRIER}b${BARRIER}c${BARRIER}d`,
      4,
      [
        [0, 4],
        [4, 7],
      ],
    ],
  ])('%s', (_name, text, size, expected) => {
    expect(matchWindows(text, size)).toEqual(expected);
  });
});

describe('matchPage by windows', () => {
  // Paragraphs of a seed article (terms, surnames after full names, linked figures) between barriers.
  const paragraphs = seedText.split(/\n+/).filter((p) => p.trim().length > 0);
  const pages = fc
    .array(fc.constantFrom(...paragraphs), { minLength: 1, maxLength: 25 })
    .map((chosen) => chosen.join(BARRIER));

  it('finds what matching the whole text at once finds', () => {
    fc.assert(
      fc.property(pages, fc.integer({ min: 1, max: 3000 }), (text, size) => {
        const whole = matchPage(matcher, text, new Set());
        const namedInFull = new Set<string>();
        const windowed = matchWindows(text, size).flatMap(([from, to]) =>
          matchPage(matcher, text.slice(from, to), namedInFull).map((m) => ({
            ...m,
            start: m.start + from,
            end: m.end + from,
          })),
        );
        expect(windowed).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });
});
