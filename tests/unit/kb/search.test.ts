import { describe, expect, it } from 'vitest';
import { parseFigure } from '@/lib/figures/number-parser';
import { kbDetails } from '@/lib/kb/details-data';
import { figureFinds, foldForSearch, searchEntries } from '@/lib/kb/search';
import type { EntryDetails, FigureStatement } from '@/lib/kb/types';

const entries = Object.values(kbDetails.entries);
const labels = (query: string) => searchEntries(entries, query).map((e) => e.label);

function statement(text: string): FigureStatement {
  const figure = parseFigure(text)!;
  return {
    source: 's',
    start: 0,
    end: text.length,
    text,
    value: figure.value,
    precision: figure.precision,
    approximation: figure.approximation,
    unit: figure.unit,
    quotes: null,
    credit: null,
  };
}

const finds = (query: string, stated: string) => figureFinds(parseFigure(query)!, statement(stated));

describe('searching the knowledge base', () => {
  it('lists every entry alphabetically for an empty search', () => {
    const all = searchEntries(entries, '   ').map((e) => e.label);
    expect(all.length).toBe(entries.length);
    expect(all).toEqual([...all].sort((a, b) => a.localeCompare(b)));
  });

  it.each(['76 billion', '$76', '$76 billion', '76bn', '$76.2 billion', '760亿', '760亿美元', 'California 76 billion'])(
    'finds the California reserves figure by value: %s',
    (query) => {
      expect(labels(query)[0]).toBe("California's budget reserves");
    },
  );

  it('finds other figures by value, unit and all', () => {
    expect(labels('83%')).toEqual(['Win rate of first-term multistate lawsuits']);
    expect(labels('83 percent')[0]).toBe('Win rate of first-term multistate lawsuits');
    expect(labels('4,846')[0]).toBe("Massachusetts' per-capita federal balance");
    expect(labels('580 thousand')[0]).toBe("Wyoming's population");
    expect(labels('twenty-two')).toContain('States with automatic voter registration');
  });

  it('does not find a figure by a different value or unit', () => {
    expect(labels('80 billion')).toEqual([]);
    expect(labels('$76 million')).toEqual([]);
    expect(labels('76%')).not.toContain("California's budget reserves");
  });

  it('puts label matches first, then figures found by value, then other text', () => {
    const california = labels('california');
    expect(california[0]).toBe('California');
    const byValue = labels('$76');
    expect(byValue.indexOf("California's budget reserves")).toBeLessThan(byValue.indexOf('California'));
  });

  it('reads a typed number as the reader rounded it', () => {
    expect(finds('$76', '$76 billion')).toBe(true); // the digits as written
    expect(finds('76', '$76 billion')).toBe(true); // a bare number fits any unit
    expect(finds('76.2 billion', '$76 billion')).toBe(true);
    expect(finds('76 billion', '$76.2 billion')).toBe(true);
    expect(finds('$77', '$76 billion')).toBe(false);
    expect(finds('76', 'more than a hundred years')).toBe(false); // "a hundred" is not 50 to 150 here
    expect(finds('100', 'more than a hundred years')).toBe(true);
    expect(finds('40', 'nearly 40 million')).toBe(true);
    expect(finds('22 states', 'Twenty-two states')).toBe(true);
    expect(finds('22 governors', 'Twenty-two states')).toBe(false);
    expect(finds('€76 billion', '$76 billion')).toBe(false);
  });

  it('folds case, accents, quotes and dashes', () => {
    expect(foldForSearch('  Café’s  “Soft”—Secession ')).toBe('cafe\'s "soft"-secession');
    const entry: EntryDetails = { ...entries[0]!, label: 'Café’s reserves', figure: null };
    expect(searchEntries([entry], "CAFE'S").map((e) => e.label)).toEqual(['Café’s reserves']);
  });
});
