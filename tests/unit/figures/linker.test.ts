import { describe, expect, it } from 'vitest';
import { BARRIER } from '@/lib/text/fold';
import { sentenceAround } from '@/lib/text/excerpt';
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
  { id: 'rggi-states', unit: claimUnit('count', 'states'), cues: [['Regional Greenhouse Gas Initiative', 'RGGI']] },
  {
    id: 'rggi-cut',
    unit: claimUnit('percent', null),
    cues: [['Regional Greenhouse Gas Initiative', 'RGGI'], ['emissions']],
  },
  { id: 'suit-wins', unit: claimUnit('percent', null), cues: [['multistate'], ['won', 'win']] },
];
const linker = createFigureLinker(claims);

/** "claim=figure" for a link by the sentence; " (before)" and " (also …)" mark a link by the sentence before. */
function links(text: string, linesAreParagraphs = true): string[] {
  return findLinkedFigures(linker, text, (s, e) => sentenceAround(text, s, e, { linesAreParagraphs }), undefined, {
    linesAreParagraphs,
  }).map(
    (l) =>
      `${l.claim.id}=${l.figure.text}${l.linkedBy === 'previous-sentence' ? ' (before)' : ''}` +
      (l.alsoFits.length > 0 ? ` (also ${l.alsoFits.map((c) => c.id).join(', ')})` : ''),
  );
}

describe('findLinkedFigures', () => {
  it.each<[string, string, string[]]>([
    ['right subject', 'California has $76 billion in reserves.', ['ca-reserves=$76 billion']],
    ['subject in Chinese', '加利福尼亚州则利用其巨额储备(760亿美元)来捍卫其政策。', ['ca-reserves=760亿美元']],
    ['wrong subject', 'Texas has $76 billion in reserves.', []],
    ['no subject at all', 'Somebody has $76 billion.', []],
    [
      'cue in the sentence before',
      'California is large. It has $76 billion in reserves.',
      ['ca-reserves=$76 billion (before)'],
    ],
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

describe('findLinkedFigures by the sentence before', () => {
  it.each<[string, string, string[]]>([
    // Linked: the number's sentence names the unit or part of the claim, the one before the rest.
    [
      'counted noun here, subject before',
      'The compact picked up two more legislatures this spring. Together those members now hold 205 electoral votes.',
      ['npv-votes=205 electoral votes (before)'],
    ],
    [
      'counted noun in a sentence with no cue at all',
      'Officials from the Regional Greenhouse Gas Initiative met in Albany on Tuesday. Twelve states take part in the market.',
      ['rggi-states=Twelve states (before)'],
    ],
    [
      'one cue group here, the other before',
      'Lawmakers in California closed the budget gap late on Friday. It leaves $41 billion in reserves.',
      ['ca-reserves=$41 billion (before)'],
    ],
    [
      'a percentage tied by its verb',
      'Attorneys general filed dozens of multistate suits last year. They won 70 percent of them.',
      ['suit-wins=70 percent (before)'],
    ],
    [
      'acronym before, noun cue here',
      'RGGI auctions allowances every quarter. Since then emissions have fallen 45 percent.',
      ['rggi-cut=45 percent (before)'],
    ],
    ['Chinese sentences', '加利福尼亚州议会周五通过了预算。其储备为410亿美元。', ['ca-reserves=410亿美元 (before)']],
    // Not linked.
    [
      'the subject two sentences back',
      'The compact picked up two more legislatures this spring. Supporters cheered. Its members now hold 205 electoral votes.',
      [],
    ],
    [
      'the subject in another paragraph',
      `The compact picked up two more legislatures this spring.${BARRIER}Its members now hold 205 electoral votes.`,
      [],
    ],
    [
      'a line of a source file is a paragraph',
      'The compact picked up two more legislatures this spring.\nIts members now hold 205 electoral votes.',
      [],
    ],
    [
      'the sentence names a subject of its own',
      'California keeps a large rainy-day fund. Texas holds $24 billion in reserves.',
      [],
    ],
    [
      'a name later in the sentence',
      'California keeps a large rainy-day fund. Its neighbour, Nevada, holds $2 billion in reserves.',
      [],
    ],
    [
      'nothing in the sentence ties the number to the claim',
      'California drew down its reserves this year. Officials spent $41 billion on schools.',
      [],
    ],
    [
      'a counted noun in a sentence that neither opens with it nor refers back',
      'Officials from the Regional Greenhouse Gas Initiative met on Tuesday. Buyers from 12 states bid at the auction.',
      [],
    ],
    ['a count of something else', 'The compact grew again this spring. It now has 18 members.', []],
    ['a bare number for a counted claim', 'The compact grew again this spring. Its tally is now 205.', []],
    ['the unit does not fit', 'California closed the budget gap. Its reserves grew 12 percent.', []],
    [
      'the sentence before states the claim itself',
      'The compact holds 205 electoral votes. It needs 65 more electoral votes to take effect.',
      ['npv-votes=205 electoral votes'],
    ],
    // Two claims fit through the sentence before: the nearest is kept, with the other listed.
    [
      'two claims through context',
      'California and Wyoming both grew over the last decade. The population rose to nearly 40 million.',
      ['wy-population=nearly 40 million (before) (also ca-population)'],
    ],
    // The sentence alone still wins.
    [
      'a complete sentence after a partial one',
      'Wyoming has a population of 580,000. California has a population of nearly 40 million.',
      ['wy-population=580,000', 'ca-population=nearly 40 million'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(links(text)).toEqual(expected);
  });

  it('a line break inside a page paragraph is layout, not a paragraph end', () => {
    const text = 'The compact picked up two more legislatures this spring.\nIts members now hold 205 electoral votes.';
    expect(links(text, false)).toEqual(['npv-votes=205 electoral votes (before)']);
  });
});

describe('findLinkedFigures in real wording', () => {
  // Claims as the seeds write them: a name's cue, a verb group, a counted noun.
  const realClaims: FigureClaim[] = [
    { id: 'npv-votes', unit: claimUnit('count', 'electoral votes'), cues: [['National Popular Vote']] },
    { id: 'rggi-states', unit: claimUnit('count', 'states'), cues: [['Regional Greenhouse Gas Initiative', 'RGGI']] },
    {
      id: 'rggi-cut',
      unit: claimUnit('percent', null),
      cues: [['Regional Greenhouse Gas Initiative', 'RGGI'], ['emissions']],
    },
    {
      id: 'real-id-states',
      unit: claimUnit('count', 'states'),
      cues: [['REAL ID'], ['refused', 'refuse', 'rejected', 'reject', 'rejecting', 'resisted']],
    },
    { id: 'suits', unit: claimUnit('count', 'lawsuits'), cues: [['multistate'], ['lawsuits', 'lawsuit']] },
    { id: 'alliance-members', unit: claimUnit('count', 'members'), cues: [['Climate Alliance']] },
    { id: 'aca-states', unit: claimUnit('count', 'states'), cues: [['Affordable Care Act']] },
  ];
  const realLinker = createFigureLinker(realClaims);
  const realLinks = (text: string) =>
    findLinkedFigures(
      realLinker,
      text,
      (s, e) => sentenceAround(text, s, e, { linesAreParagraphs: false }),
      undefined,
      {
        linesAreParagraphs: false,
      },
    ).map(
      (l) =>
        `${l.claim.id}=${l.figure.text}${l.linkedBy === 'previous-sentence' ? ' (before)' : ''}` +
        (l.alsoFits.length > 0 ? ` (also ${l.alsoFits.map((c) => c.id).join(', ')})` : ''),
    );

  it.each<[string, string, string[]]>([
    // By its own sentence: other verbs, other word orders.
    [
      'another verb, the count first and an aside before the verb',
      '25 states, either through a statute or a resolution, rejected the REAL ID Act.',
      ['real-id-states=25 states'],
    ],
    ['the verb first', 'Rejecting REAL ID outright were 25 states, led by Maine.', ['real-id-states=25 states']],
    ['passive', 'The REAL ID Act was resisted by 25 states at first.', ['real-id-states=25 states']],
    [
      'a count of lawsuits after its subject and verb',
      'By the end of the term the coalition had filed 160 multistate lawsuits.',
      ['suits=160 multistate lawsuits'],
    ],
    ['a count of members', 'The U.S. Climate Alliance now counts 24 members.', ['alliance-members=24 members']],
    [
      'a count of votes after "would reach"',
      'With Virginia, the National Popular Vote plan would reach 222 electoral votes.',
      ['npv-votes=222 electoral votes'],
    ],
    // By the sentence before.
    [
      'the count opens its sentence after opening words',
      'The Regional Greenhouse Gas Initiative caps power-plant emissions in the Northeast. Currently, nine states take part.',
      ['rggi-states=nine states (before)'],
    ],
    [
      'the subject called by its name’s last word, another verb',
      'The Regional Greenhouse Gas Initiative caps power-plant emissions in the Northeast. Nine states currently participate in the initiative.',
      ['rggi-states=Nine states (before)'],
    ],
    [
      'the name’s last word with a possessive, the count mid-sentence',
      'The Affordable Care Act let states expand Medicaid. To date, 40 states have adopted the act’s expansion.',
      ['aca-states=40 states (before)'],
    ],
    [
      'a share, the subject called by its name’s last word',
      'The Regional Greenhouse Gas Initiative caps power-plant emissions. Since 2009 the initiative has cut them by 45 percent.',
      ['rggi-cut=45 percent (before)'],
    ],
    [
      'a common noun opens the sentence, "have joined"',
      'The National Popular Vote Interstate Compact is an agreement among states. States that have joined the compact hold 209 electoral votes.',
      ['npv-votes=209 electoral votes (before)'],
    ],
    // Not linked: no verdict for a number the wording does not tie to one claim.
    [
      'the sentence speaks of a state the one before named',
      'Virginia debated joining the National Popular Vote Interstate Compact. The state has 13 electoral votes.',
      [],
    ],
    [
      'another name with the same last word',
      'The Regional Greenhouse Gas Initiative met in Albany. The Transportation and Climate Initiative has 12 states.',
      [],
    ],
    [
      'a count after words that are not opening words',
      'The Regional Greenhouse Gas Initiative met in Albany on Tuesday. Officials from 12 states attended.',
      [],
    ],
    [
      'the name’s last word, but a count of something else',
      'The Regional Greenhouse Gas Initiative caps power-plant emissions. The initiative employs 40 staff members.',
      [],
    ],
    [
      'the name’s last word two sentences on',
      'The Regional Greenhouse Gas Initiative caps power-plant emissions. Prices rose. Since 2009 the initiative has cut them by 45 percent.',
      [],
    ],
    ['the counted noun only before a bare number', 'Multistate lawsuits filed so far this year: 39.', []],
    ['the verb with another subject', 'Twelve governors rejected the plan; REAL ID was not discussed.', []],
  ])('%s', (_name, text, expected) => {
    expect(realLinks(text)).toEqual(expected);
  });
});
