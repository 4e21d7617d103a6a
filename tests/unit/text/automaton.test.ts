import { describe, expect, it } from 'vitest';
import { compileForms, findFormMatches, selectLeftmostLongest, type MatcherForm } from '@/lib/text/automaton';
import { BARRIER } from '@/lib/text/fold';

function spans(forms: readonly (string | MatcherForm)[], text: string): string[] {
  const compiled = compileForms(forms.map((f) => (typeof f === 'string' ? { text: f, caseSensitive: false } : f)));
  return selectLeftmostLongest(findFormMatches(compiled, text)).map((m) => text.slice(m.start, m.end));
}

describe('findFormMatches + selectLeftmostLongest', () => {
  it.each<[string, readonly (string | MatcherForm)[], string, string[]]>([
    ['plain', ['soft secession'], 'The idea of soft secession grew.', ['soft secession']],
    ['case-insensitive', ['soft secession'], 'Soft Secession is here', ['Soft Secession']],
    [
      'hyphen equals space',
      ['anti-commandeering doctrine'],
      'the anti commandeering doctrine',
      ['anti commandeering doctrine'],
    ],
    ['en dash equals hyphen', ['anti-commandeering'], 'the anti–commandeering rule', ['anti–commandeering']],
    ['a spaced dash is punctuation, not a hyphen', ['soft secession'], 'soft — secession', []],
    ['hyphen joins in the text too', ['soft secession'], 'a soft-secession plan', ['soft-secession']],
    ['curly apostrophe', ["People's Bank"], 'the People’s Bank', ['People’s Bank']],
    ['straight form, curly text quotes', ['"soft secession"'], 'a “soft secession” plan', ['“soft secession”']],
    ['runs of whitespace and line breaks', ['soft secession'], 'soft \n\t  secession', ['soft \n\t  secession']],
    ['non-breaking space', ['Gavin Newsom'], 'Gavin\u00a0Newsom said', ['Gavin\u00a0Newsom']],
    ['possessive', ['Newsom'], "Newsom's plan and Newsom’s veto", ['Newsom', 'Newsom']],
    ['leftmost-longest, not nested', ['Gavin Newsom', 'Newsom'], 'Gavin Newsom spoke', ['Gavin Newsom']],
    ['longest at same start', ['Bank', 'Bank of North Dakota'], 'the Bank of North Dakota', ['Bank of North Dakota']],
    [
      'leftmost wins over longer later',
      ['North Dakota', 'Dakota Access Pipeline'],
      'North Dakota Access Pipeline',
      ['North Dakota'],
    ],
    ['no match inside a word', ['ICE'], 'ICED tea and nICE', []],
    [
      'case-sensitive acronym rejects the noun',
      [{ text: 'ICE', caseSensitive: true }],
      'ice on the road; ICE raids',
      ['ICE'],
    ],
    ['word boundary at digits', ['Cal 3'], 'Cal 30 and Cal 3.', ['Cal 3']],
    ['Chinese needs no boundaries', ['软脱离'], '这是软脱离了', ['软脱离']],
    ['Chinese next to Latin', ['软分裂'], 'a软分裂b', ['软分裂']],
    ['barrier stops a match', ['soft secession'], `soft${BARRIER}secession`, []],
    ['barrier next to a word is a boundary', ['secession'], `soft${BARRIER}secession`, ['secession']],
    ['overlapping suffix forms', ['he said', 'said so'], 'he said so', ['he said']],
    ['repeated occurrences', ['ICE'], 'ICE, ICE and ICE', ['ICE', 'ICE', 'ICE']],
    ['form with trailing punctuation', ['U.S.'], 'the U.S. Senate', ['U.S.']],
    ['accents fold by case only', ['Élysée'], 'the élysée palace', ['élysée']],
    ['empty text', ['x'], '', []],
  ])('%s', (_name, forms, text, expected) => {
    expect(spans(forms, text)).toEqual(expected);
  });

  it('lets the caller veto a match and falls back to the next candidate', () => {
    const compiled = compileForms([
      { text: 'Newsom', caseSensitive: false },
      { text: 'Gavin Newsom', caseSensitive: false },
    ]);
    const text = 'Newsom, then Gavin Newsom, then Newsom';
    const seen = new Set<number>();
    const chosen = selectLeftmostLongest(findFormMatches(compiled, text), (m) => {
      if (m.form === 0) return seen.has(1);
      seen.add(1);
      return true;
    });
    expect(chosen.map((m) => [m.start, text.slice(m.start, m.end)])).toEqual([
      [13, 'Gavin Newsom'],
      [32, 'Newsom'],
    ]);
  });

  it('finds many forms in one read', () => {
    const forms = Array.from({ length: 500 }, (_, i) => ({ text: `term${i} word`, caseSensitive: false }));
    const compiled = compileForms(forms);
    const text = forms.map((f) => f.text).join(' and ');
    expect(selectLeftmostLongest(findFormMatches(compiled, text))).toHaveLength(500);
  });
});
