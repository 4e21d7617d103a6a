import { describe, expect, it } from 'vitest';
import { mainScript, scriptOfLetter, type Script } from '@/lib/matching/scripts';

describe('scriptOfLetter', () => {
  it('agrees with the Unicode script properties on every code point', () => {
    const han = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
    const expected = (char: string): Script | null =>
      !/\p{L}/u.test(char) ? null : han.test(char) ? 'han' : /\p{Script=Latin}/u.test(char) ? 'latin' : 'other';
    const disagreements: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (scriptOfLetter(code) !== expected(char)) disagreements.push(code.toString(16));
    }
    expect(disagreements).toEqual([]);
  });
});

describe('mainScript', () => {
  it.each<[string, string[], Script | null]>([
    ['English', ['The Bank of North Dakota.'], 'latin'],
    ['Chinese', ['北达科他州银行模式'], 'han'],
    ['Japanese kana and kanji together', ['ソフトな分離について'], 'han'],
    ['Korean', ['연방 정부'], 'han'],
    ['Russian', ['Мягкое отделение'], 'other'],
    ['accented Latin', ['Le Sénat a voté à Québec.'], 'latin'],
    [
      'Latin names inside a Chinese sentence: most letters decide',
      ['加利福尼亚州州长纽森与伊利诺伊州州长', 'Gavin Newsom'],
      'han',
    ],
    ['ideographs beyond the BMP', ['𠀀𠀁𠀂 ab'], 'han'],
    ['digits and punctuation only', ['$76 — 2025.'], null],
    ['nothing', [], null],
  ])('%s', (_name, texts, expected) => {
    expect(mainScript(texts)).toBe(expected);
  });

  it('reads only the opening of a long text', () => {
    const texts = ['English words '.repeat(20), '中文'.repeat(1000)];
    expect(mainScript(texts)).toBe('latin');
    expect(mainScript(texts, 10_000)).toBe('han');
  });
});
