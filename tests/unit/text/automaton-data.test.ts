import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  automatonData,
  compileForms,
  findFormMatches,
  loadAutomaton,
  type AutomatonData,
  type MatcherForm,
} from '@/lib/text/automaton';

/** What a build writes and the content script reads: the data through JSON. */
const throughJson = (data: AutomatonData): AutomatonData => JSON.parse(JSON.stringify(data)) as AutomatonData;

// Pieces that exercise folding: case, acronyms, hyphens and dashes, quotes, spaces, invisible and CJK units.
const PIECES = [
  'a',
  'b',
  'ab',
  'Ab',
  'AB',
  'NCAA',
  'U.S.',
  ' ',
  '-',
  '–',
  "'",
  '’',
  '\u00ad',
  '州',
  '加州',
  'é',
  'É',
  '.',
];
const piece = fc.constantFrom(...PIECES);
const formText = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
const form = fc.record({ text: formText, caseSensitive: fc.boolean() });

describe('the automaton as data', () => {
  it('finds the same matches loaded from its data as compiled on the spot', () => {
    fc.assert(
      fc.property(
        fc.array(form, { minLength: 1, maxLength: 30 }),
        fc.array(fc.oneof(piece, formText), { maxLength: 60 }),
        (forms: MatcherForm[], parts) => {
          const text = parts.join('');
          const loaded = loadAutomaton(throughJson(automatonData(forms)));
          expect(findFormMatches(loaded, text)).toEqual(findFormMatches(compileForms(forms), text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is deterministic, and loads to the same arrays', () => {
    fc.assert(
      fc.property(fc.array(form, { maxLength: 30 }), (forms) => {
        const data = automatonData(forms);
        expect(automatonData(forms)).toEqual(data);
        expect(loadAutomaton(throughJson(data))).toEqual(compileForms(forms));
      }),
    );
  });

  it('finds every form in a text made of the forms', () => {
    const forms = ['Gavin Newsom', 'Newsom', 'NCAA', 'anti-commandeering', '加州'].map((text) => ({
      text,
      caseSensitive: false,
    }));
    const loaded = loadAutomaton(throughJson(automatonData(forms)));
    const text = 'Gavin Newsom, the NCAA and anti–commandeering in 加州.';
    expect(findFormMatches(loaded, text).map((m) => text.slice(m.start, m.end))).toEqual([
      'Gavin Newsom',
      'Newsom',
      'NCAA',
      'anti–commandeering',
      '加州',
    ]);
  });
});
