import { describe, expect, it } from 'vitest';
import { isProperName } from '@/lib/text/words';

describe('isProperName: a name, not a phrase (the term matcher’s guards and the derived forms ask)', () => {
  it.each<[string, boolean]>([
    ['Bank of North Dakota', true],
    ['McCulloch v. Maryland', true],
    ['the Big Apple', true],
    ['2nd Amendment', true],
    ['REAL ID', true],
    ['“Big Beautiful Bill”', true],
    ['(Interstate) Compact', true],
    // A title's punctuation does not make it a phrase.
    ['Soft Secession: How Blue States Are Rewriting American Federalism', true],
    ["Conservatism, America's Empathy Disorder", true],
    ['litigation bank', false],
    ['Second Amendment sanctuary', false],
    ['states rights', false],
    ['of the', false],
    ['1776', false],
    ['', false],
  ])('%s: %s', (text, expected) => {
    expect(isProperName(text)).toBe(expected);
  });
});
