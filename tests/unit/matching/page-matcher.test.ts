import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kbDetails } from '@/lib/kb/details-data';
import { kbIndex } from '@/lib/kb/index-data';
import { createPageMatcher, loadPageMatcher, matchPage } from '@/lib/matching/page-matcher';
import { precompiledPageMatcher } from '@/lib/matching/page-matcher-data';
import { BARRIER } from '@/lib/text/fold';
import { windowEnd } from '@/lib/article/text-collector';

const matcher = createPageMatcher(kbIndex);
const seedText = readFileSync(new URL('../../../seeds/000_7413e54e0e4ba69d.txt', import.meta.url), 'utf8');

/** The [from, to) windows TextCollector.nextWindow hands out for `text`. */
function matchWindows(text: string, size: number): [number, number][] {
  const windows: [number, number][] = [];
  for (let from = 0; from < text.length;) {
    const to = windowEnd(text, from, size) ?? text.length;
    windows.push([from, to]);
    from = to;
  }
  return windows;
}

/** Matching window by window (with one memory of full names) finds what matching in one go does. */
function expectWindowsMatchAsOne(pages: fc.Arbitrary<string>, maxWindow: number): void {
  fc.assert(
    fc.property(pages, fc.integer({ min: 1, max: maxWindow }), (text, size) => {
      const whole = matchPage(matcher, text, new Set());
      const namedInFull = new Set<string>();
      const windowed = matchWindows(text, size).flatMap(([from, to]) =>
        matchPage(matcher, text.slice(from, to), namedInFull).map((m) => ({
          ...m,
          start: m.start + from,
          end: m.end + from,
        })),
      );
      expect(windowed).toEqual(whole);
    }),
    { numRuns: 60 },
  );
}

describe('the page matcher the build compiled', () => {
  it('finds on every seed file what one compiled from the index finds', () => {
    const loaded = loadPageMatcher(precompiledPageMatcher);
    const seeds = new URL('../../../seeds/', import.meta.url);
    for (const { file } of kbDetails.sources) {
      const text = readFileSync(new URL(file, seeds), 'utf8');
      const found = matchPage(loaded, text, new Set());
      expect(found.length).toBeGreaterThan(0);
      expect(found).toEqual(matchPage(matcher, text, new Set()));
    }
  });
});

describe('windows (windowEnd)', () => {
  it.each<[string, string, number, [number, number][]]>([
    ['empty text', '', 4, []],
    ['no barrier: one window', 'abcdefgh', 2, [[0, 8]]],
    [
      'each window ends just after a barrier',
      `ab${BARRIER}cd${BARRIER}ef`,
      2,
      [
        [0, 3],
        [3, 6],
        [6, 8],
      ],
    ],
    [
      'a window runs on to the next barrier',
      `abcd${BARRIER}ef${BARRIER}gh`,
      2,
      [
        [0, 5],
        [5, 8],
        [8, 10],
      ],
    ],
    [
      'small blocks are read together',
      `a${BARRIER}b${BARRIER}c${BARRIER}d`,
      4,
      [
        [0, 4],
        [4, 7],
      ],
    ],
  ])('%s', (_name, text, size, expected) => {
    expect(matchWindows(text, size)).toEqual(expected);
  });
});

describe('matchPage by windows', () => {
  // Paragraphs of a seed article (terms, surnames after full names, linked figures) between barriers.
  const paragraphs = seedText.split(/\n+/).filter((p) => p.trim().length > 0);
  const pages = fc
    .array(fc.constantFrom(...paragraphs), { minLength: 1, maxLength: 25 })
    .map((chosen) => chosen.join(BARRIER));

  it('finds what matching the whole text at once finds', () => {
    expectWindowsMatchAsOne(pages, 3000);
  });
});

describe('matchPage: figures linked by the sentence before', () => {
  /** Each figure found: "entry=text linkedBy verdict", verdict "none" when it has none, "(also …)" when ambiguous. */
  function figures(text: string): string[] {
    return matchPage(matcher, text, new Set())
      .filter((m) => m.figure !== null)
      .map(({ entry, figure }) => {
        const also = figure!.alsoFits.length > 0 ? ` (also ${figure!.alsoFits.join('; ')})` : '';
        return `${entry.id}=${figure!.text} ${figure!.linkedBy} ${figure!.verdict?.verdict ?? 'none'}${also}`;
      });
  }

  it.each<[string, string, string[]]>([
    [
      'subject before, counted noun here: matches',
      'The National Popular Vote Interstate Compact now counts 17 states and the District. These jurisdictions have 209 electoral votes.',
      ['national-popular-vote-compact-electoral-votes=209 electoral votes previous-sentence matches'],
    ],
    [
      'subject before, counted noun here: differs',
      'Backers of the National Popular Vote plan spent the summer lobbying in statehouses. Its members control 196 electoral votes.',
      ['national-popular-vote-compact-electoral-votes=196 electoral votes previous-sentence differs'],
    ],
    [
      'an initiative named a sentence earlier',
      'Northeastern governors launched the Regional Greenhouse Gas Initiative to cap power-plant pollution. Eleven states now take part in the market.',
      ['rggi-member-states=Eleven states previous-sentence matches'],
    ],
    [
      'two claims through context: no verdict',
      'California and Wyoming sit at opposite ends of the census tables. The population figure there is nearly 40 million.',
      ["wyoming-population=nearly 40 million previous-sentence none (also California's population)"],
    ],
    [
      'the subject in the block before',
      `Northeastern governors launched the Regional Greenhouse Gas Initiative.${BARRIER}Eleven states now take part in the market.`,
      [],
    ],
    [
      'the sentence by itself: unchanged',
      'The National Popular Vote Interstate Compact has secured 196 electoral votes.',
      ['national-popular-vote-compact-electoral-votes=196 electoral votes sentence differs'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(figures(text)).toEqual(expected);
  });

  it('windows find what one go finds with links by the sentence before', () => {
    const paragraphs = [
      'The National Popular Vote Interstate Compact now counts 17 states and the District. These jurisdictions have 209 electoral votes.',
      'Northeastern governors launched the Regional Greenhouse Gas Initiative to cap pollution. Eleven states now take part in the market.',
      'California and Wyoming sit at opposite ends of the census tables. The population figure there is nearly 40 million.',
      'Lawmakers in California closed the budget gap on Friday. It leaves $41 billion in reserves.',
      'Eleven states now take part in the market.',
    ];
    const pages = fc
      .array(fc.constantFrom(...paragraphs), { minLength: 1, maxLength: 12 })
      .map((chosen) => chosen.join(BARRIER));
    expectWindowsMatchAsOne(pages, 600);
  });
});

describe('a figure the page states in the only source’s own sentence', () => {
  // Every figure the knowledge base holds from a single independent source, with that source's
  // sentence as the build cut it: a page made of that sentence is the source (or a copy of it).
  const singles = Object.values(kbDetails.entries).flatMap((entry) => {
    const statements = entry.figure?.statements.filter((s) => s.quotes === null && s.credit === null) ?? [];
    if (new Set(statements.map((s) => s.source)).size !== 1) return [];
    const own = entry.excerpts.find(
      (e) => e.source === statements[0]!.source && e.quotes === null && e.credit === null,
    );
    return own ? [{ id: entry.id, source: statements[0]!.source, sentence: own.text }] : [];
  });

  it('gets no verdict, and names whose statement it is', () => {
    expect(singles.length).toBeGreaterThan(5);
    let checked = 0;
    for (const { id, source, sentence } of singles) {
      const figure = matchPage(matcher, sentence, new Set()).find((m) => m.entry.id === id)?.figure;
      if (!figure) continue; // the excerpt holds another sentence than the statement's
      expect(figure.statedBy, `${id}: ${sentence}`).toBe(source);
      expect(figure.verdict).toBeNull();
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('is checked as usual in a sentence of the page’s own', () => {
    const [figure] = matchPage(
      matcher,
      'California has $76 billion in reserves, budget officers said on Monday.',
      new Set(),
    )
      .filter((m) => m.figure)
      .map((m) => m.figure!);
    expect(figure!.statedBy).toBeNull();
    expect(figure!.verdict?.verdict).toBe('matches');
  });
});

describe('the reader’s tracked terms', () => {
  const tracked = [
    {
      id: 'tracked-1',
      category: 'concept' as const,
      label: 'water compact',
      forms: [{ text: 'water compact', caseSensitive: false, shortForm: false }],
    },
    // A tracked term inside a longer knowledge-base term loses to it, as any shorter term does.
    {
      id: 'tracked-2',
      category: 'concept' as const,
      label: 'soft',
      forms: [{ text: 'soft', caseSensitive: false, shortForm: false }],
    },
  ];
  const withTracked = loadPageMatcher(precompiledPageMatcher, tracked);
  const found = (m: typeof withTracked, text: string) =>
    matchPage(m, text, new Set(), { withTracked: true }).map(
      (match) => `${match.entry.id}:${text.slice(match.start, match.end)}`,
    );

  it.each<[string, string, string[]]>([
    ['a tracked term', 'The water compact was signed.', ['tracked-1:water compact']],
    [
      'beside the knowledge base’s',
      'Soft secession and the Water Compact.',
      ['soft-secession:Soft secession', 'tracked-1:Water Compact'],
    ],
    ['alone where the longer term is not', 'A soft landing.', ['tracked-2:soft']],
  ])('%s', (_name, text, expected) => {
    expect(found(withTracked, text)).toEqual(expected);
  });

  it('changes nothing on a page without them', () => {
    const plain = loadPageMatcher(precompiledPageMatcher);
    expect(found(withTracked, seedText).filter((m) => !m.startsWith('tracked-'))).toEqual(found(plain, seedText));
  });

  it('are left out unless asked for', () => {
    expect(matchPage(withTracked, 'The water compact was signed.', new Set())).toEqual([]);
  });

  it('left out, leave exactly the knowledge base’s matches, whatever their forms (a property)', () => {
    const plain = loadPageMatcher(precompiledPageMatcher);
    const paragraphs = seedText.split(/\n+/).filter((p) => p.trim().length > 0);
    const kbForms = kbIndex.entries.flatMap((e) => e.forms.map((f) => f.text));
    const words = seedText.split(/\s+/).filter((w) => w.length > 2);
    // Forms chosen to compete with the knowledge base's: its own forms, longer ones around them,
    // pieces of them, and runs of the article's words.
    const form = fc.oneof(
      fc.constantFrom(...kbForms),
      fc.tuple(fc.constantFrom(...kbForms), fc.constantFrom(...words)).map(([kb, word]) => `${kb} ${word}`),
      fc.tuple(fc.constantFrom(...words), fc.constantFrom(...kbForms)).map(([word, kb]) => `${word} ${kb}`),
      fc.constantFrom(...kbForms).map((kb) => kb.split(' ')[0]!),
      fc.integer({ min: 0, max: words.length - 3 }).map((at) => words.slice(at, at + 3).join(' ')),
    );
    const term = fc.tuple(fc.array(form, { minLength: 1, maxLength: 3 }), fc.boolean());
    fc.assert(
      fc.property(
        fc.array(term, { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom(...paragraphs), { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom(...kbIndex.entries.map((e) => e.id)), { maxLength: 3 }),
        (terms, chosen, named) => {
          const tracked = terms.map(([forms, caseSensitive], i) => ({
            id: `tracked-${i + 1}`,
            category: 'person' as const,
            label: forms[0]!,
            forms: forms.map((text) => ({ text, caseSensitive, shortForm: false })),
          }));
          const text = chosen.join(BARRIER);
          const alone = new Set(named);
          const beside = new Set(named);
          expect(
            matchPage(loadPageMatcher(precompiledPageMatcher, tracked), text, beside, { withTracked: false }),
          ).toEqual(matchPage(plain, text, alone));
          expect([...beside]).toEqual([...alone]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
