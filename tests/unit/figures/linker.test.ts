import { describe, expect, it } from 'vitest';
import { sentenceAround } from '@/lib/kb/excerpt';
import { claimUnit, createFigureLinker, findLinkedFigures, type FigureClaim } from '@/lib/figures/linker';

const claims: FigureClaim[] = [
  {
    id: 'ca-reserves',
    unit: claimUnit('USD', null),
    cues: [
      ['California', '加利福尼亚州'],
      ['reserves', '储备'],
    ],
  },
  { id: 'ny-balance', unit: claimUnit('USD', null), cues: [['New York'], ['federal']] },
  { id: 'ca-population', unit: claimUnit('count', null), cues: [['California'], ['population']] },
  { id: 'wy-population', unit: claimUnit('count', null), cues: [['Wyoming'], ['population']] },
  { id: 'npv-votes', unit: claimUnit('count', 'electoral votes'), cues: [['compact']] },
];
const linker = createFigureLinker(claims);

function links(text: string): string[] {
  return findLinkedFigures(linker, text, (s, e) => sentenceAround(text, s, e)).map(
    (l) => `${l.claim.id}=${l.figure.text}`,
  );
}

describe('findLinkedFigures', () => {
  it.each<[string, string, string[]]>([
    ['right subject', 'California has $76 billion in reserves.', ['ca-reserves=$76 billion']],
    ['subject in Chinese', '加利福尼亚州则利用其巨额储备(760亿美元)来捍卫其政策。', ['ca-reserves=760亿美元']],
    ['wrong subject', 'Texas has $76 billion in reserves.', []],
    ['no subject at all', 'Somebody has $76 billion.', []],
    ['cue in another sentence', 'California is large. It has $76 billion in reserves.', []],
    ['unit does not fit', 'California has 76 percent of its reserves.', []],
    ['noun does not fit', 'The compact has 209 members.', []],
    ['noun fits', 'The compact has 209 electoral votes.', ['npv-votes=209 electoral votes']],
    [
      'two subjects in one sentence, each number to the nearer one',
      'California, with a population of nearly 40 million, has as many senators as Wyoming, with a population of 580,000.',
      ['ca-population=nearly 40 million', 'wy-population=580,000'],
    ],
    [
      'subject in the same clause wins over a nearer one in the next',
      'California has a population of about 39.4 million, while Wyoming has a population of 580,000 people.',
      ['ca-population=about 39.4 million', 'wy-population=580,000 people'],
    ],
    [
      'a bare number never stands for a counted noun',
      'The compact has 209 electoral votes, short of the 270 it needs.',
      ['npv-votes=209 electoral votes'],
    ],
    ['case-insensitive cues', 'CALIFORNIA keeps $76 billion in RESERVES.', ['ca-reserves=$76 billion']],
  ])('%s', (_name, text, expected) => {
    expect(links(text)).toEqual(expected);
  });
});
