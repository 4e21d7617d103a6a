import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AuthoredEntry } from '@/lib/kb-build/schema';

// Lints the shipped data itself, the way darkreader lints its config files: the build checks
// what is wrong, these check what is merely sloppy.
const entriesDir = join(import.meta.dirname, '../../../seeds/entries');
const files = readdirSync(entriesDir).filter((f) => f.endsWith('.yaml'));
const entries = files.map((file) => ({
  file,
  entries: parse(readFileSync(join(entriesDir, file), 'utf8')) as AuthoredEntry[],
}));

/** Surnames that are also ordinary words: never an alias on their own (they would match prose). */
const ORDINARY_WORDS = new Set(
  'james kelly mills lee may bush rice brown green white black young king hill wood rose hope grant long cook page will mark bill ford price love'.split(
    ' ',
  ),
);

describe('seeds/entries', () => {
  it.each(entries)('$file is sorted by id', ({ entries: list }) => {
    const ids = list.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
  });

  it.each(entries)('$file: no ordinary word is an alias on its own', ({ entries: list }) => {
    const offenders = list.flatMap((e) =>
      (e.aliases ?? [])
        .map((a) => (typeof a === 'string' ? a : a.text))
        .filter((text) => ORDINARY_WORDS.has(text.toLowerCase()))
        .map((text) => `${e.id}: ${text}`),
    );
    expect(offenders).toEqual([]);
  });

  it.each(entries)('$file: a lowercase single-word alias is never a short form', ({ entries: list }) => {
    const offenders = list.flatMap((e) =>
      (e.aliases ?? [])
        .filter((a) => typeof a !== 'string' && a.shortForm && a.text === a.text.toLowerCase())
        .map((a) => `${e.id}: ${typeof a === 'string' ? a : a.text}`),
    );
    expect(offenders).toEqual([]);
  });

  it.each(entries)('$file: summaries are short (at most 360 characters)', ({ entries: list }) => {
    expect(list.filter((e) => e.summary.trim().length > 360).map((e) => e.id)).toEqual([]);
  });

  it.each(entries)('$file: Chinese summaries are as short (at most 180 characters)', ({ entries: list }) => {
    expect(list.filter((e) => e.summaryZh.trim().length > 180).map((e) => e.id)).toEqual([]);
  });
});
