import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_QUOTATION_OPTIONS, findReproducedPassages, readText } from '@/lib/text/quotation';
import type { AuthoredSource } from '@/lib/kb-build/schema';

const original =
  'Behind closed doors, blue state leaders are planning for a long season of conflict with the federal government over money and law.';

describe('findReproducedPassages for some of the sources', () => {
  it('gives each wanted source exactly the passages it gives it when all are wanted', () => {
    const words = original.split(' ');
    // Texts made of runs of the original's words and other words, so that some share passages.
    const text = fc
      .array(
        fc.oneof(
          fc.constant(original),
          fc.subarray(words, { minLength: 1 }).map((w) => w.join(' ')),
          fc.lorem(),
        ),
        {
          maxLength: 6,
        },
      )
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        (texts, picks) => {
          const sources = texts.map((t, i) => ({ id: `s${i}`, text: t }));
          const all = findReproducedPassages(sources);
          const wanted = new Set(sources.filter((_, i) => picks[i]).map((s) => s.id));
          const some = findReproducedPassages(sources, DEFAULT_QUOTATION_OPTIONS, readText, (id) => wanted.has(id));
          expect([...some.keys()].sort()).toEqual([...wanted].sort());
          for (const id of wanted) expect(some.get(id)).toEqual(all.get(id));
        },
      ),
    );
  });
});

describe('findReproducedPassages on made-up texts', () => {
  it.each<[string, string, number]>([
    ['a verbatim quotation', `As one writer put it: "${original}" I agree.`, 1],
    ['a quotation with curly quotes and different case', `“${original.toUpperCase()}”`, 1],
    ['a quotation with one word changed', original.replace('money', 'funds'), 1],
    ['a short shared phrase only', 'Behind closed doors, blue state leaders met.', 0],
    ['an unrelated text', 'The weather was fine and the harvest came in early this year across the valley.', 0],
  ])('%s', (_name, later, expected) => {
    const passages = findReproducedPassages([
      { id: 'a', text: original },
      { id: 'b', text: later },
    ]);
    expect(passages.get('a')).toEqual([]);
    expect(passages.get('b')).toHaveLength(expected);
    for (const passage of passages.get('b')!) expect(passage.original).toBe('a');
  });

  it('credits the earliest source when two later ones quote it', () => {
    const passages = findReproducedPassages([
      { id: 'a', text: original },
      { id: 'b', text: `Quote: ${original}` },
      { id: 'c', text: `Again: ${original}` },
    ]);
    expect(passages.get('c')!.map((p) => p.original)).toEqual(['a']);
  });

  it('gives offsets that cover the reproduced text', () => {
    const later = `Intro words here. ${original} Outro.`;
    const [passage] = findReproducedPassages([
      { id: 'a', text: original },
      { id: 'b', text: later },
    ]).get('b')!;
    expect(later.slice(passage!.start, passage!.end)).toBe(original.slice(0, -1));
  });
});

describe('findReproducedPassages on the seed corpus', () => {
  const seeds = join(import.meta.dirname, '../../../seeds');
  const sources = parse(readFileSync(join(seeds, 'sources.yaml'), 'utf8')) as AuthoredSource[];
  const passages = findReproducedPassages(
    sources.map((s) => ({ id: s.id, text: readFileSync(join(seeds, s.file), 'utf8') })),
  );
  const text = (id: string) => readFileSync(join(seeds, sources.find((s) => s.id === id)!.file), 'utf8');

  it.each<[string, string, RegExp]>([
    ['dekom', 'armitage', /\$76 billion in reserves/],
    ['dekom', 'armitage', /Twenty-three Democratic attorneys general/],
    ['blog-001', 'armitage', /./],
  ])('%s reproduces passages of %s', (later, originalId, containing) => {
    const found = passages.get(later)!.filter((p) => p.original === originalId);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((p) => containing.test(text(later).slice(p.start, p.end)))).toBe(true);
  });

  it.each(['armitage', 'forum', 'case-for-soft-secession'])('%s reproduces no other source', (id) => {
    expect(passages.get(id)).toEqual([]);
  });
});
