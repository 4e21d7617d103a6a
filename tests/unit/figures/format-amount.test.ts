import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountLocaleOf,
  inReaderNotation,
  formatAmount,
  type Amount,
  type AmountLocale,
} from '@/lib/figures/format-amount';
import { parseFigure, type Approximation, type Currency, type FigureUnit } from '@/lib/figures/number-parser';

const currency = (code: Currency): FigureUnit => ({ kind: 'currency', currency: code });
const usd = currency('USD');
const percent: FigureUnit = { kind: 'percent' };
const multiple: FigureUnit = { kind: 'multiple' };
const count = (noun: string | null = null): FigureUnit => ({ kind: 'count', noun });

/** What the parser reads back from a formatted amount, in the shape of an Amount. */
function readBack(text: string): Amount | null {
  const figure = parseFigure(text);
  return figure && { value: figure.value, unit: figure.unit, approximation: figure.approximation };
}

const LOCALES: readonly AmountLocale[] = ['en', 'zh'];

describe('formatAmount says an amount in both notations, and the parser reads each back as the amount', () => {
  it.each<[Amount, string, string]>([
    [{ value: 76e9, unit: usd }, '$76 billion', '760亿美元'],
    [{ value: 76.2e9, unit: usd }, '$76.2 billion', '762亿美元'],
    [{ value: 142.6e9, unit: usd }, '$142.6 billion', '1426亿美元'],
    [{ value: 4846, unit: usd }, '$4,846', '4,846美元'],
    [{ value: 1.24, unit: usd }, '$1.24', '1.24美元'],
    [{ value: 4.35e6, unit: usd }, '$4.35 million', '435万美元'],
    [{ value: 1.2e12, unit: usd }, '$1.2 trillion', '1.2万亿美元'],
    [{ value: 5e6, unit: currency('EUR') }, '€5 million', '500万欧元'],
    [{ value: 3e9, unit: currency('GBP') }, '£3 billion', '30亿英镑'],
    [{ value: 2e10, unit: currency('CNY') }, '20 billion yuan', '200亿元'],
    [{ value: 5e7, unit: currency('INR') }, '₹50 million', '5000万卢比'],
    [{ value: 2.5e6, unit: count() }, '2.5 million', '250万'],
    [{ value: 41_000, unit: count() }, '41,000', '4.1万'],
    [{ value: 580_000, unit: count() }, '580,000', '58万'],
    [{ value: 12_345, unit: count() }, '12,345', '12,345'],
    [{ value: 1_234_567, unit: count() }, '1,234,567', '1,234,567'],
    [{ value: 123_456_789, unit: count() }, '123,456,789', '123,456,789'],
    // Written in full, a year-like number keeps its comma, or it would read as a year.
    [{ value: 2025, unit: count() }, '2,025', '2,025'],
    [{ value: 0, unit: count() }, '0', '0'],
    [{ value: 0.0001, unit: percent }, '0.0001%', '0.0001%'],
    [{ value: 38, unit: percent }, '38%', '38%'],
    [{ value: 12.5, unit: percent }, '12.5%', '12.5%'],
    [{ value: 67, unit: multiple }, '67 times', '67倍'],
    [{ value: 25, unit: count('states') }, '25 states', '25 states'],
    [{ value: 209, unit: count('electoral votes') }, '209 electoral votes', '209 electoral votes'],
    [{ value: 25, unit: count('州') }, '25个州', '25个州'],
    [{ value: 3e4, unit: count('人') }, '30,000人', '3万人'],
    [{ value: 40e6, unit: count('people'), approximation: 'nearly' }, 'nearly 40 million people', '近4000万 people'],
    [{ value: 40e6, unit: count('人口'), approximation: 'nearly' }, 'nearly 40 million人口', '近4000万人口'],
    [{ value: 130, unit: count('states'), approximation: 'more-than' }, 'more than 130 states', '超过130 states'],
    [{ value: 76e9, unit: usd, approximation: 'about' }, 'about $76 billion', '约760亿美元'],
    [{ value: 5000, unit: count('人'), approximation: 'at-least' }, 'at least 5,000人', '至少5,000人'],
    [{ value: 10, unit: percent, approximation: 'less-than' }, 'less than 10%', '不到10%'],
    [{ value: 70, unit: count('seats'), approximation: 'at-most' }, 'at most 70 seats', '最多70 seats'],
  ])('%o: %s, %s', (amount, en, zh) => {
    expect(formatAmount(amount, { locale: 'en' })).toBe(en);
    expect(formatAmount(amount, { locale: 'zh' })).toBe(zh);
    const expected = { approximation: 'exact', ...amount };
    expect(readBack(en)).toEqual(expected);
    expect(readBack(zh)).toEqual(expected);
  });

  it.each<[string, AmountLocale]>([
    ['$76 billion', 'en'],
    ['more than 130 multistate lawsuits', 'en'],
    ['83%', 'en'],
    ['67 times', 'en'],
    ['760亿美元', 'zh'],
    ['约40万人', 'zh'],
    ['67倍', 'zh'],
  ])('says the figure the parser reads in %s as it was written', (text, locale) => {
    expect(formatAmount(readBack(text)!, { locale })).toBe(text);
  });

  const amounts = fc.record({
    // Amounts as sources state them: up to six significant digits, from thousandths to quadrillions.
    value: fc
      .tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: -3, max: 12 }))
      .map(([digits, power]) => Number(`${digits}e${power}`)),
    unit: fc.constantFrom<FigureUnit>(
      usd,
      currency('EUR'),
      currency('GBP'),
      currency('CNY'),
      currency('INR'),
      percent,
      multiple,
      count(),
      count('states'),
      count('州'),
      count('人'),
    ),
    approximation: fc.constantFrom<Approximation>(
      'exact',
      'about',
      'nearly',
      'more-than',
      'at-least',
      'less-than',
      'at-most',
    ),
  });

  it.each(LOCALES)('reads back every amount it says in %s', (locale) => {
    fc.assert(
      fc.property(amounts, (amount) => {
        expect(readBack(formatAmount(amount, { locale }))).toEqual(amount);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('formatAmount with fractionDigits rounds and writes the number in full', () => {
  it.each<[Amount, number, string, string]>([
    [{ value: 1.3333, unit: percent }, 1, '1.3%', '1.3%'],
    [{ value: 0, unit: percent }, 1, '0.0%', '0.0%'],
    [{ value: 25.4, unit: percent }, 0, '25%', '25%'],
    [{ value: 6.333, unit: multiple }, 1, '6.3 times', '6.3倍'],
    [{ value: 1500, unit: multiple }, 0, '1,500 times', '1,500倍'],
    [{ value: 2.5e6, unit: count() }, 0, '2,500,000', '2,500,000'],
    [{ value: 1e21, unit: multiple }, 0, '1,000,000,000,000,000,000,000 times', '1,000,000,000,000,000,000,000倍'],
  ])('%o to %d digits: %s, %s', (amount, fractionDigits, en, zh) => {
    expect(formatAmount(amount, { locale: 'en', fractionDigits })).toBe(en);
    expect(formatAmount(amount, { locale: 'zh', fractionDigits })).toBe(zh);
  });
});

describe('formatAmount outside what the parser reads', () => {
  it.each<[Amount, string]>([
    [{ value: -5e9, unit: usd }, '-$5 billion'],
    [{ value: Infinity, unit: percent }, 'Infinity'],
    [{ value: NaN, unit: count() }, 'NaN'],
  ])('%o: %s', (amount, en) => {
    expect(formatAmount(amount, { locale: 'en' })).toBe(en);
  });
});

describe('inReaderNotation: the amount beside what a page or source wrote, in the reader’s notation', () => {
  const usd = { kind: 'currency', currency: 'USD' } as const;
  it.each([
    ['a dollar amount for a Chinese reader', { value: 76e9, unit: usd }, '$76 billion', 'zh', '760亿美元'],
    [
      'a yuan-written dollar amount for an English reader',
      { value: 76e9, unit: usd },
      '760亿美元',
      'en',
      '$76 billion',
    ],
    ['already in the reader’s notation', { value: 76e9, unit: usd }, '$76 billion', 'en', null],
    ['the same up to spacing and commas', { value: 2025e3, unit: usd }, '$2, 025,000', 'en', null],
    ['a share', { value: 38, unit: { kind: 'percent' } }, '38 per cent', 'en', '38%'],
    [
      'a count of Chinese nouns for an English reader',
      { value: 25, unit: { kind: 'count', noun: '州' } },
      '25个州',
      'en',
      null,
    ],
    [
      'a count of English nouns for a Chinese reader',
      { value: 25, unit: { kind: 'count', noun: 'states' } },
      '25 states',
      'zh',
      null,
    ],
    [
      'a bare count for a Chinese reader',
      { value: 2.5e6, unit: { kind: 'count', noun: null } },
      '2.5 million',
      'zh',
      '250万',
    ],
  ] as const)('%s', (_name, amount, written, locale, expected) => {
    expect(inReaderNotation(amount, written, locale)).toBe(expected);
  });

  it.each([
    ['zh-CN', 'zh'],
    ['zh', 'zh'],
    ['zh-TW', 'zh'],
    ['en-US', 'en'],
    ['fr', 'en'],
  ] as const)('a reader of %s reads amounts in %s notation', (ui, locale) => {
    expect(amountLocaleOf(ui)).toBe(locale);
  });
});
