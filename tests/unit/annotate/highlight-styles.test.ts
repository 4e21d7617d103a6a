import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onEveryElement } from '@/lib/annotate/highlight-styles';

const RANGES_CSS = readFileSync(
  join(import.meta.dirname, '../../../entrypoints/page-tools/highlight-ranges.css'),
  'utf8',
);

/** Each rule's selectors, comments left out. */
const selectorsOf = (css: string) =>
  [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{[^}]*\}/g)].flatMap(([, selectors]) =>
    selectors!.split(',').map((selector) => selector.trim()),
  );

describe('the range highlights’ stylesheet', () => {
  it('styles the root’s highlights only, which every element’s inherit in Chromium', () => {
    const selectors = selectorsOf(RANGES_CSS);
    expect(selectors.length).toBeGreaterThan(20);
    for (const selector of selectors) expect(selector).toMatch(/^:root(\[[^\]]+\])?::highlight\(crosscheck-[a-z-]+\)$/);
  });

  it.each([
    [':root::highlight(crosscheck-law) { color: red }', ':root ::highlight(crosscheck-law) { color: red }'],
    [
      ":root[data-crosscheck-hide~='all']::highlight(crosscheck-place),\n:root::highlight(crosscheck-figure) {}",
      ":root[data-crosscheck-hide~='all'] ::highlight(crosscheck-place),\n:root ::highlight(crosscheck-figure) {}",
    ],
  ])('is made rules for every element for a browser without highlight inheritance: %j', (css, expected) => {
    expect(onEveryElement(css)).toBe(expected);
  });

  it('leaves no rule on the root alone for such a browser', () => {
    for (const selector of selectorsOf(onEveryElement(RANGES_CSS)))
      expect(selector).toMatch(/^:root(\[[^\]]+\])? ::highlight\(/);
  });
});
