import { describe, expect, it } from 'vitest';
import { kbDetails } from '@/lib/kb/details-data';
import { findInternalName, internalNames } from '@/lib/kb/reader-text';

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
