// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agreementLine, EntryCard, SourceAttribution } from '@/components/EntryCard';
import type { EntryDetails, Excerpt, SourceRecord } from '@/lib/kb/types';
import { armitageSource, axeViolations } from './fixtures';

afterEach(cleanup);

const known = armitageSource;
const unknown: SourceRecord = {
  ...known,
  id: 'anon',
  file: '004.txt',
  title: null,
  author: null,
  outlet: null,
  date: null,
  url: null,
};

function excerpt(source: string, text: string, quotes: string | null = null, language = 'en'): Excerpt {
  return { source, start: 0, end: text.length, text, highlights: [[0, 4]], quotes, credit: null, language };
}

function details(overrides: Partial<EntryDetails> = {}): EntryDetails {
  return {
    id: 'soft-secession',
    category: 'concept',
    label: 'Soft secession',
    summary: 'A term Armitage uses for states’ non-cooperation.',
    related: [{ id: 'nullification', label: 'Nullification', category: 'concept' }],
    roles: [],
    excerpts: [excerpt('armitage', 'Soft secession is here.')],
    agreement: { sources: ['armitage'], independent: ['armitage'] },
    figure: null,
    ...overrides,
  };
}

function renderCard(entry: EntryDetails | null | undefined, sources = [known, unknown], uiLanguage = 'en') {
  const onClose = vi.fn();
  const onOpenEntry = vi.fn();
  render(
    <EntryCard
      entry={entry}
      sources={sources}
      corpusSize={5}
      readerLanguage="en"
      uiLanguage={uiLanguage}
      headingId="h"
      onClose={onClose}
      onOpenEntry={onOpenEntry}
    />,
  );
  return { onClose, onOpenEntry };
}

describe('EntryCard', () => {
  it('shows label, category, summary, agreement and an attributed excerpt', () => {
    renderCard(details());
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Soft secession');
    expect(screen.getByText('Concept')).toBeTruthy();
    expect(screen.getByText('Named in 1 of 5 sources · 1 independent')).toBeTruthy();
    expect(document.querySelector('blockquote mark')!.textContent).toBe('Soft');
    expect(screen.getByRole('link', { name: 'It’s Time' }).getAttribute('href')).toBe('https://example.org/a');
    expect(document.querySelector('.cite')!.textContent).toContain(
      'Chris Armitage · The Existential Republic · 2025-08-18',
    );
  });

  it('says once what a source does not state and links nothing without a URL', () => {
    renderCard(details({ excerpts: [excerpt('anon', 'Soft secession again.')] }));
    expect(document.querySelector('.cite')!.textContent).toContain(
      'Untitled source — Author, outlet and date not stated',
    );
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('handles an entry with no excerpts', () => {
    renderCard(details({ excerpts: [], agreement: { sources: [], independent: [] } }));
    expect(screen.getByText('Not named in the sources')).toBeTruthy();
    expect(document.querySelector('blockquote')).toBeNull();
  });

  it('keeps a long label in the heading', () => {
    const label = 'A very long label '.repeat(12).trim();
    renderCard(details({ label }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(label);
  });

  it('marks an excerpt that quotes another source', () => {
    renderCard(details({ excerpts: [excerpt('anon', 'Soft secession quoted.', 'armitage')] }));
    expect(document.querySelector('.quotes')!.textContent).toBe(' (quotes Chris Armitage, 2025-08-18)');
  });

  it('shows a figure entry: each independent value, with the sources quoting it folded in', () => {
    const statement = (source: string, quotes: string | null, text = '$76 billion') => ({
      source,
      start: 0,
      end: text.length,
      text,
      value: 76e9,
      precision: 1e9,
      approximation: 'exact' as const,
      unit: { kind: 'currency' as const, currency: 'USD' as const },
      quotes,
      credit: null,
    });
    renderCard(
      details({
        id: 'reserves',
        category: 'figure',
        label: 'California’s reserves',
        figure: {
          unit: { kind: 'currency', currency: 'USD' },
          asOf: '2025',
          status: 'single source',
          ratioOf: null,
          derived: null,
          statements: [
            statement('armitage', null),
            statement('armitage', null, '760亿美元'),
            statement('anon', 'armitage'),
          ],
        },
      }),
    );
    expect(screen.getByText('Figure')).toBeTruthy();
    expect(document.querySelector('.figure-status')!.textContent).toBe(
      'One independent source states this figure (as of 2025).',
    );
    const items = [...document.querySelectorAll('.statements li')].map((li) => li.textContent);
    expect(items).toEqual([
      '$76 billion / 760亿美元 — Chris Armitage, 2025-08-18 (also quoted by an unnamed source, date not stated)',
    ]);
  });

  it('shows a loading state and a missing entry', () => {
    renderCard(undefined);
    expect(screen.getByText('Loading…')).toBeTruthy();
    cleanup();
    renderCard(null);
    expect(screen.getByText('Crosscheck has no entry for this highlight.')).toBeTruthy();
  });

  it('closes and opens related entries through its callbacks', () => {
    const { onClose, onOpenEntry } = renderCard(details());
    fireEvent.click(screen.getByRole('button', { name: 'Nullification' }));
    expect(onOpenEntry).toHaveBeenCalledWith('nullification');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('shows one excerpt per source, then the rest on request, saying so to screen readers', async () => {
    const many = [
      ...['One', 'Two', 'Three'].map((w) => excerpt('armitage', `${w} soft secession.`)),
      excerpt('anon', 'Soft secession, quoted.', 'armitage'),
      excerpt('anon', 'Soft secession in its own words.'),
    ];
    const { container } = render(
      <EntryCard
        entry={details({ excerpts: many })}
        sources={[known, unknown]}
        corpusSize={5}
        readerLanguage="en"
        uiLanguage="en"
        headingId="h"
        onClose={() => undefined}
        onOpenEntry={() => undefined}
      />,
    );
    const quoted = () => [...document.querySelectorAll('blockquote')].map((b) => b.textContent);
    expect(quoted()).toEqual(['One soft secession.', 'Soft secession in its own words.']);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    const more = screen.getByRole('button', { name: 'Show 3 more' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(more.getAttribute('aria-controls')!)?.classList.contains('excerpts')).toBe(true);
    fireEvent.click(more);
    expect(quoted()).toEqual([
      'One soft secession.',
      'Soft secession in its own words.',
      'Two soft secession.',
      'Three soft secession.',
      'Soft secession, quoted.',
    ]);
    const fewer = screen.getByRole('button', { name: 'Show fewer' });
    expect(fewer).toBe(more); // the same button: focus stays where the reader pressed
    expect(fewer.getAttribute('aria-expanded')).toBe('true');
    expect(status.textContent).toBe('3 more excerpts shown');
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(fewer);
    expect(quoted()).toHaveLength(2);
  });

  it('has no "Show more" when every source has said its one excerpt', () => {
    renderCard(details({ excerpts: [excerpt('armitage', 'Soft secession.'), excerpt('anon', 'Soft secession too.')] }));
    expect(document.querySelectorAll('blockquote')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: /^Show/ })).toBeNull();
  });
});

describe('card helpers', () => {
  it('attribution and agreement lines', () => {
    expect(render(<SourceAttribution source={unknown} />).container.textContent).toBe(
      'Author, outlet and date not stated',
    );
    expect(render(<SourceAttribution source={{ ...known, outlet: null }} />).container.textContent).toBe(
      'Chris Armitage · 2025-08-18 · outlet not stated',
    );
    expect(agreementLine(details({ agreement: { sources: ['a', 'b', 'c'], independent: ['a', 'c'] } }), 5)).toBe(
      'Named in 3 of 5 sources · 2 independent',
    );
  });

  it('credits an excerpt someone else wrote into a source to them, never to the author, with no link to the author', () => {
    const summary: Excerpt = {
      ...excerpt('armitage', '加利福尼亚州则利用其巨额储备', null, 'zh'),
      credit: 'Chinese summary in the aggregator’s copy of Armitage’s article (author not stated)',
    };
    renderCard(details({ excerpts: [summary], agreement: { sources: [], independent: [] } }));
    const cite = document.querySelector('.cite')!;
    expect(cite.textContent).toBe('Chinese summary in the aggregator’s copy of Armitage’s article (author not stated)');
    expect(cite.querySelector('a')).toBeNull();
    expect(document.body.textContent).not.toContain('Chris Armitage');
    expect(screen.getByText(/^Not named by the sources’ authors/)).toBeTruthy();
  });

  describe('in the reader’s language', () => {
    const aggregators: Excerpt = {
      ...excerpt('armitage', '软脱离', null, 'zh'),
      credit: 'Chinese summary in the aggregator’s copy of Armitage’s article (author not stated)',
    };
    const entry = details({
      summaryZh: 'Armitage 用来指各州不合作的一个术语。',
      excerpts: [excerpt('armitage', 'Soft secession is here.'), aggregators],
    });
    const shown = () => ({
      summary: document.getElementById('h-summary')!,
      excerpts: [...document.querySelectorAll('.excerpt blockquote')].map((quote) => quote.textContent),
    });

    it('shows a reader of Chinese the Chinese summary and the Chinese excerpt first, verbatim and credited', () => {
      renderCard(entry, [known], 'zh-CN');
      const { summary, excerpts } = shown();
      expect(summary.textContent).toBe('Armitage 用来指各州不合作的一个术语。');
      expect(summary.lang).toBe('zh-Hans');
      expect(excerpts).toEqual(['软脱离', 'Soft secession is here.']);
      expect(document.querySelector('.excerpt .cite')!.textContent).toBe(aggregators.credit);
    });

    it('shows a reader of English the English summary and the English excerpt first', () => {
      renderCard(entry, [known], 'en-US');
      const { summary, excerpts } = shown();
      expect(summary.textContent).toBe('A term Armitage uses for states’ non-cooperation.');
      expect(summary.lang).toBe('en');
      expect(excerpts).toEqual(['Soft secession is here.', '软脱离']);
    });
  });
});
