import { describe, expect, it } from 'vitest';
import { createTermMatcher, matchTerms } from '@/lib/matching/term-matcher';
import type { IndexedEntry } from '@/lib/kb/types';

const entries: IndexedEntry[] = [
  {
    id: 'gavin-newsom',
    category: 'person',
    label: 'Gavin Newsom',
    forms: [
      { text: 'Gavin Newsom', caseSensitive: false, shortForm: false },
      { text: 'Governor Newsom', caseSensitive: false, shortForm: false },
      { text: 'Newsom', caseSensitive: false, shortForm: true },
    ],
  },
  {
    id: 'ice',
    category: 'organization',
    label: 'Immigration and Customs Enforcement',
    forms: [
      { text: 'Immigration and Customs Enforcement', caseSensitive: false, shortForm: false },
      { text: 'ICE', caseSensitive: true, shortForm: false },
    ],
  },
];
const matcher = createTermMatcher(entries);

function found(text: string, seen = new Set<string>()): string[] {
  return matchTerms(matcher, text, seen).map((m) => `${m.entry.id}:${text.slice(m.start, m.end)}`);
}

describe('matchTerms', () => {
  it.each<[string, string, string[]]>([
    ['surname alone is not enough', 'Newsom said no.', []],
    [
      'surname after the full name',
      'Gavin Newsom said no. Newsom’s aides agreed.',
      ['gavin-newsom:Gavin Newsom', 'gavin-newsom:Newsom'],
    ],
    ['surname before the full name is skipped', 'Newsom met Gavin Newsom', ['gavin-newsom:Gavin Newsom']],
    [
      'another full form unlocks the surname',
      'Governor Newsom, then Newsom',
      ['gavin-newsom:Governor Newsom', 'gavin-newsom:Newsom'],
    ],
    ['acronym, not the noun', 'Roads had ice. ICE agents came.', ['ice:ICE']],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('remembers full names across passes', () => {
    const seen = new Set<string>();
    expect(found('Gavin Newsom', seen)).toHaveLength(1);
    expect(found('Later, Newsom', seen)).toEqual(['gavin-newsom:Newsom']);
  });
});
