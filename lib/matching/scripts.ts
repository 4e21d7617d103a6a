import { isLetterCode } from './letters';

/**
 * The writing systems told apart where a page mixes languages without saying so (an aggregator's
 * Chinese summary above an English article): Chinese characters with the Japanese kana and Korean
 * Hangul written beside them, Latin letters, and any other script.
 */
export type Script = 'han' | 'latin' | 'other';

/** Compiled on first need, as in letters.ts: a page in Latin letters alone never needs them. */
const lazy = (source: string) => {
  let compiled: RegExp | null = null;
  return (code: number) => (compiled ??= new RegExp(source, 'u')).test(String.fromCodePoint(code));
};
const isHanFamily = lazy(
  '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Bopomofo}]',
);
const isLatin = lazy('\\p{Script=Latin}');

/** The script of a letter, or null for anything not a letter (digits, punctuation, spaces). */
export function scriptOfLetter(code: number): Script | null {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a ? 'latin' : null;
  if (!isLetterCode(code)) return null;
  if (code < 0x100) return code === 0xb5 ? 'other' : 'latin'; // µ is Greek
  return isHanFamily(code) ? 'han' : isLatin(code) ? 'latin' : 'other';
}

/**
 * The script most of the first `sample` letters of `texts` are written in; null when they hold no
 * letter. A block's opening tells its script: reading a few hundred letters bounds the cost on a
 * long one.
 */
export function mainScript(texts: Iterable<string>, sample = 200): Script | null {
  const counts = { han: 0, latin: 0, other: 0 };
  let letters = 0;
  for (const text of texts) {
    for (let i = 0; i < text.length && letters < sample; i++) {
      const code = text.codePointAt(i)!;
      if (code > 0xffff) i++;
      const script = scriptOfLetter(code);
      if (script === null) continue;
      counts[script]++;
      letters++;
    }
    if (letters >= sample) break;
  }
  if (letters === 0) return null;
  if (counts.han >= counts.latin && counts.han >= counts.other) return 'han';
  return counts.latin >= counts.other ? 'latin' : 'other';
}
