/**
 * Says an amount in the reader's notation: "$76 billion" in English, "760亿美元" in Chinese. It
 * writes only what the number parser reads back as the same amount (a test checks the round
 * trip both ways), so a figure shown in the other notation is still the figure. Pure.
 */
import { primaryLanguage } from '../text/language-tags';
import type { Approximation, Currency, FigureUnit } from './number-parser';

export type AmountLocale = 'en' | 'zh';

/** What is said: a parsed figure or a source's statement has all of it. */
export interface Amount {
  value: number;
  unit: FigureUnit;
  /** Said before the number ("about $76 billion", "约760亿美元"); exact when absent. */
  approximation?: Approximation;
}

export interface FormatAmountOptions {
  locale: AmountLocale;
  /**
   * Round to this many digits after the point and write the number in full, with no scale word
   * ("1.3%", "6.3 times"). Without it the value is said exactly, with a scale word where one fits.
   */
  fractionDigits?: number;
}

interface Scale {
  word: string;
  /** The power of ten the word stands for. */
  power: number;
}

/** The scale words each notation says, largest first. */
const SCALES: Readonly<Record<AmountLocale, readonly Scale[]>> = {
  en: [
    { word: 'trillion', power: 12 },
    { word: 'billion', power: 9 },
    { word: 'million', power: 6 },
  ],
  zh: [
    { word: '万亿', power: 12 },
    { word: '亿', power: 8 },
    { word: '万', power: 4 },
  ],
};
/** More digits after the point than this and the number is written in full: "1.23 million", but "1,234,567". */
const MAX_SCALED_FRACTION = 2;

/** English puts a mark before the number or a word after it; Chinese a word after it. */
const CURRENCIES: Readonly<Record<Currency, { en: { before: string } | { after: string }; zh: string }>> = {
  USD: { en: { before: '$' }, zh: '美元' },
  EUR: { en: { before: '€' }, zh: '欧元' },
  GBP: { en: { before: '£' }, zh: '英镑' },
  // "¥" is also the yen's mark; the word is not.
  CNY: { en: { after: ' yuan' }, zh: '元' },
  INR: { en: { before: '₹' }, zh: '卢比' },
};

const APPROXIMATIONS: Readonly<Record<AmountLocale, Readonly<Record<Approximation, string>>>> = {
  en: {
    exact: '',
    about: 'about ',
    nearly: 'nearly ',
    'more-than': 'more than ',
    'at-least': 'at least ',
    'less-than': 'less than ',
    'at-most': 'at most ',
  },
  zh: {
    exact: '',
    about: '约',
    nearly: '近',
    'more-than': '超过',
    'at-least': '至少',
    'less-than': '不到',
    'at-most': '最多',
  },
};

/** Chinese counts people directly ("3万人", "4000万人口"); other nouns take the general classifier 个 ("25个州"). */
const ZH_NOUNS_WITHOUT_CLASSIFIER = new Set(['人', '人口', '人次']);

/**
 * `amount` in the notation of `locale`: "$76 billion", "2.5 million", "38%", "25 states", "67
 * times"; "760亿美元", "250万", "38%", "25个州", "67倍". A counted noun stays in its own language
 * and script (translating it is the caller's business).
 */
export function formatAmount(amount: Amount, options: FormatAmountOptions): string {
  const { value, unit } = amount;
  const { locale } = options;
  const approximation = APPROXIMATIONS[locale][amount.approximation ?? 'exact'];
  if (!Number.isFinite(value)) return `${approximation}${value}`;
  const sign = value < 0 ? '-' : '';
  // A percentage takes no scale word: "2.5 million%" says nothing a reader can use.
  const scales = unit.kind === 'percent' ? [] : SCALES[locale];
  const number = writeNumber(Math.abs(value), { ...options, scales });
  return `${approximation}${sign}${withUnit(number, unit, locale)}`;
}

function withUnit(number: string, unit: FigureUnit, locale: AmountLocale): string {
  switch (unit.kind) {
    case 'percent':
      return `${number}%`;
    case 'multiple':
      return locale === 'en' ? `${number} times` : `${number}倍`;
    case 'currency': {
      const names = CURRENCIES[unit.currency];
      if (locale === 'zh') return `${number}${names.zh}`;
      return 'before' in names.en ? `${names.en.before}${number}` : `${number}${names.en.after}`;
    }
    case 'count':
      if (unit.noun === null) return number;
      if (!/^[\u4e00-\u9fff]/.test(unit.noun)) return `${number} ${unit.noun}`;
      return `${number}${ZH_NOUNS_WITHOUT_CLASSIFIER.has(unit.noun) ? '' : '个'}${unit.noun}`;
  }
}

/** A nonnegative finite value in digits, with the largest of `scales` it can be said exactly with. */
function writeNumber(
  value: number,
  { locale, fractionDigits, scales }: FormatAmountOptions & { scales: readonly Scale[] },
): string {
  if (fractionDigits !== undefined) return grouped(fixed(value, fractionDigits));
  const decimal = decimalOf(value);
  const magnitude = decimal.digits.length - 1 + decimal.exponent;
  const scale = scales.find(({ power }) => magnitude >= power && power - decimal.exponent <= MAX_SCALED_FRACTION);
  if (scale === undefined) return grouped(shifted(decimal, 0));
  const number = shifted(decimal, scale.power);
  // Chinese groups no digits before its scale words: "5000万".
  return locale === 'en' ? `${grouped(number)} ${scale.word}` : `${number}${scale.word}`;
}

/**
 * The shortest decimal that reads back as `value` (nonnegative, finite): its significant digits
 * and the power of ten of the last. 76.2e9 is 762 × 10^8.
 */
function decimalOf(value: number): { digits: string; exponent: number } {
  const [mantissa = '0', exponent = '0'] = value.toExponential().split('e');
  const digits = mantissa.replace('.', '');
  return { digits, exponent: Number(exponent) - (digits.length - 1) };
}

/** The decimal divided by 10^power, written out: exact, since only the point moves. */
function shifted({ digits, exponent }: { digits: string; exponent: number }, power: number): string {
  const shift = exponent - power;
  if (shift >= 0) return digits + '0'.repeat(shift);
  const point = digits.length + shift;
  return point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${'0'.repeat(-point)}${digits}`;
}

/** `value` rounded to `digits` after the point; toFixed writes 1e21 and above with an exponent. */
function fixed(value: number, digits: number): string {
  if (value < 1e21) return value.toFixed(digits);
  const whole = shifted(decimalOf(value), 0);
  return digits > 0 ? `${whole}.${'0'.repeat(digits)}` : whole;
}

/** Thousands separated by commas: "1,234,567.5". */
function grouped(number: string): string {
  const [whole = '', fraction] = number.split('.');
  const withCommas = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? withCommas : `${withCommas}.${fraction}`;
}

/** The notation a reader of `uiLanguage` ("zh-CN", "en-US") reads amounts in. */
export function amountLocaleOf(uiLanguage: string): AmountLocale {
  return primaryLanguage(uiLanguage) === 'zh' ? 'zh' : 'en';
}

/**
 * What to say beside an amount written as `written`, for a reader of `locale`: the amount in their
 * notation ("760亿美元" beside "$76 billion"), or null when it is written so already, or when saying
 * it would mix languages (a counted noun in another script: "25个states" helps nobody).
 */
export function inReaderNotation(amount: Amount, written: string, locale: AmountLocale): string | null {
  const { unit } = amount;
  if (unit.kind === 'count' && unit.noun !== null && /\p{Script=Han}/u.test(unit.noun) !== (locale === 'zh')) {
    return null;
  }
  const said = formatAmount(amount, { locale });
  const bare = (text: string) => text.replace(/[\s,，]/g, '').toLowerCase();
  return bare(said) === bare(written) ? null : said;
}
