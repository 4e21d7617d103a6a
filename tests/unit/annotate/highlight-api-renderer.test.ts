import { describe, expect, it } from 'vitest';
import { highlightName } from '@/lib/annotate/highlight-api-renderer';
import type { Category } from '@/lib/kb/types';

describe('highlightName', () => {
  it.each<[Category, 'matches' | 'differs' | 'unsourced' | undefined, string]>([
    ['concept', undefined, 'crosscheck-concept'],
    ['person', undefined, 'crosscheck-person'],
    ['place', undefined, 'crosscheck-place'],
    ['figure', undefined, 'crosscheck-figure'],
    ['figure', 'matches', 'crosscheck-figure-matches'],
    ['figure', 'differs', 'crosscheck-figure-differs'],
    ['figure', 'unsourced', 'crosscheck-figure-unsourced'],
  ])('%s with verdict %s: %s', (category, verdict, expected) => {
    expect(highlightName(category, verdict)).toBe(expected);
  });
});
