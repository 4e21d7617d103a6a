import { describe, expect, it } from 'vitest';
import { sourceNames } from '@/lib/kb-build/reader-text';
import {
  chineseSummaryProblem,
  figureEntryProblem,
  formatProblem,
  validateSeeds,
  type SeedInputs,
} from '@/lib/kb-build/validate';

const text = 'Soft secession is discussed. Printz v. United States limits commandeering.';
const source = {
  id: 'one',
  file: 'one.txt',
  title: null,
  author: null,
  outlet: null,
  date: '2025-01-01',
  url: null,
  language: 'en',
};
const concept = {
  id: 'soft-secession',
  category: 'concept',
  label: 'Soft secession',
  summary: 'A term.',
  summaryZh: '一个术语。',
};
const law = {
  id: 'printz',
  category: 'law',
  label: 'Printz v. United States',
  summary: 'A case.',
  summaryZh: '一宗案件。',
};

function inputs(entries: unknown[], sources: unknown[] = [source]): SeedInputs {
  return {
    sources: { file: 'sources.yaml', data: sources },
    entryFiles: [{ file: 'entries/test.yaml', data: entries }],
    texts: { 'one.txt': text, 'two.txt': text, '007_abc.txt': text },
  };
}

function errors(seeds: SeedInputs): string[] {
  return validateSeeds(seeds)
    .problems.filter((p) => p.severity === 'error')
    .map(formatProblem);
}

describe('validateSeeds', () => {
  it('accepts a valid seed set', () => {
    expect(errors(inputs([concept, law]))).toEqual([]);
  });

  it.each<[string, unknown[], unknown[] | undefined, string]>([
    [
      'duplicate id',
      [concept, { ...law, id: 'soft-secession' }],
      undefined,
      'error: entries/test.yaml, entry "soft-secession", field "id": duplicate id (also in entries/test.yaml)',
    ],
    [
      'alias claimed by two entries',
      [concept, { ...law, aliases: ['soft  Secession'] }],
      undefined,
      'error: entries/test.yaml, entry "printz", field "aliases.0": "soft  Secession" is already claimed by entry "soft-secession"',
    ],
    [
      'empty summary',
      [{ ...concept, summary: '  ' }],
      undefined,
      'error: entries/test.yaml, entry "soft-secession", field "summary": must not be empty',
    ],
    [
      'no Chinese summary',
      [{ ...concept, summaryZh: undefined }],
      undefined,
      'error: entries/test.yaml, entry "soft-secession", field "summaryZh": missing: every entry has a Chinese summary too',
    ],
    [
      'empty Chinese summary',
      [{ ...concept, summaryZh: ' ' }],
      undefined,
      'error: entries/test.yaml, entry "soft-secession", field "summaryZh": must not be empty',
    ],
    [
      'unknown category',
      [{ ...concept, category: 'event' }],
      undefined,
      'error: entries/test.yaml, entry "soft-secession", field "category": category must be one of concept, law, person, organization, place, figure',
    ],
    [
      'excerpt that is not verbatim',
      [{ ...concept, excerpts: [{ source: 'one', text: 'Soft secession is debated.' }] }],
      undefined,
      'error: entries/test.yaml, entry "soft-secession", field "excerpts.0.text": not a verbatim excerpt of one.txt',
    ],
    [
      'excerpt from an unknown source',
      [{ ...concept, excerpts: [{ source: 'nope', text: 'Soft secession' }] }],
      undefined,
      'error: entries/test.yaml, entry "soft-secession", field "excerpts.0.source": unknown source "nope"',
    ],
    [
      'unknown related entry',
      [{ ...concept, related: ['missing'] }],
      undefined,
      'error: entries/test.yaml, entry "soft-secession", field "related.0": unknown entry "missing"',
    ],
    [
      'id not kebab-case',
      [{ ...concept, id: 'Soft_Secession' }],
      undefined,
      'error: entries/test.yaml, entry "Soft_Secession", field "id": must be kebab-case: lowercase letters, digits and single hyphens',
    ],
    [
      'unknown field',
      [{ ...concept, sumary: 'typo' }],
      undefined,
      'error: entries/test.yaml, entry "soft-secession", field "sumary": unknown field',
    ],
    [
      'source file missing',
      [concept],
      [{ ...source, file: 'missing.txt' }],
      'error: sources.yaml, entry "one", field "file": no file "missing.txt" in seeds/',
    ],
    [
      'notArticle not verbatim',
      [concept],
      [{ ...source, notArticle: ['not in the file'] }],
      'error: sources.yaml, entry "one", field "notArticle.0": not a verbatim passage of the file',
    ],
    [
      'notByAuthor not verbatim',
      [concept],
      [{ ...source, notByAuthor: [{ text: 'not in the file', credit: 'An aggregator' }] }],
      'error: sources.yaml, entry "one", field "notByAuthor.0.text": not a verbatim passage of the file',
    ],
    [
      'a summary naming a source by its file number',
      [{ ...concept, summary: 'A term the post 007 uses.' }],
      [{ ...source, file: '007_abc.txt' }],
      'error: entries/test.yaml, entry "soft-secession", field "summary": names a source as "007": readers see titles, outlets and authors',
    ],
    [
      'a summary naming a source by an id readers never see',
      [{ ...concept, summary: 'A term one uses.' }],
      undefined,
      'error: entries/test.yaml, entry "soft-secession", field "summary": names a source as "one": readers see titles, outlets and authors',
    ],
    [
      'a Chinese summary naming a source by its file name',
      [{ ...concept, summaryZh: '见于 one.txt 的一个术语。' }],
      undefined,
      'error: entries/test.yaml, entry "soft-secession", field "summaryZh": names a source as "one.txt": readers see titles, outlets and authors',
    ],
    [
      'a note naming a source by its file name',
      [concept],
      [{ ...source, dateNote: 'As one.txt says.' }],
      'error: sources.yaml, entry "one", field "dateNote": names a source as "one.txt": readers see titles, outlets and authors',
    ],
    [
      'sources out of date order',
      [concept],
      [source, { ...source, id: 'two', file: 'two.txt', date: '2024-05-01' }],
      'error: sources.yaml, entry "two", field "date": sources must be listed oldest first, but "one" (2025-01-01) comes before it',
    ],
    [
      'figure without cues',
      [
        {
          id: 'a-figure',
          category: 'figure',
          label: 'A figure',
          summary: 'x',
          summaryZh: '某个数字。',
          unit: 'USD',
          cues: [],
        },
      ],
      undefined,
      'error: entries/test.yaml, entry "a-figure", field "cues": a figure needs at least one cue group',
    ],
    [
      'role citing an unknown source',
      [
        {
          id: 'p',
          category: 'person',
          label: 'P Person',
          summary: 'x',
          summaryZh: '某个人。',
          roles: [{ title: 'Mayor', asOf: null, source: 'x' }],
        },
      ],
      undefined,
      'error: entries/test.yaml, entry "p", field "roles.0.source": unknown source "x"',
    ],
  ])('reports %s', (_name, entries, sources, expected) => {
    expect(errors(inputs(entries, sources))).toContain(expected);
  });

  it('warns, without failing, for an alias that occurs nowhere', () => {
    const { problems } = validateSeeds(inputs([{ ...concept, aliases: ['quiet exit'] }]));
    expect(problems.map(formatProblem)).toEqual([
      'warning: entries/test.yaml, entry "soft-secession", field "aliases.0": "quiet exit" occurs nowhere in the corpus',
    ]);
  });
});

describe('figureEntryProblem: what a figure entry is', () => {
  it.each<[string, 'USD' | 'percent' | 'count' | 'multiple', string | null, 'figure' | 'time frame' | 'sourcing']>([
    // Quantities about the world, with a subject.
    ['an amount of money', 'USD', null, 'figure'],
    ['a share', 'percent', null, 'figure'],
    ['a multiple', 'multiple', null, 'figure'],
    ['a count of states', 'count', 'states', 'figure'],
    ['a count of people, the noun left to the cues', 'count', null, 'figure'],
    ['a count of lawsuits', 'count', 'lawsuits', 'figure'],
    ['a count of votes', 'count', 'electoral votes', 'figure'],
    ['a count of members', 'count', 'members', 'figure'],
    ['a margin in points', 'count', 'points', 'figure'],
    ['a count in Chinese', 'count', '州', 'figure'],
    // Time frames: "two years", "nearly two decades", "for 20 years".
    ['years', 'count', 'years', 'time frame'],
    ['decades', 'count', 'decades', 'time frame'],
    ['a single year', 'count', 'year', 'time frame'],
    ['days, capitalised', 'count', 'Days', 'time frame'],
    ['a qualified duration', 'count', 'fiscal years', 'time frame'],
    ['years in Chinese', 'count', '年', 'time frame'],
    // The article's own sourcing: "three sources".
    ['sources', 'count', 'sources', 'sourcing'],
    ['unnamed sources', 'count', 'unnamed sources', 'sourcing'],
    ['a single source', 'count', 'source', 'sourcing'],
  ])('%s', (_name, unit, noun, expected) => {
    const problem = figureEntryProblem({ unit, noun });
    const kind = problem === null ? 'figure' : problem.includes('time frame') ? 'time frame' : 'sourcing';
    expect(kind).toBe(expected);
  });

  it('stops the build, naming the entry and its noun', () => {
    const years = {
      id: 'study-years',
      category: 'figure',
      label: 'Years of study',
      summary: 'x',
      summaryZh: '学习年数。',
      unit: 'count',
    };
    expect(errors(inputs([{ ...years, noun: 'years', cues: [['studied']] }]))).toEqual([
      'error: entries/test.yaml, entry "study-years", field "noun": counts years: a time frame, not a quantity a reader checks; say it in the summary of the entry it is about',
    ]);
  });
});

describe('chineseSummaryProblem: the Chinese summary beside the English one', () => {
  const names = sourceNames([
    { id: 'armitage', file: '000.txt', title: 'A title', author: 'Chris Armitage', outlet: null },
    {
      id: 'forum',
      file: '003.txt',
      title: null,
      author: 'Alexis Madrigal (host), with Clara Jeffrey',
      outlet: 'Forum (radio talk show)',
    },
    { id: 'essay', file: '004.txt', title: 'The Case for Soft Secession: A Response', author: null, outlet: null },
  ]);
  const SAME = 'must name the sources the English summary names, spelled as their credits spell them';
  it.each<[string, string, string, string | null]>([
    ['the same source by surname', 'A term Armitage uses.', 'Armitage 在文章中使用的一个术语。', null],
    [
      'a source by full name in one, surname in the other',
      'Chris Armitage argues so.',
      'Armitage 认为各州可以拒绝协助联邦政府。',
      null,
    ],
    ['a possessive and curly quotes', 'Armitage’s article says so.', 'Armitage 的文章说各州可以拒绝协助。', null],
    [
      'an outlet and its speakers, the note in brackets aside',
      'On Forum, Clara Jeffrey calls it a compact.',
      '在 Forum 节目中，Clara Jeffrey 称之为各州之间联合行动的协定。',
      null,
    ],
    [
      'a title up to its subtitle',
      'The essay "The Case for Soft Secession" argues for it.',
      '《The Case for Soft Secession》一文主张加利福尼亚州在不正式脱离联邦的前提下抵制联邦权力。',
      null,
    ],
    ['no source named in either', 'A U.S. state.', '美国的一个州。', null],
    [
      'a name that is not a source’s, in Latin script or not',
      'Governor Gavin Newsom said so.',
      '州长 Gavin Newsom 说各州可以拒绝协助联邦政府。',
      null,
    ],
    [
      'a source left out',
      'Armitage and Madrigal say so.',
      'Armitage 说各州可以拒绝协助联邦政府。',
      `${SAME}; missing "Alexis Madrigal"`,
    ],
    [
      'a source added',
      'Armitage says so.',
      'Armitage 和 Jeffrey 都说各州可以拒绝协助联邦政府。',
      `${SAME}; names "Clara Jeffrey", which the English summary does not`,
    ],
    ['a name transliterated', 'Armitage says so.', '阿米蒂奇这样说。', `${SAME}; missing "Chris Armitage"`],
    [
      'a name inside a longer Latin word',
      'On Forum, hosts say so.',
      '在 Forums 上，几位主持人都说各州可以拒绝协助。',
      `${SAME}; missing "Forum"`,
    ],
    [
      'an English summary in its place',
      'A term Armitage uses.',
      'A term Armitage uses.',
      'must be written in Chinese: most of its letters Han characters',
    ],
    [
      'more Latin letters than Han characters',
      'Armitage cites Printz v. United States.',
      'Armitage 援引 Printz v. United States 案。',
      'must be written in Chinese: most of its letters Han characters',
    ],
  ])('%s', (_name, english, chinese, expected) => {
    expect(chineseSummaryProblem(english, chinese, names)).toBe(expected);
  });

  it('stops the build, naming the entry and the field', () => {
    const summaries = { summary: 'A term Armitage uses.', summaryZh: '一个术语。' };
    expect(errors(inputs([{ ...concept, ...summaries }], [{ ...source, author: 'Chris Armitage' }]))).toEqual([
      `error: entries/test.yaml, entry "soft-secession", field "summaryZh": ${SAME}; missing "Chris Armitage"`,
    ]);
  });
});
