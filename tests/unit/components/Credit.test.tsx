// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Credit, creditParts, type CreditField } from '@/components/Credit';

afterEach(cleanup);

const line = (author: string | null, site: string | null, date: string | null): CreditField[] => [
  ['author', author],
  ['site', site],
  ['date', date],
];

describe('a credit line: what is stated, then what is not, said once', () => {
  it.each<[string | null, string | null, string | null, string]>([
    ['Jane Doe', 'Reuters', '2025-06-02', 'Jane Doe · Reuters · 2025-06-02'],
    [null, 'Reuters', '2025-06-02', 'Reuters · 2025-06-02 · author not stated'],
    ['Jane Doe', null, '2025-06-02', 'Jane Doe · 2025-06-02 · site not stated'],
    ['Jane Doe', 'Reuters', null, 'Jane Doe · Reuters · date not stated'],
    [null, 'Reuters', null, 'Reuters · author and date not stated'],
    [null, null, '2025-06-02', '2025-06-02 · author and site not stated'],
    ['Jane Doe', null, null, 'Jane Doe · site and date not stated'],
    [null, null, null, 'Author, site and date not stated'],
  ])('author %s, site %s, date %s', (author, site, date, expected) => {
    expect(render(<Credit fields={line(author, site, date)} />).container.textContent).toBe(expected);
  });

  it('isolates each stated value, so a right-to-left name cannot reorder the line, and never the words Crosscheck adds', () => {
    const { container } = render(<Credit fields={line('\u202eJane', 'رويترز', null)} />);
    expect([...container.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['\u202eJane', 'رويترز']);
    expect(creditParts(line('\u202eJane', 'رويترز', null)).unstated).toBe('date not stated');
  });
});
