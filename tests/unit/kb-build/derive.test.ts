import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeeds, serializeKnowledgeBase } from '@/lib/kb-build/generate-kb';
import { buildKnowledgeBase, type BuiltKnowledgeBase } from '@/lib/kb-build/build';
import { createTermMatcher, matchTerms } from '@/lib/matching/term-matcher';
import { derivedFixture } from './derived-fixture';

const projectRoot = join(import.meta.dirname, '../../..');

function build(inputs = derivedFixture): BuiltKnowledgeBase {
  const result = buildKnowledgeBase(inputs);
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return result.kb!;
}

const formsOf = (kb: BuiltKnowledgeBase, entry: string) =>
  kb.derived.forms.filter((f) => f.entry === entry).map((f) => `${f.kind}: ${f.text}`);

describe('derived forms of a knowledge base of our own', () => {
  const kb = build();

  it.each<[string, string[]]>([
    ['coastal-wetlands-restoration-initiative', ['acronym: CWRI']],
    ['doyle-v-ncaa', ['expansion: Doyle v. National Collegiate Athletic Association']],
    ['national-collegiate-athletic-association', ['acronym: NCAA']],
    [
      'midwest-clean-energy-interstate-compact',
      [
        'short: MCE Compact',
        'acronym: MCEIC',
        'short: Midwest Clean Energy Compact',
        'short: Midwest Clean Energy agreement',
        'short: Midwest Clean Energy bill',
        'short: Midwest Clean Energy pact',
      ],
    ],
    ['safe-harbor-act', ['short: Safe Harbor law']],
    [
      'priya-castellano',
      [
        'title: Gov. Castellano',
        'title: Governor Castellano',
        'title: Mrs. Castellano',
        'title: Ms. Castellano',
        'title: Vermont Gov. Castellano',
        'title: Vermont Governor Castellano',
      ],
    ],
    [
      'owen-march',
      [
        'title: AG March',
        'title: Attorney General March',
        'title: Mr. March',
        'title: Ohio AG March',
        'title: Ohio Attorney General March',
      ],
    ],
    [
      'ruth-adler',
      ['title: Justice Adler', 'title: Mrs. Adler', 'title: Ms. Adler', 'title: U.S. Supreme Court Justice Adler'],
    ],
    ['google', []],
    ['senate', []],
  ])('%s', (entry, expected) => {
    expect(formsOf(kb, entry)).toEqual(expected);
  });

  it('drops ambiguous forms and says why', () => {
    expect(kb.derived.dropped.map((d) => `${d.text} (${d.entries.join(', ')}): ${d.reason}`)).toEqual([
      'CARE (coalition-against-rising-emissions): an ordinary word',
      'RHCA (regional-housing-council-association, rural-health-care-alliance): derived for 2 entries',
      'SHA (safe-harbor-act): three letters or fewer: shared by too many bodies',
    ]);
  });

  it('puts the derived forms in the index, acronyms case-sensitive', () => {
    const forms = kb.index.entries.find((e) => e.id === 'coastal-wetlands-restoration-initiative')!.forms;
    expect(forms).toContainEqual({ text: 'CWRI', caseSensitive: true, shortForm: false });
    const march = kb.index.entries.find((e) => e.id === 'owen-march')!.forms;
    expect(march).toContainEqual({ text: 'Attorney General March', caseSensitive: false, shortForm: false });
  });

  it('finds mentions in the sources with derived forms, and a title unlocks the surname', () => {
    const text =
      'Gov. Castellano opened the hearing. Castellano then yielded to the CWRI, and the NPV-style ' +
      'Midwest Clean Energy bill came up. Critics of the Safe Harbor law spoke last.';
    const inputs = { ...derivedFixture, texts: { '01.txt': text } };
    const built = build(inputs);
    const highlights = (id: string) =>
      built.details.entries[id]!.excerpts.flatMap((e) => e.highlights.map(([s, t]) => e.text.slice(s, t)));
    expect(highlights('priya-castellano')).toEqual(['Gov. Castellano', 'Castellano']);
    expect(highlights('coastal-wetlands-restoration-initiative')).toEqual(['CWRI']);
    expect(highlights('midwest-clean-energy-interstate-compact')).toEqual(['Midwest Clean Energy bill']);
    expect(highlights('safe-harbor-act')).toEqual(['Safe Harbor law']);
  });

  it('matches derived forms on a page with the same matcher', () => {
    const matcher = createTermMatcher(kb.index.entries);
    const text = 'Doyle v. National Collegiate Athletic Association went to Justice Adler, not to Ms. Castellano.';
    expect(matchTerms(matcher, text, new Set()).map((m) => `${m.entry.id}: ${text.slice(m.start, m.end)}`)).toEqual([
      'doyle-v-ncaa: Doyle v. National Collegiate Athletic Association',
      'ruth-adler: Justice Adler',
      'priya-castellano: Ms. Castellano',
    ]);
  });
});

describe('derived forms of seeds/', () => {
  let kb: BuiltKnowledgeBase;
  beforeAll(async () => {
    kb = build(await readSeeds(join(projectRoot, 'seeds')));
  });

  it('include the usual forms of real reporting (a pinned sample)', () => {
    const all = kb.derived.forms.map((f) => `${f.entry}: ${f.text}`);
    expect(all).toEqual(
      expect.arrayContaining([
        'andy-beshear: Gov. Beshear',
        'andy-beshear: Kentucky Gov. Beshear',
        'antonin-scalia: Mr. Scalia',
        'donald-trump: President Trump',
        'janet-mills: Governor Mills',
        'jb-pritzker: Illinois Gov. Pritzker',
        'laura-kelly: Gov. Kelly',
        'letitia-james: Attorney General James',
        'letitia-james: Ms. James',
        'national-popular-vote-interstate-compact: NPV Compact',
        'national-popular-vote-interstate-compact: National Popular Vote bill',
        'national-popular-vote-interstate-compact: National Popular Vote Compact',
        'rob-bonta: Attorney General Bonta',
        'rob-bonta: AG Bonta',
        'fugitive-slave-act: Fugitive Slave law',
        'west-coast-health-alliance: WCHA',
      ]),
    );
    // A surname that is an ordinary word is never a form on its own, derived or not.
    expect(all).not.toEqual(expect.arrayContaining(['letitia-james: James']));
    expect(kb.derived.dropped.map((d) => d.text)).toEqual(expect.arrayContaining(['DGA', 'NGA', 'FSA']));
  });

  it('is the list npm run kb wrote (deterministic)', () => {
    const written = readFileSync(join(projectRoot, 'lib/kb/generated/derived-forms.json'), 'utf8');
    expect(written).toBe(serializeKnowledgeBase(kb)['derived-forms.json']);
  });
});
