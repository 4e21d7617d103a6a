/**
 * Character classes by code point (or by UTF-16 unit, where a caller reads units), for the matcher's hot loops. Units below U+0100 and the General
 * Punctuation block, which make up nearly all of an English page, are decided by comparisons; the
 * rest by Unicode property expressions, compiled on first need: compiling each costs a cold page
 * most of a millisecond, and an English page never needs them.
 */

const lazy = (source: string) => {
  let compiled: RegExp | null = null;
  return (code: number) => (compiled ??= new RegExp(source, 'u')).test(String.fromCodePoint(code));
};

const unicodeLetter = lazy('\\p{L}');
const unicodeUpper = lazy('\\p{Lu}');
const unicodeLower = lazy('\\p{Ll}');
const unicodeNumber = lazy('\\p{N}');
const unicodeMark = lazy('\\p{M}');

/** U+2000–U+206F: spaces, dashes, quotes, bullets, format characters; no letter, digit or mark. */
const isGeneralPunctuation = (code: number) => code >= 0x2000 && code <= 0x206f;

/** \p{Lu}. */
export function isUpperCode(code: number): boolean {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  if (code < 0x100) return code >= 0xc0 && code <= 0xde && code !== 0xd7;
  return !isGeneralPunctuation(code) && unicodeUpper(code);
}

/** \p{Ll}. */
export function isLowerCode(code: number): boolean {
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  if (code < 0x100) return code === 0xb5 || (code >= 0xdf && code <= 0xff && code !== 0xf7);
  return !isGeneralPunctuation(code) && unicodeLower(code);
}

/** \p{L}. */
export function isLetterCode(code: number): boolean {
  if (code < 0x100) return isUpperCode(code) || isLowerCode(code) || code === 0xaa || code === 0xba;
  return !isGeneralPunctuation(code) && unicodeLetter(code);
}

/** \p{N}. */
export function isNumberCode(code: number): boolean {
  if (code < 0x80) return code >= 0x30 && code <= 0x39;
  if (code < 0x100) return code === 0xb2 || code === 0xb3 || code === 0xb9 || (code >= 0xbc && code <= 0xbe);
  return !isGeneralPunctuation(code) && unicodeNumber(code);
}

/** \p{M}. */
export function isMarkCode(code: number): boolean {
  return code >= 0x300 && !isGeneralPunctuation(code) && unicodeMark(code);
}
