import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFigure } from '@/lib/matching/figure-check';
import { claimUnit, createFigureLinker, findLinkedFigures } from '@/lib/figures/linker';
import { parseFigure } from '@/lib/figures/number-parser';
import { describeDifference, judgeFigure, type StatedValue } from '@/lib/figures/verdict';
import { sentenceAround } from '@/lib/text/excerpt';
import type { IndexedFigure } from '@/lib/kb/types';

function stated(source: string, expression: string): StatedValue {
  const { text, value, precision, approximation, unit } = parseFigure(expression)!;
  return { source, text, value, precision, approximation, unit };
}

describe('judgeFigure', () => {
  it.each<[string, string[], string, 'matches' | 'differs' | null, string | null]>([
    ['same value', ['$76 billion'], '$76 billion', 'matches', '$76 billion'],
    ['rounding', ['$76 billion'], '$76.2 billion', 'matches', '$76 billion'],
    ['changed', ['$76 billion'], '$75 billion', 'differs', '$76 billion'],
    ['consistent with a lower bound', ['more than 130 lawsuits'], '135 lawsuits', 'matches', 'more than 130 lawsuits'],
    ['below a lower bound', ['more than 130 lawsuits'], '120 lawsuits', 'differs', 'more than 130 lawsuits'],
    ['"nearly" is a little under', ['nearly 40 million'], '39.4 million', 'matches', 'nearly 40 million'],
    ['any matching source wins', ['$80 billion', '$76 billion'], '$76 billion', 'matches', '$76 billion'],
    ['else the nearest source', ['$90 billion', '$80 billion'], '$76 billion', 'differs', '$80 billion'],
    ['units that measure other things', ['83 percent'], '$83', null, null],
  ])('%s', (_name, sources, page, verdict, closest) => {
    const result = judgeFigure(
      parseFigure(page)!,
      sources.map((s, i) => stated(`s${i}`, s)),
    );
    expect(result?.verdict ?? null).toBe(verdict);
    expect(result?.closest.text ?? null).toBe(closest);
  });

  it('measures the difference from the page value', () => {
    expect(judgeFigure(parseFigure('$75 billion')!, [stated('a', '$76 billion')])!.sourceVsPagePct).toBeCloseTo(
      1.333,
      2,
    );
  });

  it.each<[number, string]>([
    [1.3333, '1.3% more'],
    [-0.5, '0.5% less'],
    [25.4, '25% more'],
    [0, '0.0% more'],
    [100, '100% more'],
    [-50, '50% less'],
    // $12 billion on the page against $76 billion in the sources: not "533% more".
    [(76 / 12 - 1) * 100, '6.3 times as much'],
    [(1500 / 12 - 1) * 100, '125 times as much'],
    // $76 billion on the page against $12 billion in the sources: not "84% less".
    [(12 / 76 - 1) * 100, 'about a sixth as much'],
    [(1 / 3.02 - 1) * 100, 'about a third as much'],
    [(1 / 4.5 - 1) * 100, '4.5 times less'],
    [(1 / 40 - 1) * 100, '40 times less'],
    [-150, 'a value of the opposite sign'],
  ])('describeDifference(%s) = %s', (pct, words) => {
    expect(describeDifference(pct)).toBe(words);
  });
});

const claims: IndexedFigure[] = [
  {
    id: 'ca-reserves',
    label: 'California’s reserves',
    unit: claimUnit('USD', null),
    cues: [['California'], ['reserves']],
    stated: [stated('a', '$76 billion')],
    asOf: '2025',
  },
  {
    id: 'lawsuits',
    label: 'Multistate lawsuits',
    unit: claimUnit('count', 'lawsuits'),
    cues: [['multistate'], ['lawsuits']],
    stated: [stated('a', 'more than 130 lawsuits')],
    asOf: null,
  },
];
const linker = createFigureLinker(claims);

describe('checkFigure', () => {
  it.each<[string, string, string, string, 'matches' | 'differs' | 'unsourced', string | null, string[]]>([
    [
      'the claim it speaks of',
      'California has $75 billion in reserves.',
      '$75 billion',
      '$75 billion',
      'differs',
      'ca-reserves',
      [],
    ],
    [
      'the figure its highlight is, wherever the selection falls in it',
      'California has $75 billion in reserves.',
      '75 bil',
      '$75 billion',
      'differs',
      'ca-reserves',
      [],
    ],
    [
      'a claim in its own words',
      'They filed 135 multistate lawsuits.',
      '135 multistate lawsuits',
      '135 multistate lawsuits',
      'matches',
      'lawsuits',
      [],
    ],
    [
      'the subject in the sentence before, as its highlight links it',
      'California closed its budget gap. It leaves $41 billion in reserves.',
      '$41 billion',
      '$41 billion',
      'differs',
      'ca-reserves',
      [],
    ],
    [
      'half a subject: listed, not judged',
      'Texas has $76 billion in reserves.',
      '$76 billion',
      '$76 billion',
      'unsourced',
      null,
      ['ca-reserves'],
    ],
    [
      'a bare number beside a counted claim’s words: listed, not judged',
      'They filed multistate lawsuits in 135 courts.',
      '135',
      '135 courts',
      'unsourced',
      null,
      [],
    ],
    ['no subject at all', 'It costs $76 billion.', '$76 billion', '$76 billion', 'unsourced', null, []],
  ])('%s', (_name, context, selection, read, verdict, linked, candidates) => {
    const start = context.indexOf(selection);
    const check = checkFigure(linker, claims, context, start, start + selection.length);
    expect(check.figure?.text).toBe(read);
    expect(check.verdict).toBe(verdict);
    expect(check.linked?.claim.id ?? null).toBe(linked);
    expect(check.candidates.map((c) => c.claim.id)).toEqual(candidates);
  });

  it('no number in the selection: what its numbers read as, if any', () => {
    const context = 'California has reserves, counted in 1919.';
    const at = (text: string) => [context.indexOf(text), context.indexOf(text) + text.length] as const;
    expect(checkFigure(linker, claims, context, ...at('reserves')).notFigures).toEqual([]);
    expect(checkFigure(linker, claims, context, ...at('1919')).notFigures).toEqual([
      { start: context.indexOf('1919'), end: context.indexOf('1919') + 4, text: '1919', reading: 'year' },
    ]);
  });
});

describe('bad input never throws and never links falsely', () => {
  it.each([
    '1,2,3 reserves in California',
    'California reserves 2025-08-18',
    'California v1.24 reserves',
    'California +1 (555) 010-2025 reserves',
    'California reserves 1.234,5',
  ])('%s', (text) => {
    expect(findLinkedFigures(linker, text, (s, e) => sentenceAround(text, s, e))).toEqual([]);
  });

  it('any text: no throw, and every link is a figure of a fitting unit', () => {
    const pieces = fc.constantFrom(
      'California',
      'reserves',
      'multistate',
      'lawsuits',
      '$',
      '76',
      'billion',
      '.',
      ',',
      ' ',
      '1.2.3',
      '2025',
      'NaN',
      '1e400',
      '百分之',
      '亿',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }), (parts) => {
        const text = parts.join(' ');
        for (const { figure, claim } of findLinkedFigures(linker, text, (s, e) => sentenceAround(text, s, e))) {
          expect(Number.isFinite(figure.value)).toBe(true);
          expect(text.slice(figure.start, figure.end)).toBe(figure.text);
          expect(claim.unit.kind).toBe(figure.unit.kind);
        }
      }),
    );
  });
});
