import { describe, expect, it } from 'vitest';
import { badgeFor } from '@/lib/services/badge';

describe('badgeFor', () => {
  it.each<[number, number, string, string]>([
    [0, 0, '', 'Crosscheck'],
    [0, 3, '', 'Crosscheck'],
    [1, 0, '1', 'Crosscheck: 1 entry found on this page'],
    [42, 0, '42', 'Crosscheck: 42 entries found on this page'],
    [42, 1, '1≠', 'Crosscheck: 42 entries found on this page; 1 figure differs from the sources'],
    [42, 2, '2≠', 'Crosscheck: 42 entries found on this page; 2 figures differ from the sources'],
    [5000, 0, '999+', 'Crosscheck: 5,000 entries found on this page'],
  ])('%i entries, %i differing: "%s"', (entries, differing, text, title) => {
    const badge = badgeFor({ entries, differing });
    expect(badge.text).toBe(text);
    expect(badge.title).toBe(title);
  });

  it('gives differing figures their own colour', () => {
    expect(badgeFor({ entries: 3, differing: 1 }).color).not.toBe(badgeFor({ entries: 3, differing: 0 }).color);
  });
});
