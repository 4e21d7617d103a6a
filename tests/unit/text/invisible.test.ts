import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileForms, findFormMatches, selectLeftmostLongest, type MatcherForm } from '@/lib/text/automaton';
import { foldForm } from '@/lib/text/fold';
import { findFigures } from '@/lib/figures/number-parser';

const FORMS: MatcherForm[] = [
  { text: 'anti-commandeering doctrine', caseSensitive: false },
  { text: 'Gavin Newsom', caseSensitive: false },
  { text: 'California', caseSensitive: false },
  { text: 'ICE', caseSensitive: true },
  { text: 'Murphy v. NCAA', caseSensitive: false },
  { text: '软脱离', caseSensitive: false },
  { text: 'New', caseSensitive: false },
];
const automaton = compileForms(FORMS);

function spans(text: string): [number, number, string][] {
  return selectLeftmostLongest(findFormMatches(automaton, text)).map((m) => [m.start, m.end, FORMS[m.form]!.text]);
}

describe('invisible characters inside a name are read past', () => {
  it.each<[string, string, string[]]>([
    ['soft hyphen', 'The anti-comman\u00ADdeering doctrine was cited.', ['anti-comman\u00ADdeering doctrine']],
    ['soft hyphen and zero-width space', 'Gov. Gav\u00ADin New\u200Bsom spoke.', ['Gav\u00ADin New\u200Bsom']],
    [
      'joiners and word joiner',
      'Gavin\u200C Newsom and Cali\u200Dfor\u2060nia',
      ['Gavin\u200C Newsom', 'Cali\u200Dfor\u2060nia'],
    ],
    ['direction marks', 'Gavin \u200ENewsom\u200F said', ['Gavin \u200ENewsom']],
    [
      'bidi isolates and a BOM inside text',
      'Cal\u2066ifor\u2069nia and Gav\uFEFFin Newsom',
      ['Cal\u2066ifor\u2069nia', 'Gav\uFEFFin Newsom'],
    ],
    ['after a hyphen', 'the anti-\u00ADcommandeering doctrine', ['anti-\u00ADcommandeering doctrine']],
    ['invisible around a name stays outside the match', '\u200BCalifornia\u200B.', ['California']],
    ['Chinese', '这是软\u200B脱离', ['软\u200B脱离']],
    ['an acronym keeps its case', 'I\u00ADCE agents, not i\u00ADce', ['I\u00ADCE']],
  ])('%s', (_name, text, expected) => {
    expect(spans(text).map(([s, e]) => text.slice(s, e))).toEqual(expected);
  });

  it('does not find a word inside a longer word joined by an invisible character', () => {
    expect(spans('New\u00ADsome and New\u200Bark')).toEqual([]);
    expect(spans('re\u00ADNew now')).toEqual([]);
  });

  it('folds invisible characters out of forms too', () => {
    expect(foldForm('Gav\u00ADin\u200B New\u2060som')).toBe('gavin newsom');
  });
});

describe('full-width ASCII forms match as ASCII', () => {
  it.each<[string, string, string[]]>([
    ['letters', '加州即Ｃａｌｉｆｏｒｎｉａ。', ['Ｃａｌｉｆｏｒｎｉａ']],
    ['mixed', 'ＧＡＶＩＮ Newsom', ['ＧＡＶＩＮ Newsom']],
    ['a case-sensitive acronym', 'ＩＣＥ raids, not ｉｃｅ', ['ＩＣＥ']],
    ['a full-width space', 'Gavin\u3000Newsom', ['Gavin\u3000Newsom']],
  ])('%s', (_name, text, expected) => {
    expect(spans(text).map(([s, e]) => text.slice(s, e))).toEqual(expected);
  });

  it('reads full-width digits and currency in the number parser, keeping the page’s own text', () => {
    const text = 'California has ＄７６ billion in reserves, ８３％ of it liquid.';
    expect(findFigures(text).map((f) => [f.text, f.value, f.unit.kind, text.slice(f.start, f.end)])).toEqual([
      ['＄７６ billion', 76e9, 'currency', '＄７６ billion'],
      ['８３％', 83, 'percent', '８３％'],
    ]);
  });
});

describe('property: invisible characters never change what is found', () => {
  const invisible = fc.constantFrom('\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\u200E', '\u200F', '\uFEFF');
  const sentences = fc.record({
    before: fc.constantFrom('', 'Yesterday ', 'On Monday, ', 'Critics of '),
    form: fc.constantFrom(
      'anti-commandeering doctrine',
      'Gavin Newsom',
      'California',
      'ICE',
      'Murphy v. NCAA',
      '软脱离',
    ),
    after: fc.constantFrom('', ' said so.', '’s plan', ', then California.', ' and ICE'),
  });

  it('inserting invisible units inside a form keeps whether and where it is found', () => {
    fc.assert(
      fc.property(
        sentences,
        fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 6 }),
        ({ before, form, after }, insertions) => {
          const plain = before + form + after;
          // Insert strictly inside the form; positionOf maps each unit of `plain` to its offset in `text`.
          const inside = insertions.map(([at, char]) => [1 + (at % Math.max(1, form.length - 1)), char] as const);
          let text = '';
          const positionOf: number[] = [];
          for (let i = 0; i < plain.length; i++) {
            const inForm = i - before.length;
            for (const [at, char] of inside) if (at === inForm && form.length > 1) text += char;
            positionOf.push(text.length);
            text += plain[i];
          }
          const expected = spans(plain).map(([s, e, f]) => [positionOf[s]!, positionOf[e - 1]! + 1, f]);
          expect(spans(text)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
