import { describe, expect, it } from 'vitest';
import { compareFigures, unitsComparable } from '@/lib/figures/compare';
import { parseFigure, type FigureUnit, type ParsedFigure } from '@/lib/figures/number-parser';

function figure(expression: string): ParsedFigure {
  const parsed = parseFigure(expression);
  if (parsed === null) throw new Error(`not a figure: ${expression}`);
  return parsed;
}

describe('compareFigures', () => {
  it.each<[stated: string, other: string, verdict: 'matches' | 'differs', differencePct: number]>([
    ['$76 billion', '$76 billion', 'matches', 0],
    ['$76 billion', '$76.2 billion', 'matches', 0.263],
    ['$76 billion', '$75.5 billion', 'matches', -0.658],
    ['$76 billion', '$75.4 billion', 'differs', -0.789],
    ['$76 billion', '$76.6 billion', 'differs', 0.789],
    ['$76 billion', '$80 billion', 'differs', 5.263],
    ['760亿美元', '$76 billion', 'matches', 0],
    ['$4,846', '$4,850', 'differs', 0.083],
    ['more than 130', '135', 'matches', 3.846],
    ['more than 130', '125', 'differs', -3.846],
    ['more than 130', 'at least 200', 'matches', 53.846],
    ['less than 5', 'more than 5', 'differs', 0],
    ['at most 5', 'at least 5', 'matches', 0],
    ['at least 5', '5', 'matches', 0],
    ['at least 5', '4', 'differs', -20],
    ['nearly 40 million', '39.4 million', 'matches', -1.5],
    ['nearly 40 million', '40 million people', 'matches', 0],
    ['nearly 40 million', '36 million', 'differs', -10],
    ['nearly 40 million', '41 million', 'differs', 2.5],
    ['about 40 million', '41.5 million', 'matches', 3.75],
    ['about 40 million', '43 million', 'differs', 7.5],
    ['约40万', '41万', 'matches', 2.5],
    ['less than 5%', '4%', 'matches', -20],
    ['less than 5%', '6%', 'differs', 20],
    ['up to 70 seats', '70 seats', 'matches', 0],
    ['up to 70 seats', '72 seats', 'differs', 2.857],
    ['83 percent', '83%', 'matches', 0],
    ['百分之八十三', '87%', 'differs', 4.819],
    ['580,000', '580,400', 'matches', 0.069],
    ['580,000', '576,851', 'differs', -0.543],
    ['Twenty-three Democratic attorneys general', '23 attorneys general', 'matches', 0],
    ['二十三个州', '23个州', 'matches', 0],
    ['67 times', '67倍', 'matches', 0],
    ['一百三十多', '136', 'matches', 4.615],
  ])('%s vs %s: %s by %s%', (stated, other, verdict, differencePct) => {
    const comparison = compareFigures(figure(stated), figure(other));
    expect(comparison?.verdict).toBe(verdict);
    expect(comparison?.differencePct).toBeCloseTo(differencePct, 2);
  });

  it.each<[string, string]>([
    ['41 states', '41 governors'],
    ['$76 billion', '€76 billion'],
    ['$76 billion', '76 billion'],
    ['83 percent', '83 states'],
    ['67 times', '67%'],
  ])('%s vs %s: incomparable', (stated, other) => {
    expect(compareFigures(figure(stated), figure(other))).toBeNull();
  });

  it.each<[string, number, number]>([
    ['zero stated, larger other', 0, 100],
    ['zero stated, zero other', 0, 0],
    ['tiny stated, huge other', 0.01, 1e307],
  ])('keeps differencePct finite: %s', (_name, stated, other) => {
    const comparison = compareFigures(
      { value: stated, precision: 1, approximation: 'exact', unit: { kind: 'percent' } },
      { value: other, precision: 1, approximation: 'exact', unit: { kind: 'percent' } },
    );
    expect(Number.isFinite(comparison?.differencePct)).toBe(true);
    expect(Math.sign(comparison?.differencePct ?? NaN)).toBe(Math.sign(other - stated));
  });
});

describe('unitsComparable', () => {
  const count = (noun: string | null): FigureUnit => ({ kind: 'count', noun });
  it.each<[string, FigureUnit, FigureUnit, boolean]>([
    ['same currency', { kind: 'currency', currency: 'USD' }, { kind: 'currency', currency: 'USD' }, true],
    ['other currency', { kind: 'currency', currency: 'USD' }, { kind: 'currency', currency: 'CNY' }, false],
    ['percent', { kind: 'percent' }, { kind: 'percent' }, true],
    ['multiple', { kind: 'multiple' }, { kind: 'multiple' }, true],
    ['multiple and percent', { kind: 'multiple' }, { kind: 'percent' }, false],
    ['count and percent', count(null), { kind: 'percent' }, false],
    ['count and currency', count('dollars'), { kind: 'currency', currency: 'USD' }, false],
    ['unknown noun', count(null), count('states'), true],
    ['same noun', count('states'), count('states'), true],
    ['qualified noun', count('democratic attorneys general'), count('attorneys general'), true],
    ['qualified noun, other way round', count('votes'), count('electoral votes'), true],
    ['different nouns', count('states'), count('governors'), false],
    ['shared letters only', count('voters'), count('votes'), false],
    ['Chinese noun', count('州'), count('州'), true],
    ['Chinese nouns differ', count('州'), count('人'), false],
  ])('%s', (_name, a, b, expected) => {
    expect(unitsComparable(a, b)).toBe(expected);
    expect(unitsComparable(b, a)).toBe(expected);
  });
});
