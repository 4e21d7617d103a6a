import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeeds, serializeKnowledgeBase } from '@/lib/kb-build/generate-kb';
import { buildKnowledgeBase, type BuiltKnowledgeBase } from '@/lib/kb-build/build';
import { sentenceAround } from '@/lib/text/excerpt';
import type { SeedInputs } from '@/lib/kb-build/validate';

const projectRoot = join(import.meta.dirname, '../../..');

async function build(dir: string): Promise<{ kb: BuiltKnowledgeBase; inputs: SeedInputs }> {
  const inputs = await readSeeds(dir);
  const result = buildKnowledgeBase(inputs);
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { kb: result.kb!, inputs };
}

describe('the knowledge base built from seeds/', () => {
  let kb: BuiltKnowledgeBase;
  let inputs: SeedInputs;
  beforeAll(async () => ({ kb, inputs } = await build(join(projectRoot, 'seeds'))));

  it('covers every category, with well over 60 entries', () => {
    const entries = Object.values(kb.details.entries);
    expect(entries.length).toBeGreaterThan(60);
    for (const category of ['concept', 'law', 'person', 'organization', 'place', 'figure']) {
      expect(entries.filter((e) => e.category === category).length).toBeGreaterThan(0);
    }
  });

  it('cuts every excerpt as a verbatim span of its source file', () => {
    const files = new Map(kb.details.sources.map((s) => [s.id, inputs.texts[s.file]!]));
    for (const entry of Object.values(kb.details.entries)) {
      for (const excerpt of entry.excerpts) {
        expect(files.get(excerpt.source)!.slice(excerpt.start, excerpt.end)).toBe(excerpt.text);
        for (const [start, end] of excerpt.highlights) {
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(excerpt.text.length);
        }
      }
    }
  });

  it.each<[string, string[], string[]]>([
    ['six-californias', ['forum', 'case-for-soft-secession'], ['forum', 'case-for-soft-secession']],
    ['bank-of-north-dakota', ['armitage', 'dekom'], ['armitage']],
    ['jon-michaels', ['forum'], ['forum']],
  ])('agreement for %s', (id, sources, independent) => {
    expect(kb.details.entries[id]!.agreement).toEqual({ sources, independent });
  });

  it('prefers whole sentences to titles, and shows a repeated line once', () => {
    const fromCase = kb.details.entries['soft-secession']!.excerpts.filter(
      (e) => e.source === 'case-for-soft-secession',
    );
    expect(fromCase.map((e) => e.text)).not.toContain(
      'The Case for Soft Secession: A Necessary Response to Federal Overreach',
    );
    expect(new Set(fromCase.map((e) => e.text)).size).toBe(fromCase.length);
    expect(fromCase.every((e) => /[.!?]["”’]*$/.test(e.text))).toBe(true);
  });

  it('marks an excerpt inside a reproduced passage with the source it quotes', () => {
    const excerpts = kb.details.entries['bank-of-north-dakota']!.excerpts;
    expect(excerpts.filter((e) => e.source === 'dekom').every((e) => e.quotes === 'armitage')).toBe(true);
    expect(excerpts.filter((e) => e.source === 'armitage').every((e) => e.quotes === null)).toBe(true);
  });

  it('finds the transcript spelling "John Michaels" for Jon Michaels', () => {
    const excerpts = kb.details.entries['jon-michaels']!.excerpts;
    expect(excerpts.some((e) => e.highlights.some(([s, t]) => e.text.slice(s, t) === 'John Michaels'))).toBe(true);
  });

  it('counts no mention inside a passage marked notArticle', () => {
    // The Hacker News comment in 000 is aggregator chrome: its 大麻 (cannabis) is not a mention.
    const armitage = kb.details.sources.find((s) => s.id === 'armitage')!;
    const text = inputs.texts[armitage.file]!;
    const blockStart = text.indexOf('``` Hacker News');
    const blockEnd = text.indexOf('```', blockStart + 3) + 3;
    expect(blockStart).toBeGreaterThan(0);
    for (const entry of Object.values(kb.details.entries)) {
      for (const e of entry.excerpts.filter((x) => x.source === 'armitage')) {
        expect(e.highlights.every(([s]) => e.start + s < blockStart || e.start + s >= blockEnd)).toBe(true);
      }
    }
  });

  it('finds "$76 billion" in 000 and in 002 quoting it: one independent source', () => {
    const reserves = kb.details.entries['california-budget-reserves']!;
    expect(reserves.agreement).toEqual({ sources: ['armitage', 'dekom'], independent: ['armitage'] });
    expect(reserves.figure!.status).toBe('single source');
    const bySource = reserves.figure!.statements.map((s) => [s.source, s.text, s.value, s.quotes]);
    expect(bySource).toContainEqual(['armitage', '760亿美元', 76e9, null]);
    expect(bySource).toContainEqual(['armitage', '$76 billion', 76e9, null]);
    expect(bySource).toContainEqual(['dekom', '$76 billion', 76e9, 'armitage']);
  });

  it.each<[string, string, number]>([
    ['california-population', 'nearly 40 million', 40e6],
    ['wyoming-population', '580,000', 580_000],
    ['national-popular-vote-compact-electoral-votes', '209 electoral votes', 209],
    ['democratic-attorneys-general-zoom-calls', 'Twenty-three Democratic attorneys general', 23],
    ['california-wyoming-population-multiple', '67 times', 67],
  ])('links %s to its own number', (id, text, value) => {
    const [first] = kb.details.entries[id]!.figure!.statements;
    expect([first!.text, first!.value]).toEqual([text, value]);
  });

  it('states at least 25 figure claims, each with a statement', () => {
    const figures = Object.values(kb.details.entries).filter((e) => e.figure);
    expect(figures.length).toBeGreaterThanOrEqual(25);
    expect(figures.filter((e) => e.figure!.statements.length === 0).map((e) => e.id)).toEqual([]);
  });

  it('is deterministic: the same seeds give byte-identical output', async () => {
    const again = await build(join(projectRoot, 'seeds'));
    expect(serializeKnowledgeBase(again.kb)).toEqual(serializeKnowledgeBase(kb));
  });
});

describe('another corpus, without code changes', () => {
  it('builds the project’s own water-compact corpus', async () => {
    const { kb } = await build(join(projectRoot, 'tests/fixtures/corpus'));
    expect(Object.keys(kb.details.entries)).toEqual([
      'compact-treatment-savings',
      'fenwick-ruling',
      'ines-okafor',
      'upper-fen-water-compact',
    ]);
    expect(kb.index.figures.map((f) => f.id)).toEqual(['compact-treatment-savings']);
    // The gazette says 18 percent, the radio guest "around 20 percent": two independent sources that differ.
    const savings = kb.details.entries['compact-treatment-savings']!.figure!;
    expect(savings.statements.map((s) => [s.source, s.text])).toEqual([
      ['gazette', '18 percent'],
      ['valley-hour', 'around 20 percent'],
    ]);
    expect(savings.status).toBe('conflicts');
    // The reader's note quotes the gazette's first sentence; its own Okafor mention is independent.
    expect(kb.details.entries['upper-fen-water-compact']!.agreement).toEqual({
      sources: ['gazette', 'reader-note', 'valley-hour'],
      independent: ['gazette', 'reader-note', 'valley-hour'],
    });
    expect(kb.details.entries['ines-okafor']!.agreement.independent).toEqual(['gazette', 'reader-note', 'valley-hour']);
    const compactInNote = kb.details.entries['upper-fen-water-compact']!.excerpts.filter(
      (e) => e.source === 'reader-note',
    );
    expect(compactInNote.map((e) => e.quotes)).toContain('gazette');
  });
});

describe('sentenceAround', () => {
  it.each<[string, string, string]>([
    ['plain', 'One. Two has soft secession in it. Three.', 'Two has soft secession in it.'],
    [
      'abbreviation v.',
      'Before. The case Printz v. United States held so. After.',
      'The case Printz v. United States held so.',
    ],
    ['initials', 'Before. Governor J.B. Pritzker spoke today. After.', 'Governor J.B. Pritzker spoke today.'],
    ['U.S. inside', 'Before. Nearly 46% of U.S. counties did it. After.', 'Nearly 46% of U.S. counties did it.'],
    [
      'closing quote',
      'She said “ready to fight.” During the first term, they sued. Next.',
      'During the first term, they sued.',
    ],
    ['line break', 'Heading\nA line with soft secession\nNext line', 'A line with soft secession'],
    ['Chinese', '第一句。这是软脱离的句子。第三句。', '这是软脱离的句子。'],
  ])('%s', (_name, text, sentence) => {
    const marker = sentence.includes('soft secession')
      ? 'soft secession'
      : sentence.includes('软脱离')
        ? '软脱离'
        : sentence.split(' ')[1]!;
    const at = text.indexOf(marker, text.indexOf(sentence));
    const [start, end] = sentenceAround(text, at, at + marker.length);
    expect(text.slice(start, end)).toBe(sentence);
  });
});
