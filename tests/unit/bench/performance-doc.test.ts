import { describe, expect, it } from 'vitest';
import { nestedHeadings, replaceRegion } from '../../bench/performance-doc';

const DOC = [
  '# Performance',
  '',
  '<!-- bench:tables:start -->',
  'old tables',
  '<!-- bench:tables:end -->',
  '',
  '<!-- bench:budgets:start -->',
  '<!-- bench:budgets:end -->',
  '',
].join('\n');

describe('replaceRegion', () => {
  it.each([
    ['a filled region', 'tables', '| a |', 'old tables', '| a |'],
    [
      'an empty region',
      'budgets',
      'new budgets',
      '<!-- bench:budgets:start -->\n<!-- bench:budgets:end -->',
      'new budgets',
    ],
  ])('replaces %s and leaves the rest as it was', (_case, name, content, gone, present) => {
    const written = replaceRegion(DOC, name, content);
    expect(written).not.toContain(gone);
    expect(written).toContain(`<!-- bench:${name}:start -->\n\n${present}\n\n<!-- bench:${name}:end -->`);
    expect(written.startsWith('# Performance\n')).toBe(true);
    expect(written.replace(present, '').match(/<!-- bench:\w+:(start|end) -->/g)).toHaveLength(4);
  });

  it('gives the same file when run twice with the same tables', () => {
    const once = replaceRegion(DOC, 'tables', 'same');
    expect(replaceRegion(once, 'tables', 'same')).toBe(once);
  });

  it.each([
    ['no such region', 'my-sources', DOC],
    ['its end before its start', 'tables', '<!-- bench:tables:end -->\n<!-- bench:tables:start -->'],
  ])('throws on %s', (_case, name, doc) => {
    expect(() => replaceRegion(doc, name, 'x')).toThrow(`no region "${name}"`);
  });
});

describe('nestedHeadings', () => {
  it('puts headings one level down, and nothing else', () => {
    expect(nestedHeadings(['## A', '### B', '# not a table heading', '| ## |', '#hash'])).toEqual([
      '### A',
      '#### B',
      '# not a table heading',
      '| ## |',
      '#hash',
    ]);
  });
});
