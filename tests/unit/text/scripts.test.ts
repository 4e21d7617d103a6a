import { describe, expect, it } from 'vitest';
import { mainScript, singleScript, type Script } from '@/lib/text/scripts';

describe('mainScript', () => {
  it.each<[string, string, Script | null]>([
    ['English', 'The Bank of North Dakota.', 'latin'],
    ['Chinese', '北达科他州银行模式', 'han'],
    ['Chinese with its punctuation and digits', '加利福尼亚州则利用其巨额储备(760亿美元),“软脱离”。', 'han'],
    ['Japanese kana and kanji together', 'ソフトな分離について', 'han'],
    ['Korean', '연방 정부', 'han'],
    ['ideographs beyond the BMP', '𠀀𠀁𠀂 ab', 'han'],
    ['Russian', 'Мягкое отделение', 'other'],
    ['Greek', 'Ήπια απόσχιση', 'other'],
    ['Arabic', 'الانفصال الناعم', 'other'],
    ['accented Latin', 'Le Sénat a voté à Québec.', 'latin'],
    ['Vietnamese', 'Sự ly khai mềm', 'latin'],
    ['full-width Latin', 'Ｃａｌｉｆｏｒｎｉａ', 'latin'],
    [
      'Latin names inside a Chinese sentence: most letters decide',
      '加利福尼亚州州长纽森与伊利诺伊州州长 Gavin Newsom',
      'han',
    ],
    ['a Chinese name inside an English sentence', 'Governor Newsom, 纽森, said the state would not help.', 'latin'],
    ['digits and punctuation only', '$76 — 2025. “” ， 。', null],
    ['nothing', '', null],
  ])('%s', (_name, text, expected) => {
    expect(mainScript(text)).toBe(expected);
  });

  it('counts as Han or Latin only letters of those scripts, and no letter of theirs as another', () => {
    const han = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
    const latin = /\p{Script=Latin}/u;
    const letter = /[\p{L}\p{M}]/u;
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      const script = mainScript(char);
      const ok =
        script === 'han'
          ? han.test(char) && letter.test(char)
          : script === 'latin'
            ? latin.test(char) && letter.test(char)
            : script === 'other'
              ? !han.test(char) && !latin.test(char)
              : true;
      if (!ok) wrong.push(`${code.toString(16)}:${script}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('singleScript', () => {
  it.each<[string, string, Script | null]>([
    ['English alone', 'The Bank of North Dakota, “profitable” since 1919.', 'latin'],
    ['Chinese alone', '北达科他州银行模式,“软脱离”。', 'han'],
    ['both', 'Soft secession 软脱离', null],
    ['no letters', '1919 — 2025', null],
  ])('%s', (_name, text, expected) => {
    expect(singleScript(text)).toBe(expected);
  });
});
