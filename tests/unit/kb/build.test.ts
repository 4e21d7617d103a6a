import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeeds, serializeKnowledgeBase } from '@/lib/build/generate-kb';
import { buildKnowledgeBase, type BuiltKnowledgeBase } from '@/lib/kb/build';
import { sentenceAround } from '@/lib/kb/excerpt';
import type { SeedInputs } from '@/lib/kb/validate';

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
    expect(kb.index.entries.length).toBeGreaterThan(60);
    for (const category of ['concept', 'law', 'person', 'organization', 'figure']) {
      expect(kb.index.entries.filter((e) => e.category === category).length).toBeGreaterThan(0);
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

  it('is deterministic: the same seeds give byte-identical output', async () => {
    const again = await build(join(projectRoot, 'seeds'));
    expect(serializeKnowledgeBase(again.kb)).toEqual(serializeKnowledgeBase(kb));
  });
});

describe('another corpus, without code changes', () => {
  it('builds the project’s own water-compact corpus', async () => {
    const { kb } = await build(join(projectRoot, 'tests/fixtures/corpus'));
    expect(kb.index.entries.map((e) => e.id)).toEqual([
      'compact-treatment-savings',
      'fenwick-ruling',
      'ines-okafor',
      'upper-fen-water-compact',
    ]);
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
