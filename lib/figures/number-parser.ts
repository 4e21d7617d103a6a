/**
 * The one number parser shared by the knowledge-base build and the in-page figure checker, so a
 * figure stated in a source ("$76 billion", "nearly 40 million", "760亿美元") and the same figure
 * on a page are read identically. Pure: no DOM.
 *
 * findFigures scans once with a single global regex. Each match is either something whose digits
 * are not a figure (web or e-mail address, handle, phone number, date, time, page furniture), consumed and dropped,
 * or a number core (digits, English number words, Chinese numerals), which is then widened by a
 * bounded look behind (approximation words, currency marks) and ahead (scale, unit, counted noun).
 * Every match does bounded work, so a 100,000-character page costs one linear pass.
 */

import { WEB_ADDRESS_PATTERNS } from '../text/web-addresses';

export type FigureUnit =
  | { kind: 'currency'; currency: Currency }
  | { kind: 'percent' }
  /** noun: the counted noun phrase that follows, lowercased ("electoral votes", "州"); null if none. */
  | { kind: 'count'; noun: string | null }
  /** "67 times the population". */
  | { kind: 'multiple' };

export type Currency = 'USD' | 'EUR' | 'GBP' | 'CNY' | 'INR';

export type Approximation = 'exact' | 'about' | 'nearly' | 'more-than' | 'at-least' | 'less-than' | 'at-most';

/** What a statement of a figure keeps of the parsed number: where it is, what it says and what it means. */
export type FigureReading = Pick<
  ParsedFigure,
  'start' | 'end' | 'text' | 'value' | 'precision' | 'approximation' | 'unit'
>;

/** The reading of `figure`, in the order the generated knowledge base writes its fields. */
export function figureReading(figure: ParsedFigure): FigureReading {
  const { start, end, text, value, precision, approximation, unit } = figure;
  return { start, end, text, value, precision, approximation, unit };
}

export interface ParsedFigure {
  /** Fully scaled: "$76 billion" -> 76e9, "83 percent" -> 83. Always finite. */
  value: number;
  unit: FigureUnit;
  /** Multiplier of the scale word ("billion", "bn", "万", "亿"), 1 if none. */
  scale: number;
  /**
   * Step of the last stated digit, scaled: "$76.2 billion" -> 1e8, "$4,846" -> 1. Trailing zeros
   * of an integer count as rounding in whole thousands groups, like a scale word would:
   * "580,000" -> 1000 (as "580 thousand"), "40 million" -> 1e6.
   */
  precision: number;
  approximation: Approximation;
  /** UTF-16 offsets of the whole expression: approximation words, currency, scale, unit, noun. */
  start: number;
  end: number;
  /** UTF-16 offsets of the numeric part only (digits, or the run of number words / numerals). */
  numberStart: number;
  numberEnd: number;
  /** input.slice(start, end) */
  text: string;
}

/**
 * Every figure in `text.slice(from, to)`, in order and non-overlapping, with offsets into `text`.
 * Never throws. A span that is a sentence (spaces, line breaks or sentence punctuation around it)
 * reads exactly as the sentence alone would, as a property test checks.
 *
 * Reading the span in place lets a caller go through a long page sentence by sentence with no
 * offsets to shift back.
 */
export function findFigures(original: string, from = 0, to = original.length): ParsedFigure[] {
  return scan(original, from, to, null);
}

/**
 * What a number that is not a figure reads as: why Crosscheck does not check it ("1919" is a
 * year, "8 AM" a time, "COVID-19" part of a name).
 */
export type NumberReading =
  | 'year'
  | 'decade'
  | 'date'
  | 'time'
  | 'web address'
  | 'e-mail address'
  | 'handle'
  | 'phone number'
  | 'label'
  | 'rank'
  | 'code'
  | 'currency'
  | 'word';

/** A number in the text that is not a figure, and what it reads as. */
export interface NotFigure {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly reading: NumberReading;
}

/**
 * The figures of `text.slice(from, to)`, as findFigures reads them, and the numbers it reads as
 * something else, in order: the same scan, so "Check this figure" can say what it read.
 */
export function readNumbers(
  original: string,
  from = 0,
  to = original.length,
): { figures: ParsedFigure[]; notFigures: NotFigure[] } {
  const notFigures: NotFigure[] = [];
  const figures = scan(original, from, to, notFigures);
  return { figures, notFigures };
}

/** findFigures, which also lists the numbers that are not figures in `notFigures` when given. */
function scan(original: string, from: number, to: number, notFigures: NotFigure[] | null): ParsedFigure[] {
  // Full-width digits and signs ("＄７６ billion" on a CJK page) read as ASCII: one unit for one,
  // so offsets hold; each figure's text stays the page's own.
  const fullWidth = FULL_WIDTH.test(original.slice(from, to));
  const text = fullWidth
    ? original.slice(0, from) + halfWidth(original.slice(from, to)) + original.slice(to)
    : original;
  // Cut at the span's end (engines share the characters, not copy them): no search runs on past it.
  const bounded = to < text.length ? text.slice(0, to) : text;
  const scanner = new RegExp(SCANNER.source, SCANNER.flags);
  scanner.lastIndex = from;
  const figures: ParsedFigure[] = [];
  let floor = from; // a figure may not reach back into the previous one, nor before the span
  for (let match = scanner.exec(bounded); match !== null; match = scanner.exec(bounded)) {
    const groups = match.groups ?? {};
    if (groups.skip !== undefined) {
      if (notFigures && /\d/.test(match[0])) {
        const end = withoutClosingPunctuation(bounded, match.index, match.index + match[0].length);
        notFigures.push({
          start: match.index,
          end,
          text: original.slice(match.index, end),
          reading: skipped(bounded, match.index),
        });
      }
      continue;
    }
    const core = readCore(groups, match.index, match[0]);
    if (core === null) continue;
    const figure = widen(bounded, core, floor);
    if (typeof figure === 'object' && figure !== null) {
      figures.push(fullWidth ? { ...figure, text: original.slice(figure.start, figure.end) } : figure);
      floor = figure.end;
      scanner.lastIndex = figure.end;
      continue;
    }
    if (notFigures && figure !== null) {
      const [start, end] = readingSpan(bounded, core, figure, floor);
      notFigures.push({ start, end, text: original.slice(start, end), reading: figure });
    }
    // A number-word run may have been cut short ("twenty and thirty states"): rescan what follows.
    scanner.lastIndex = core.end;
  }
  return figures;
}

const FULL_WIDTH = /[\uff01-\uff5e]/;
const halfWidth = (text: string): string =>
  text.replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));

/** The single figure spanning the whole (trimmed) expression, else null. Offsets index `expression`. */
export function parseFigure(expression: string): ParsedFigure | null {
  const figures = findFigures(expression);
  const first = figures[0];
  if (figures.length !== 1 || first === undefined) return null;
  const start = expression.length - expression.trimStart().length;
  const end = expression.trimEnd().length;
  return first.start === start && first.end === end ? first : null;
}

// ---------------------------------------------------------------------------------------------
// Scanner

// Every expression below that lists the words or marks of a table is built from that table, so a
// new scale, currency or approximation is one row.

const byLengthDesc = (a: string, b: string): number => b.length - a.length;
const escape = (s: string): string => s.replace(/[$.*+?^(){}[\]|\\]/g, '\\$&');
/** The strings as one alternation, longest first so none is cut short by a shorter one it starts with. */
const alternatives = (strings: readonly string[]): string => [...strings].sort(byLengthDesc).map(escape).join('|');
/** A table's own entry for a word from the page, where "constructor" is a word too. */
const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

const MONTH =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\b\\.?';
const YEAR_AFTER = '(?:,?\\s{1,3}\\d{4}(?!\\d))?';

/**
 * Spans whose digits are identifiers, dates, times or labels, with what each reads as; consumed so
 * no figure starts inside.
 */
const NOT_FIGURES: readonly (readonly [NumberReading, string])[] = [
  ...WEB_ADDRESS_PATTERNS,
  ['phone number', String.raw`(?<![\w+])\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)|\d{1,4})(?:[\s.-]?\d{2,4}){1,4}(?!\d)`],
  ['phone number', String.raw`(?<!\w)\(\d{2,4}\)\s?\d{3}[\s.-]\d{4}(?!\d)`],
  // One month alternation for "Aug 18, 2025" and "August 2025": each copy costs compile time.
  ['date', `\\b${MONTH}(?:\\s{1,3}\\d{1,2}(?:st|nd|rd|th)?(?!\\d)${YEAR_AFTER}|,?\\s{1,3}\\d{4}(?!\\d))`],
  ['date', `\\b\\d{1,2}(?:st|nd|rd|th)?\\s{1,3}(?:of\\s{1,3})?${MONTH}${YEAR_AFTER}`],
  // Numeric dates: "2025-08-18", "12/05/2025", "2025年8月18日".
  [
    'date',
    String.raw`\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\d{1,4}年\d{1,2}月(?:\d{1,2}[日号])?|\d{1,2}月\d{1,2}[日号]`,
  ],
  ['time', String.raw`\b\d{1,2}(?::\d{2}){1,2}(?:\s?[ap]\.?m\b\.?)?`],
  ['time', String.raw`\b\d{1,2}\s?[ap]\.?m\b\.?`],
  ['time', String.raw`\d+\s?(?:天|小时|分钟|秒|周|个月|年)[前后]`],
  [
    'label',
    String.raw`(?<!\w)(?:pages?|pp?\.|chapters?|ch\.|sections?|sec\.|articles?|art\.|items?|figures?|fig\.|tables?|volumes?|vol\.|episodes?|ep\.|seasons?|parts?|steps?|versions?|ver\.|paragraphs?|para\.|verses?|footnotes?|slides?|appendix|exhibits?|clauses?|nos?\.|#|§{1,2})\s{0,2}#?\s{0,2}\d+(?:[.:]\d+)*[a-z]?\b(?:\s{1,3}(?:of|to|through|and|-|–)\s{1,3}\d+)?`,
  ],
];

const EN_UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const EN_TEENS: Readonly<Record<string, number>> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const EN_TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
interface EnglishScale {
  value: number;
  words: readonly string[];
  abbreviations: readonly string[];
  letter: string | null;
}

/**
 * English scales, one row each. Its words read after digits ("76 billion") and in a run of number
 * words ("two billion"); its abbreviations after digits, glued or spaced ("76bn", "76 bn"); its
 * letter only glued to digits after a currency mark ("$500k": "100m" may be metres).
 */
const EN_SCALES: readonly EnglishScale[] = [
  { value: 1e3, words: ['thousand'], abbreviations: [], letter: 'k' },
  { value: 1e5, words: ['lakh', 'lakhs'], abbreviations: [], letter: null },
  { value: 1e6, words: ['million'], abbreviations: ['mn'], letter: 'm' },
  { value: 1e7, words: ['crore', 'crores'], abbreviations: [], letter: null },
  { value: 1e9, words: ['billion'], abbreviations: ['bn'], letter: 'b' },
  { value: 1e12, words: ['trillion'], abbreviations: ['tn', 'trn'], letter: null },
];

/** The multiplier of each scale word in a run of number words. */
const EN_SCALE_WORDS: Readonly<Record<string, number>> = Object.fromEntries(
  EN_SCALES.flatMap(({ value, words }) => words.map((word) => [word, value])),
);
/** The multiplier of each way a scale is written after digits. */
const SCALE_AFTER_DIGITS: Readonly<Record<string, number>> = Object.fromEntries(
  EN_SCALES.flatMap(({ value, words, abbreviations, letter }) =>
    [...words, ...abbreviations, ...(letter === null ? [] : [letter])].map((form) => [form, value]),
  ),
);
const EN_VALUE_WORD = `(?:${[...Object.keys(EN_TEENS), ...Object.keys(EN_UNITS), ...Object.keys(EN_TENS)].join('|')})\\b`;

/** "twice as many", "thrice the size". */
const MULTIPLE_WORDS: Readonly<Record<string, number>> = { twice: 2, thrice: 3 };

/** Longer runs are not one number; the cap keeps rescans of a cut-short run bounded. */
const MAX_NUMBER_WORDS = 16;

const ZH_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const ZH_PLACES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const ZH_BIG: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

const ZH_DIGIT_CHARS = Object.keys(ZH_DIGITS).join('');
const ZH_NUMERALS = ZH_DIGIT_CHARS + Object.keys(ZH_PLACES).join('') + Object.keys(ZH_BIG).join('');

const NUMBER_CORES = [
  String.raw`(?<digits>\d+(?:[.,]\d+)*)`,
  // A number word and the words after it, which readEnglishNumber reads only as far as they make
  // a number: naming the number words a second time here made the pattern slower to compile.
  `(?<words>(?<![\\w-])(?:(?:half\\s{1,3})?an?\\s{1,3}(?:${alternatives(['dozen', 'hundred', ...Object.keys(EN_SCALE_WORDS)])})\\b|${EN_VALUE_WORD})(?:[\\s-]{1,3}[a-z]+\\b){0,${MAX_NUMBER_WORDS - 1}})`,
  `(?<twice>(?<![\\w-])(?:${alternatives(Object.keys(MULTIPLE_WORDS))})(?=\\s{1,3}(?:as|the)\\b))`,
  `(?<zh>[${ZH_NUMERALS}]+)`,
].join('|');

const SCANNER = new RegExp(`(?<skip>${NOT_FIGURES.map(([, pattern]) => pattern).join('|')})|${NUMBER_CORES}`, 'gi');

/** A skipped span's end before the sentence's punctuation it took in ("8 AM." but "8 a.m."). */
function withoutClosingPunctuation(text: string, start: number, end: number): number {
  while (end > start && /[.,;:!?)\]]/.test(text[end - 1]!) && !/[ap]\.m\.$/i.test(text.slice(start, end))) end--;
  return end;
}

/** Each NOT_FIGURES pattern alone, compiled when first asked what a skipped span reads as. */
let notFigureReaders: readonly (readonly [NumberReading, RegExp])[] | null = null;

/** What the skipped span at `at` reads as: the first pattern that matches there, as the scanner's alternation chose. */
function skipped(text: string, at: number): NumberReading {
  notFigureReaders ??= NOT_FIGURES.map(([reading, pattern]) => [reading, new RegExp(pattern, 'iy')] as const);
  for (const [reading, pattern] of notFigureReaders) {
    pattern.lastIndex = at;
    if (pattern.test(text)) return reading;
  }
  return 'code';
}

// ---------------------------------------------------------------------------------------------
// Number cores

interface Core {
  kind: 'digits' | 'words' | 'zh';
  start: number;
  end: number;
  /**
   * The number as written, without its decimal point: value = mantissa * scale / divisor, computed
   * in that order so "$4.35 million" is exactly 4,350,000.
   */
  mantissa: number;
  divisor: number;
  /** Step of the last stated digit, in mantissa units. */
  step: number;
  scale: number;
  /** A bare integer that reads like a year (1000-2100, no thousands comma). */
  yearLike: boolean;
  /** A lone small number word ("one", "eight") or a lone Chinese numeral ("十", "两"). */
  lone: boolean;
  multiple: boolean;
}

function readCore(groups: Record<string, string | undefined>, start: number, raw: string): Core | null {
  if (groups.digits !== undefined) return readDigits(raw, start);
  if (groups.words !== undefined) return readEnglishNumber(raw, start);
  if (groups.twice !== undefined) {
    return {
      kind: 'words',
      start,
      end: start + raw.length,
      mantissa: MULTIPLE_WORDS[raw.toLowerCase()] ?? 1,
      divisor: 1,
      step: 1,
      scale: 1,
      yearLike: false,
      lone: false,
      multiple: true,
    };
  }
  return readChineseNumeral(raw, start);
}

/**
 * Ways of grouping digits with commas, one row each: the size of the last group and of every
 * group before it ("1,000,000": 3 and 3; Indian "12,34,56,789": 3 and 2). The first row also
 * rounds numbers written without commas.
 */
const DIGIT_GROUPINGS: readonly DigitGrouping[] = [
  { last: 3, others: 3 },
  { last: 3, others: 2 },
];

interface DigitGrouping {
  last: number;
  others: number;
}

const GROUPED = DIGIT_GROUPINGS.map((grouping) => ({
  grouping,
  pattern: new RegExp(`^(\\d{1,${grouping.others}}(?:,\\d{${grouping.others}})*,\\d{${grouping.last}})(?:\\.(\\d+))?$`),
}));
const PLAIN = /^(\d+)(?:\.(\d+))?$/;

/**
 * The step of an integer's trailing zeros: the largest whole group they fill, as a scale word
 * would round ("580,000" as "580 thousand", "1,00,000" as "1 lakh").
 */
function roundingStep(trailingZeros: number, { last, others }: DigitGrouping): number {
  if (trailingZeros < last) return 1;
  const groups = 1 + Math.floor((trailingZeros - last) / others);
  return 10 ** (last - others) * (10 ** others) ** groups;
}

function readDigits(raw: string, start: number): Core | null {
  const grouped = GROUPED.find(({ pattern }) => pattern.test(raw));
  const parts = (grouped?.pattern ?? PLAIN).exec(raw);
  const integer = parts?.[1];
  if (parts === null || integer === undefined) return null; // "1,2,3", "1.2.3", "1.234,5"
  const fraction = parts[2] ?? '';
  const digits = integer.replace(/,/g, '');
  if (digits.length > 1 && digits.startsWith('0')) return null; // "010", "007": codes, not amounts
  const mantissa = Number(digits + fraction);
  const trailingZeros = fraction === '' ? (/0*$/.exec(digits)?.[0].length ?? 0) : 0;
  const yearLike =
    fraction === '' && !integer.includes(',') && digits.length === 4 && mantissa >= 1000 && mantissa <= 2100;
  return {
    kind: 'digits',
    start,
    end: start + raw.length,
    mantissa,
    divisor: 10 ** fraction.length,
    step: roundingStep(trailingZeros, grouped?.grouping ?? DIGIT_GROUPINGS[0]!),
    scale: 1,
    yearLike,
    lone: false,
    multiple: false,
  };
}

type WordRole = 'start' | 'article' | 'half' | 'unit' | 'teen' | 'tens' | 'hundred' | 'dozen' | 'scale' | 'and';

/** A run of number words read so far. */
interface WordRun {
  role: WordRole;
  /** Whole scaled groups ("two million" of "two million three hundred"). */
  total: number;
  /** The group being read, below the last scale word. */
  group: number;
  precision: number;
  scale: number;
  /** The multiplier of the last scale word, which the next must stay below unless it compounds it. */
  lastScale: number;
  groupHasHundred: boolean;
  half: boolean;
  valueWords: number;
}

/**
 * Reads the longest grammatical prefix of a number-word run ("one hundred and thirty",
 * "twenty-three", "half a million", "five lakh crore"); the rest of the run is rescanned by the caller.
 */
function readEnglishNumber(text: string, start: number): Core | null {
  const run: WordRun = {
    role: 'start',
    total: 0,
    group: 0,
    precision: 1,
    scale: 1,
    lastScale: Infinity,
    groupHasHundred: false,
    half: false,
    valueWords: 0,
  };
  let acceptedEnd = 0;
  for (const token of text.matchAll(/[a-z]+/gi)) {
    const word = token[0].toLowerCase();
    const end = token.index + word.length;
    const next = takeNumberWord(run, word, { hyphenAfter: /[-‐‑–]/.test(text[end] ?? '') });
    if (next === null) break;
    run.role = next;
    if (next !== 'half' && next !== 'article' && next !== 'and') acceptedEnd = end;
    if (run.half && (next === 'hundred' || next === 'dozen' || next === 'scale')) break;
  }
  if (acceptedEnd === 0) return null; // a core must consume input, or the scan would not advance
  const value = (run.total + run.group) * (run.half ? 0.5 : 1);
  return {
    kind: 'words',
    start,
    end: start + acceptedEnd,
    mantissa: value,
    divisor: 1,
    step: run.half ? Math.max(1, run.precision / 10) : run.precision,
    scale: run.scale,
    yearLike: false,
    lone: run.valueWords === 1 && value < 10 && run.total === 0 && !run.groupHasHundred && run.role !== 'dozen',
    multiple: false,
  };
}

/** The role `word` takes after the run so far, updating the run; null when it does not continue the number. */
function takeNumberWord(run: WordRun, word: string, { hyphenAfter }: { hyphenAfter: boolean }): WordRole | null {
  const after = (...roles: WordRole[]): boolean => roles.includes(run.role);
  const value = own(EN_UNITS, word) ?? own(EN_TEENS, word) ?? own(EN_TENS, word);
  const scale = own(EN_SCALE_WORDS, word);
  if (word === 'half' && after('start')) {
    run.half = true;
    return 'half';
  }
  if ((word === 'a' || word === 'an') && after('start', 'half')) {
    run.group = 1;
    return 'article';
  }
  if (word === 'and' && after('hundred', 'scale')) return 'and';
  if (value !== undefined) {
    const role = Object.hasOwn(EN_UNITS, word) ? 'unit' : Object.hasOwn(EN_TEENS, word) ? 'teen' : 'tens';
    // A unit may follow a tens word ("twenty-three"); a teen or tens word may not.
    if (!after('start', 'hundred', 'scale', 'and', ...(role === 'unit' ? (['tens'] as const) : []))) return null;
    if (after('scale', 'and', 'hundred')) run.scale = 1;
    run.group += value;
    run.precision = 1;
    run.valueWords += 1;
    return role;
  }
  if ((word === 'hundred' || word === 'dozen') && after('article', 'unit', 'teen')) {
    if (word === 'dozen') {
      run.group *= 12;
      return 'dozen';
    }
    if (run.groupHasHundred) return null;
    run.group *= 100;
    run.groupHasHundred = true;
    run.precision *= 100;
    return 'hundred';
  }
  if (scale === undefined) return null;
  if (scale < run.lastScale && after('article', 'unit', 'teen', 'tens', 'hundred', 'dozen')) {
    run.total += run.group * scale;
    run.group = 0;
    run.groupHasHundred = false;
    run.lastScale = scale;
  } else if (scale > run.lastScale && after('scale') && !hyphenAfter) {
    // A larger scale right after a scale multiplies it: "five lakh crore", "two thousand million".
    run.total *= scale;
    run.lastScale *= scale;
  } else {
    return null;
  }
  run.precision *= scale;
  run.scale = run.lastScale;
  return 'scale';
}

/** A numeral starts with a digit or 十 ("十五"); 百, 千 and 万 first start words ("百姓", "千万", "万一"). */
const ZH_NUMERAL_START = new RegExp(`^[${ZH_DIGIT_CHARS}十]`);
/** Two digits in a row are a year or a code read digit by digit; 零 marks a skipped place ("一百零五"). */
const ZH_DIGIT_BY_DIGIT = new RegExp(`[${ZH_DIGIT_CHARS.replace('零', '')}]{2}`);
const ZH_TRAILING_BIG = new RegExp(`[${Object.keys(ZH_BIG).join('')}]+$`);

/** Reads "二十三", "两千", "四千万", "一亿二千万"; rejects digit-by-digit runs ("二〇二五") and idioms ("千万", "万一"). */
function readChineseNumeral(run: string, start: number): Core | null {
  if (!ZH_NUMERAL_START.test(run)) return null;
  if (ZH_DIGIT_BY_DIGIT.test(run)) return null;
  let total = 0; // whole 亿 groups
  let wanGroup = 0; // whole 万 groups inside the current 亿 group
  let small = 0; // below 万
  let digit = 0;
  let precision = 1;
  for (const char of run) {
    const digitValue = ZH_DIGITS[char];
    const place = ZH_PLACES[char];
    const big = ZH_BIG[char];
    if (digitValue !== undefined) {
      digit = digitValue;
      if (digitValue !== 0) precision = 1;
    } else if (place !== undefined) {
      small += (digit || 1) * place;
      digit = 0;
      precision = place;
    } else if (big === 1e4) {
      wanGroup += (small + digit) * big;
      small = digit = 0;
      precision *= big;
    } else if (big !== undefined) {
      total = (total + wanGroup + small + digit) * big;
      wanGroup = small = digit = 0;
      precision *= big;
    }
  }
  const trailingBig = ZH_TRAILING_BIG.exec(run)?.[0] ?? '';
  const scale = [...trailingBig].reduce((product, char) => product * (ZH_BIG[char] ?? 1), 1);
  return {
    kind: 'zh',
    start,
    end: start + run.length,
    mantissa: total + wanGroup + small + digit,
    divisor: 1,
    step: precision,
    scale,
    yearLike: false,
    lone: run.length === 1,
    multiple: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Context before the number: approximation words, currency marks, 百分之

const APPROXIMATION_WORDS: Readonly<Record<string, Approximation>> = {
  'more than': 'more-than',
  over: 'more-than',
  above: 'more-than',
  'upwards of': 'more-than',
  'in excess of': 'more-than',
  'greater than': 'more-than',
  'at least': 'at-least',
  'no fewer than': 'at-least',
  'no less than': 'at-least',
  'a minimum of': 'at-least',
  nearly: 'nearly',
  almost: 'nearly',
  'close to': 'nearly',
  'just under': 'nearly',
  'just shy of': 'nearly',
  about: 'about',
  around: 'about',
  roughly: 'about',
  approximately: 'about',
  some: 'about',
  'an estimated': 'about',
  estimated: 'about',
  circa: 'about',
  'less than': 'less-than',
  'fewer than': 'less-than',
  under: 'less-than',
  below: 'less-than',
  'up to': 'at-most',
  'at most': 'at-most',
  'no more than': 'at-most',
  'as many as': 'at-most',
  'as much as': 'at-most',
  'a maximum of': 'at-most',
};
const ZH_APPROXIMATIONS: Readonly<Record<string, Approximation>> = {
  '~': 'about',
  约: 'about',
  大约: 'about',
  大概: 'about',
  大致: 'about',
  近: 'nearly',
  将近: 'nearly',
  接近: 'nearly',
  几乎: 'nearly',
  差不多: 'nearly',
  超过: 'more-than',
  逾: 'more-than',
  超: 'more-than',
  多于: 'more-than',
  高于: 'more-than',
  至少: 'at-least',
  不少于: 'at-least',
  不低于: 'at-least',
  不到: 'less-than',
  不足: 'less-than',
  少于: 'less-than',
  低于: 'less-than',
  最多: 'at-most',
  至多: 'at-most',
  多达: 'at-most',
};
/** Marks written before an amount: "$76 billion", "₹5 crore", "Rs 3 lakh". */
const CURRENCY_MARKS: Readonly<Record<string, Currency>> = {
  US$: 'USD',
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '₹': 'INR',
  Rs: 'INR',
  'Rs.': 'INR',
};
/** Codes, written before an amount or after it: "USD 76 billion", "76 billion USD". */
const CURRENCY_CODES: Readonly<Record<string, Currency>> = {
  USD: 'USD',
  EUR: 'EUR',
  GBP: 'GBP',
  CNY: 'CNY',
  RMB: 'CNY',
  INR: 'INR',
};
/** The currency of each mark or code before an amount, by its upper case (marks are read in any case). */
const PREFIX_CURRENCIES: ReadonlyMap<string, Currency> = new Map(
  Object.entries({ ...CURRENCY_MARKS, ...CURRENCY_CODES }).map(([mark, currency]) => [mark.toUpperCase(), currency]),
);
/** Marks and codes of currencies Crosscheck does not read: an amount in one is no count. */
const FOREIGN_CURRENCIES = '¥ ￥ ₩ ₽ ₺ ₪ ₫ ฿ ₱ ₦ ₴ JPY AUD CAD HKD CHF SGD NZD MXN'.split(' ');

/**
 * Marks as one alternation: one-character marks as a class, then longer ones, then codes and
 * other words. A mark's letters at either end may not touch another letter ("Rs", not "Mrs").
 */
function markAlternatives(marks: readonly string[]): string {
  const isWord = (mark: string): boolean => /^[A-Za-z]+$/.test(mark);
  const chars = marks.filter((mark) => mark.length === 1 && !isWord(mark));
  const others = marks.filter((mark) => mark.length > 1 && !isWord(mark)).sort(byLengthDesc);
  const bounded = others.map((mark) => {
    const before = /^[A-Za-z]/.test(mark) ? '(?<![A-Za-z])' : '';
    const after = /[A-Za-z]$/.test(mark) ? '(?![A-Za-z])' : '';
    return before + escape(mark) + after;
  });
  return [
    ...bounded,
    ...(chars.length > 0 ? [`[${chars.map(escape).join('')}]`] : []),
    `(?<![A-Za-z])(?:${alternatives(marks.filter(isWord))})(?![A-Za-z])`,
  ].join('|');
}

const APPROXIMATION_ALTERNATIVES = Object.keys(APPROXIMATION_WORDS)
  .sort(byLengthDesc)
  .map((phrase) => phrase.split(' ').map(escape).join('\\s{1,3}'))
  .join('|');
const ZH_APPROXIMATION_ALTERNATIVES = Object.keys(ZH_APPROXIMATIONS)
  .sort(byLengthDesc)
  .map(escape)
  .map((phrase) => (phrase === '近' ? '(?<![最附邻亲])近' : phrase)) // not "最近" (recently), "附近" (nearby)
  .join('|');

/** Anchored at the end of the text before a number; every branch is short, so a 40-char window suffices. */
const PREFIX = new RegExp(
  `(?:(?<![\\w])(?<approx>${APPROXIMATION_ALTERNATIVES})\\s{1,3}|(?<approxZh>${ZH_APPROXIMATION_ALTERNATIVES})\\s{0,2})?` +
    `(?:(?<currency>${markAlternatives([...Object.keys(CURRENCY_MARKS), ...Object.keys(CURRENCY_CODES)])})\\s{0,2}` +
    `|(?<foreign>${markAlternatives(FOREIGN_CURRENCIES)})\\s{0,2}` +
    `|(?<percentZh>百分之))?$`,
  'i',
);
const PREFIX_WINDOW = 40;

interface Prefix {
  start: number;
  approximation: Approximation | null;
  currency: Currency | null;
  percent: boolean;
  /** An unsupported currency (¥, A$, CAD...): reading the amount as a count would mislead. */
  foreign: boolean;
}

function readPrefix(text: string, coreStart: number, floor: number): Prefix {
  const windowStart = Math.max(floor, coreStart - PREFIX_WINDOW);
  const match = PREFIX.exec(text.slice(windowStart, coreStart));
  const none: Prefix = { start: coreStart, approximation: null, currency: null, percent: false, foreign: false };
  const groups = match?.groups;
  if (!match || !groups || match[0] === '') return none;
  const start = windowStart + match.index;
  const currencyMark = groups.currency?.toUpperCase();
  const enApproximation = groups.approx?.toLowerCase().replace(/\s+/g, ' ');
  const approximation =
    (enApproximation && APPROXIMATION_WORDS[enApproximation]) ||
    (groups.approxZh && ZH_APPROXIMATIONS[groups.approxZh]) ||
    null;
  // A bare "$" glued to letters is another dollar: "A$5", "C$5", "HK$5".
  const foreignDollar = currencyMark === '$' && /[A-Za-z]/.test(text[start - 1] ?? '');
  return {
    start,
    approximation,
    currency: currencyMark === undefined ? null : (PREFIX_CURRENCIES.get(currencyMark) ?? null),
    percent: groups.percentZh !== undefined,
    foreign: groups.foreign !== undefined || foreignDollar,
  };
}

// ---------------------------------------------------------------------------------------------
// Context after the number: scale, unit, counted noun, Chinese approximation suffixes

const EN_SCALE_FORMS = alternatives(EN_SCALES.flatMap(({ words, abbreviations }) => [...words, ...abbreviations]));
/** Glued to digits: "76bn", "$500k". */
const ATTACHED_SCALE = new RegExp(
  `(${alternatives(EN_SCALES.flatMap(({ abbreviations, letter }) => [...abbreviations, ...(letter === null ? [] : [letter])]))})(?![A-Za-z])`,
  'iy',
);
const SCALE_WORD = new RegExp(`\\s{0,2}(${EN_SCALE_FORMS})\\b`, 'iy');
/** A second scale word, compounding the first: "5 lakh crore". Not "2 million billion-dollar deals". */
const COMPOUND_SCALE_WORD = new RegExp(`\\s{1,2}(${EN_SCALE_FORMS})\\b(?![-‐‑–])`, 'iy');
const ZH_SCALE_AFTER_DIGITS = new RegExp(`[${Object.keys(ZH_PLACES).join('')}${Object.keys(ZH_BIG).join('')}]+`, 'y');
const ZH_SCALE_AFTER_NUMERAL = new RegExp(`[${Object.keys(ZH_BIG).join('')}]+`, 'y');
const PERCENT_SUFFIX = /\s?[%％]|\s{1,2}(?:percent|per\s{1,2}cent|percentage\s{1,2}points?|pct)\b|\s?个?百分点/iy;

/** Currency words after an amount, one row each; a row's pattern may not use numbered groups. */
const CURRENCY_WORDS: readonly { pattern: string; currency: Currency; scaledOnly?: true }[] = [
  { pattern: String.raw`(?:U\.?S\.?\s{1,2})?dollars?`, currency: 'USD' },
  { pattern: 'euros?', currency: 'EUR' },
  { pattern: String.raw`pounds\s{1,2}sterling`, currency: 'GBP' },
  // "pounds" alone is as often a weight; only "5 million pounds" or "pounds sterling" is money.
  { pattern: 'pounds', currency: 'GBP', scaledOnly: true },
  { pattern: 'yuan|renminbi', currency: 'CNY' },
  { pattern: 'rupees?', currency: 'INR' },
];
const CURRENCY_WORD_SUFFIX = new RegExp(
  `\\s{1,2}(?:${CURRENCY_WORDS.map(({ pattern }, i) => `(?<currency${i}>${pattern})`).join('|')})\\b`,
  'iy',
);
const CURRENCY_CODE_SUFFIX = new RegExp(`\\s?(${alternatives(Object.keys(CURRENCY_CODES))})(?![A-Za-z])`, 'y');
const ZH_CURRENCIES: Readonly<Record<string, Currency>> = {
  美元: 'USD',
  美金: 'USD',
  欧元: 'EUR',
  英镑: 'GBP',
  人民币: 'CNY',
  元: 'CNY',
  卢比: 'INR',
};
const ZH_CURRENCY_SUFFIX = new RegExp(`\\s?(${alternatives(Object.keys(ZH_CURRENCIES))})`, 'y');
const MULTIPLE_SUFFIX = /\s{1,2}times\b|\s?倍/iy;
const ZH_SUFFIX_APPROXIMATIONS: Readonly<Record<string, Approximation>> = {
  左右: 'about',
  上下: 'about',
  以上: 'more-than',
  多: 'more-than',
  余: 'more-than',
  以下: 'less-than',
  以内: 'at-most',
};
const ZH_APPROXIMATION_SUFFIX = new RegExp(alternatives(Object.keys(ZH_SUFFIX_APPROXIMATIONS)), 'y');
/** The one-character approximations, which may also stand before the scale: "130多万". */
const ZH_INFIX_APPROXIMATIONS = Object.keys(ZH_SUFFIX_APPROXIMATIONS)
  .filter((suffix) => suffix.length === 1)
  .join('');
const ZH_APPROXIMATION_INFIX = new RegExp(`[${ZH_INFIX_APPROXIMATIONS}]`, 'y');

/** "2025年", "8月", "18日": a number followed by these is a date. */
const DATE_SUFFIX = /[年月日号]/;

function stickyMatch(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/**
 * The scale after a number: "bn", " billion", "$76B", " lakh crore", "万", "4千万", "130多万" (whose
 * 多 means "more than"). Null when letters glued to the digits make it no figure: "2nd", "1990s", "1e400".
 */
function readScale(
  text: string,
  core: Core,
  hasCurrency: boolean,
): { scale: number; end: number; approximation: Approximation | null } | null {
  let at = core.end;
  if (core.kind === 'digits') {
    const english = readEnglishScale(text, at, hasCurrency);
    if (english !== 'none') return english && { ...english, approximation: null };
  }
  if (core.kind === 'words') return { scale: 1, end: at, approximation: null };
  const infix = stickyMatch(ZH_APPROXIMATION_INFIX, text, at)?.[0];
  if (infix !== undefined) at += infix.length;
  const zhScale =
    stickyMatch(core.kind === 'digits' ? ZH_SCALE_AFTER_DIGITS : ZH_SCALE_AFTER_NUMERAL, text, at)?.[0] ?? '';
  const scale = [...zhScale].reduce((product, char) => product * (ZH_PLACES[char] ?? ZH_BIG[char] ?? 1), 1);
  const approximation = infix === undefined ? null : (ZH_SUFFIX_APPROXIMATIONS[infix] ?? null);
  return { scale, end: at + zhScale.length, approximation };
}

/**
 * The English scale after digits at `at`, with a larger second scale compounding it ("5 lakh
 * crore"); null when other letters are glued to the digits, 'none' when no scale follows.
 */
function readEnglishScale(
  text: string,
  at: number,
  hasCurrency: boolean,
): { scale: number; end: number } | null | 'none' {
  const attached = stickyMatch(ATTACHED_SCALE, text, at)?.[1];
  let first: { scale: number; end: number };
  // A lone k/m/b is a scale only after a currency mark: "$500k", but "100m" may be metres.
  if (attached !== undefined && (attached.length > 1 || hasCurrency)) {
    first = { scale: SCALE_AFTER_DIGITS[attached.toLowerCase()] ?? 1, end: at + attached.length };
  } else if (/[A-Za-z]/.test(text[at] ?? '')) {
    return null;
  } else {
    const word = stickyMatch(SCALE_WORD, text, at);
    if (word?.[1] === undefined) return 'none';
    first = { scale: SCALE_AFTER_DIGITS[word[1].toLowerCase()] ?? 1, end: at + word[0].length };
  }
  const second = stickyMatch(COMPOUND_SCALE_WORD, text, first.end);
  const multiplier = second?.[1] === undefined ? 1 : (SCALE_AFTER_DIGITS[second[1].toLowerCase()] ?? 1);
  if (second === null || multiplier <= first.scale) return first;
  return { scale: first.scale * multiplier, end: first.end + second[0].length };
}

/**
 * The figure around `core`, or what the number reads as instead ("1919": a year), or null when it
 * reads as nothing worth saying (an exponent, a hyphenated adjective such as "20-year-old").
 */
function widen(text: string, core: Core, floor: number): ParsedFigure | NumberReading | null {
  const prefix = readPrefix(text, core.start, floor);
  if (prefix.foreign) return 'currency';
  if (!hasCleanEdges(text, core)) return gluedReading(text, core);

  const scaled = readScale(text, core, prefix.currency !== null);
  if (scaled === null) return suffixedReading(text, core);
  const { scale } = scaled;
  let at = scaled.end;
  let approximation = prefix.approximation ?? scaled.approximation;
  if (DATE_SUFFIX.test(text[at] ?? '')) return text[at] === '年' ? 'year' : 'date';

  let unit: FigureUnit | null = null;
  if (prefix.currency !== null) unit = { kind: 'currency', currency: prefix.currency };
  else if (prefix.percent) unit = { kind: 'percent' };
  else if (core.multiple) unit = { kind: 'multiple' };
  else {
    const suffix = readUnitSuffix(text, at, scale !== 1);
    if (suffix) {
      unit = suffix.unit;
      at = suffix.end;
    }
  }
  let classified = false;
  if (unit === null) {
    const chinese =
      core.kind === 'zh' || (core.kind === 'digits' && (isHan(text[at] ?? '') || isHan(text[at + 1] ?? '')));
    const counted = chinese ? readChineseNoun(text, at) : { ...readEnglishNoun(text, at), classified: false };
    unit = { kind: 'count', noun: counted.noun };
    classified = counted.classified;
    at = counted.end;
  }
  const approximationAfter = core.kind === 'words' ? null : stickyMatch(ZH_APPROXIMATION_SUFFIX, text, at);
  if (approximationAfter) {
    approximation ??= ZH_SUFFIX_APPROXIMATIONS[approximationAfter[0]] ?? null;
    at += approximationAfter[0].length;
  }

  const value = (core.mantissa * scale) / core.divisor;
  const precision = (core.step * scale) / core.divisor;
  if (!Number.isFinite(value) || !Number.isFinite(precision) || precision <= 0) return null;
  if (unit.kind === 'count' && scale === 1) {
    if (core.yearLike && (unit.noun === null || followsYearWord(text, prefix.start))) return 'year';
    if (core.kind === 'words' && core.lone && unit.noun === null) return 'word'; // "one reason", "one of the states"
    if (core.kind === 'zh' && (core.lone || core.mantissa < 10) && !(classified && core.mantissa > 1)) return 'word'; // "一个", "十分"
  }

  return {
    value,
    unit,
    scale: scale * core.scale,
    precision,
    approximation: approximation ?? 'exact',
    start: prefix.start,
    end: at,
    numberStart: core.start,
    numberEnd: core.end,
    text: text.slice(prefix.start, at),
  };
}

/**
 * What a number glued to another token reads as: "第二" a rank, "COVID-19" or "v1.24" part of a
 * name or code, "#4" a label; null for the rest ("20-year-old", "5-4", "twenty-first").
 */
function gluedReading(text: string, core: Core): NumberReading | null {
  const before = text[core.start - 1] ?? '';
  if (before === '第') return 'rank';
  if (core.kind !== 'digits') return null;
  if (before === '#') return 'label';
  if (/[A-Za-z_]/.test(before) || (/[-‐‑–]/.test(before) && /[A-Za-z]/.test(text[core.start - 2] ?? ''))) return 'code';
  return null;
}

/** What digits with letters glued after them read as: "2nd" a rank, "1990s" a decade; null for the rest ("3D", "100m"). */
function suffixedReading(text: string, core: Core): NumberReading | null {
  const suffix = /^[A-Za-z]+/.exec(text.slice(core.end, core.end + 3))?.[0].toLowerCase() ?? '';
  if (/^(?:st|nd|rd|th)$/.test(suffix)) return 'rank';
  if (suffix === 's' && /0$/.test(text.slice(core.start, core.end))) return 'decade';
  return null;
}

/** The span a reading names: the token around a glued number ("COVID-19"), with its suffix ("2nd", "2025年"), or the number alone. */
function readingSpan(text: string, core: Core, reading: NumberReading, floor: number): [number, number] {
  let start = core.start;
  let end = core.end;
  if (reading === 'code' || reading === 'label' || reading === 'rank' || reading === 'decade') {
    while (start > floor && /[\w#第.+-]/.test(text[start - 1]!)) start--;
    while (end < text.length && /[\w.-]/.test(text[end]!)) end++;
    while (end > core.end && /[.-]/.test(text[end - 1]!)) end--;
  } else if (reading === 'year' || reading === 'date') {
    if (DATE_SUFFIX.test(text[end] ?? '')) end++;
  } else if (reading === 'currency') {
    while (start > floor && /[^\s\d]/.test(text[start - 1]!)) start--;
  }
  return [start, end];
}

/** Rejects numbers glued to other tokens: "v1.24", "#4", "+1", "COVID-19", "3:00", "12/05", "5-4", "twenty-first", "第二". */
function hasCleanEdges(text: string, core: Core): boolean {
  const before = text[core.start - 1] ?? '';
  const after = text[core.end] ?? '';
  const afterNext = text[core.end + 1] ?? '';
  if (before === '第') return false;
  if (/[-‐‑–]/.test(after) && /[A-Za-z0-9]/.test(afterNext)) return false;
  if (core.kind !== 'digits') return true;
  if (/[\w.,:/#+@\-‐‑–−]/.test(before)) return false;
  return !(/[/:]/.test(after) && /\d/.test(afterNext));
}

function readUnitSuffix(text: string, at: number, scaled: boolean): { unit: FigureUnit; end: number } | null {
  const percent = stickyMatch(PERCENT_SUFFIX, text, at);
  if (percent) return { unit: { kind: 'percent' }, end: at + percent[0].length };
  const word = stickyMatch(CURRENCY_WORD_SUFFIX, text, at);
  const row = word && CURRENCY_WORDS.find((_, i) => word.groups?.[`currency${i}`] !== undefined);
  if (word && row && (scaled || !row.scaledOnly)) {
    return { unit: { kind: 'currency', currency: row.currency }, end: at + word[0].length };
  }
  const code = stickyMatch(CURRENCY_CODE_SUFFIX, text, at);
  const codeCurrency = code?.[1] === undefined ? undefined : CURRENCY_CODES[code[1]];
  if (code && codeCurrency) return { unit: { kind: 'currency', currency: codeCurrency }, end: at + code[0].length };
  const zh = stickyMatch(ZH_CURRENCY_SUFFIX, text, at);
  const zhCurrency = zh?.[1] === undefined ? undefined : ZH_CURRENCIES[zh[1]];
  if (zh && zhCurrency) return { unit: { kind: 'currency', currency: zhCurrency }, end: at + zh[0].length };
  const multiple = stickyMatch(MULTIPLE_SUFFIX, text, at);
  if (multiple) return { unit: { kind: 'multiple' }, end: at + multiple[0].length };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Counted nouns

const NOUN_WORD = /\s{1,2}([A-Za-z][A-Za-z'’-]*)/y;
const MAX_NOUN_WORDS = 4;
/** Function words and verbs that end a noun phrase before it starts ("one of the states"). */
const STOP_WORDS = new Set(
  (
    'a an the of in on at to for from by with without into onto upon out up down off and or but nor as than ' +
    'that this these those which who whom whose what when where while is are was were be been being has have had ' +
    'do does did will would shall should can could may might must it its they them their he she his her we our ' +
    'you your i me my us per percent cent times less fewer over under about around upwards so such not no each every ' +
    'all both some any then also only just even still yet here there'
  ).split(' '),
);
const IRREGULAR_PLURALS = new Set(
  'people men women children police staff personnel cattle feet teeth mice geese data media criteria alumni folk'.split(
    ' ',
  ),
);
/** Postpositive words that stay with the plural before them: "attorneys general". */
const POSTPOSITIVE = new Set(['general']);

function isPlural(word: string): boolean {
  if (IRREGULAR_PLURALS.has(word)) return true;
  return word.length > 2 && word.endsWith('s') && !/(?:ss|us|is|['’]s)$/.test(word);
}

/** The noun phrase after a number, ending at its first plural ("Democratic attorneys general"), else null. */
function readEnglishNoun(text: string, at: number): { noun: string | null; end: number } {
  const words: string[] = [];
  let position = at;
  for (let i = 0; i < MAX_NOUN_WORDS; i += 1) {
    const match = stickyMatch(NOUN_WORD, text, position);
    const word = match?.[1]?.toLowerCase();
    if (!match || word === undefined || STOP_WORDS.has(word)) break;
    words.push(word);
    position += match[0].length;
    if (isPlural(word)) {
      const next = stickyMatch(NOUN_WORD, text, position);
      const nextWord = next?.[1]?.toLowerCase();
      if (next && nextWord !== undefined && POSTPOSITIVE.has(nextWord)) {
        words.push(nextWord);
        position += next[0].length;
      }
      return { noun: words.join(' '), end: position };
    }
  }
  return { noun: null, end: at };
}

const ZH_CLASSIFIER = /\s?([个名位家座项件条次所架辆艘只头张份起种场篇本部台枚颗批户口例])/y;
const ZH_NOUN = /[\u4e00-\u9fff]{1,3}/y;
/**
 * Characters that end a counted noun: particles, prepositions, numerals, the first characters of
 * approximation words ("3个州约5万人") and of common verbs and adverbs ("二十三个州起诉", "41个国家已经").
 */
const ZH_NOUN_BREAK = new RegExp(
  `[的了在和与及或是有被将已都也中内里对向从为把并而则但就还又再之等以于由到至其这那左上下${ZH_NUMERALS}${ZH_INFIX_APPROXIMATIONS}约近超逾少低高最将接几差起提宣表签要拒承正共均皆仍曾便才可能会应需没不]`,
);
const MAX_ZH_NOUN = 2;

/**
 * The Han noun after a Chinese count ("二十三个州" -> "州"). Without word segmentation a run longer
 * than two characters cannot be split reliably, so it yields no noun rather than a wrong one.
 */
function readChineseNoun(text: string, at: number): { noun: string | null; end: number; classified: boolean } {
  const classifier = stickyMatch(ZH_CLASSIFIER, text, at);
  const nounStart = classifier ? at + classifier[0].length : at;
  const run = stickyMatch(ZH_NOUN, text, nounStart)?.[0] ?? '';
  let length = 0;
  while (length < run.length && !ZH_NOUN_BREAK.test(run[length] ?? '')) length += 1;
  const isPerson = length === 1 && run[0] === '人';
  if (length === 0 || length > MAX_ZH_NOUN) return { noun: null, end: nounStart, classified: classifier !== null };
  return { noun: run.slice(0, length), end: nounStart + length, classified: classifier !== null || isPerson };
}

function isHan(char: string): boolean {
  return char >= '\u4e00' && char <= '\u9fff';
}

const YEAR_WORDS = new Set(
  'in since by from until till through during before after of the year circa early late mid spring summer autumn fall winter fiscal'.split(
    ' ',
  ),
);

/** "in 2018 lawmakers" is a year even though a plural follows. */
function followsYearWord(text: string, start: number): boolean {
  const previous = /([A-Za-z]+)\s{1,3}$/.exec(text.slice(Math.max(0, start - 20), start))?.[1];
  return previous !== undefined && YEAR_WORDS.has(previous.toLowerCase());
}
