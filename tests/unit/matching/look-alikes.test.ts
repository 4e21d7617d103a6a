import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '@/lib/kb-build/build';
import { createTermMatcher, matchTerms } from '@/lib/matching/term-matcher';
import { derivedFixture } from '../kb-build/derived-fixture';

// The look-alike guards are part of the one term matcher: the build and the page both go through it.
const kb = buildKnowledgeBase(derivedFixture).kb!;
const matcher = createTermMatcher(kb.index.entries);

function found(text: string, id: string): string[] {
  return matchTerms(matcher, text, new Set())
    .filter((m) => m.entry.id === id)
    .map((m) => text.slice(m.start, m.end));
}

describe('a capitalised word before a surname: another person', () => {
  it.each<[string, string, string[]]>([
    [
      'a surname after the full name',
      'Priya Castellano toured a farm. Castellano said little.',
      ['Priya Castellano', 'Castellano'],
    ],
    [
      'a relative with the same surname',
      'Priya Castellano arrived late; Nina Castellano, a cousin, had already left.',
      ['Priya Castellano'],
    ],
    [
      'a namesake at the start of a sentence',
      'Priya Castellano spoke. Marco Castellano runs a bakery in town.',
      ['Priya Castellano'],
    ],
    [
      'an ordinary word at the start of a sentence',
      'Priya Castellano spoke. Yesterday Castellano vetoed it. When Castellano returned, aides cheered.',
      ['Priya Castellano', 'Castellano', 'Castellano'],
    ],
    [
      'a title before the surname',
      'Priya Castellano spoke. Later Gov. Castellano and Governor Castellano were quoted.',
      ['Priya Castellano', 'Gov. Castellano', 'Governor Castellano'],
    ],
    [
      'a possessive before the surname',
      "Priya Castellano spoke. Vermont's Castellano agreed.",
      ['Priya Castellano', 'Castellano'],
    ],
    ['a suffix after the full name', 'Priya Castellano Jr. opened a restaurant.', []],
    [
      'a title counts as a full mention',
      'Gov. Castellano signed it, and Castellano smiled.',
      ['Gov. Castellano', 'Castellano'],
    ],
    ['a place before the title', 'Vermont Gov. Castellano signed the bill.', ['Vermont Gov. Castellano']],
    ['another office before the title', 'Lt. Gov. Castellano chaired the session.', []],
    ['a modifier that keeps the office', 'Former Gov. Castellano chaired the session.', ['Gov. Castellano']],
  ])('%s', (_name, text, expected) => {
    expect(found(text, 'priya-castellano')).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    [
      'a title before an ordinary-word surname',
      'Attorney General March filed suit in March.',
      ['Attorney General March'],
    ],
    ['an ordinary-word surname as a first name', 'Attorney General March Okafor of another state disagreed.', []],
    ['the month alone is nothing', 'The vote is set for March. March madness followed.', []],
    ['another office', 'Deputy Attorney General March recused himself.', []],
    ['an honorific', 'Mr. March declined to comment.', ['Mr. March']],
  ])('%s', (_name, text, expected) => {
    expect(found(text, 'owen-march')).toEqual(expected);
  });

  it('a senior title is another office', () => {
    expect(found('Chief Justice Adler dissented; Justice Adler wrote separately.', 'ruth-adler')).toEqual([
      'Justice Adler',
    ]);
  });
});

describe('an organisation inside a longer capitalised phrase: not that organisation', () => {
  it.each<[string, string, string, string[]]>([
    ['apple', 'Apple and Google both said no.', 'apple', ['Apple']],
    ['apple', 'Apple said on Monday that sales fell.', 'apple', ['Apple']],
    ['apple', "Apple's lawyers filed first.", 'apple', ['Apple']],
    ['apple', 'Tourists still love the Big Apple in December.', 'apple', []],
    ['apple', 'A school board in Apple Valley voted on Tuesday.', 'apple', []],
    ['apple', 'She ate an apple.', 'apple', []],
    ['apple', 'When Apple sued, rivals followed.', 'apple', ['Apple']],
    ['apple', 'Apple CEO remarks drew notice.', 'apple', ['Apple']],
    ['place', 'Vermont Gov. Castellano spoke, and Vermont lawmakers agreed.', 'vermont', ['Vermont']],
    ['place', 'The Vermont Legislature met; Vermont Teddy Bear workers watched.', 'vermont', ['Vermont']],
    ['truncated alias', 'The Senate voted 51 to 49.', 'senate', ['Senate']],
    ['truncated alias', 'The Vermont Senate voted too.', 'senate', []],
    ['truncated alias', 'The State Senate adjourned.', 'senate', []],
    ['truncated alias', 'The Republican Senate and the U.S. Senate are one body.', 'senate', ['Senate', 'U.S. Senate']],
  ])('%s: %s', (_kind, text, id, expected) => {
    expect(found(text, id)).toEqual(expected);
  });
});

describe('a case-sensitive acronym never matches a lowercase or sentence-case word', () => {
  it.each<[string, string, string[]]>([
    ['coastal-wetlands-restoration-initiative', 'The CWRI grant was renewed.', ['CWRI']],
    ['coastal-wetlands-restoration-initiative', 'the cwri grant, the Cwri grant', []],
    ['national-collegiate-athletic-association', 'NCAA rules apply; ncaa and Ncaa do not.', ['NCAA']],
    ['doyle-v-ncaa', 'In Doyle v. NCAA the court ruled.', ['Doyle v. NCAA']],
    ['doyle-v-ncaa', 'In doyle v. ncaa the court ruled.', []],
    ['apple', 'APPLE and apple: only the company is capitalised as Apple.', ['Apple']],
  ])('%s: %s', (id, text, expected) => {
    expect(found(text, id)).toEqual(expected);
  });
});
