import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AuthoredSource } from '@/lib/kb-build/schema';
import { kbDetails } from '@/lib/kb/details-data';
import { findInternalName, internalNames } from '@/lib/kb-build/reader-text';

// The built knowledge base as the extension ships it: every string a reader can see.
const names = internalNames(kbDetails.sources);

function readerFacingStrings(): { where: string; text: string }[] {
  const strings: { where: string; text: string }[] = [];
  const add = (where: string, text: string | null | undefined) => {
    if (text) strings.push({ where, text });
  };
  for (const source of kbDetails.sources) {
    for (const field of ['title', 'author', 'outlet', 'dateNote'] as const)
      add(`source ${source.id} ${field}`, source[field]);
  }
  for (const entry of Object.values(kbDetails.entries)) {
    add(`${entry.id} label`, entry.label);
    add(`${entry.id} summary`, entry.summary);
    add(`${entry.id} summaryZh`, entry.summaryZh);
    for (const role of entry.roles) add(`${entry.id} role`, role.title);
    for (const related of entry.related) add(`${entry.id} related`, related.label);
  }
  return strings;
}

describe('the built knowledge base', () => {
  it('never names a source to readers by its file name, file number or internal id', () => {
    const strings = readerFacingStrings();
    expect(strings.length).toBeGreaterThan(300);
    const offenders = strings
      .map(({ where, text }) => ({ where, name: findInternalName(text, names) }))
      .filter(({ name }) => name !== null);
    expect(offenders).toEqual([]);
  });
});

describe('words someone else wrote into a source', () => {
  const seeds = join(import.meta.dirname, '../../../seeds');
  const authored = parse(readFileSync(join(seeds, 'sources.yaml'), 'utf8')) as AuthoredSource[];
  const passages = authored.flatMap((source) =>
    (source.notByAuthor ?? []).map(({ text: passage, credit }) => {
      const file = readFileSync(join(seeds, source.file), 'utf8');
      const start = file.indexOf(passage);
      return { source: source.id, start, end: start + passage.length, credit };
    }),
  );
  const inside = (source: string, start: number, end: number) =>
    passages.find((p) => p.source === source && p.start <= start && end <= p.end);

  it('are credited to who wrote them, in every excerpt and figure statement, never to the author', () => {
    expect(passages.length).toBeGreaterThan(0);
    let checked = 0;
    for (const entry of Object.values(kbDetails.entries)) {
      for (const item of [...entry.excerpts, ...(entry.figure?.statements ?? [])]) {
        const passage = inside(item.source, item.start, item.end);
        expect(item.credit, `${entry.id}: ${item.text}`).toBe(passage?.credit ?? null);
        if (passage) checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('never count as the source naming an entry or stating a figure', () => {
    for (const entry of Object.values(kbDetails.entries)) {
      const ownVoices = new Set(entry.excerpts.filter((e) => e.credit === null).map((e) => e.source));
      for (const source of entry.agreement.sources) {
        // A source counted as naming the entry has an excerpt of its own or a mention outside the passages.
        if (!ownVoices.has(source)) expect(passages.some((p) => p.source === source)).toBe(true);
      }
    }
    const reserves = kbDetails.entries['california-budget-reserves'];
    if (reserves?.figure) {
      const credited = reserves.figure.statements.filter((s) => s.credit !== null);
      expect(credited.map((s) => s.text)).toContain('760亿美元');
      const index = kbDetails.entries['state-sovereignty'];
      if (index) expect(index.agreement.sources).not.toContain('armitage');
    }
  });
});
