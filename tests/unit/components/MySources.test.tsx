// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agreementLine, EntryCard } from '@/components/EntryCard';
import {
  formatBytes,
  importProgress,
  listArticles,
  MySourcesOptions,
  type ListedArticle,
} from '@/components/MySourcesOptions';
import { OwnAttribution, OwnSourceName, StatementLine } from '@/components/OwnSources';
import { Popup, seenBeforeLine, type PopupMySources } from '@/components/Popup';
import { searchProgress, splitAliases, TrackForm } from '@/components/TrackForm';
import { t } from '@/lib/i18n';
import type { EntryDetails } from '@/lib/kb/types';
import type { OwnSources } from '@/lib/my-sources/card-data';
import type { TrackedHighlights } from '@/lib/settings/schema';
import { armitageSource, axeViolations, popupProps } from './fixtures';

afterEach(cleanup);

const entry: EntryDetails = {
  id: 'bank-of-north-dakota',
  category: 'organization',
  label: 'Bank of North Dakota',
  summary: 'A state-owned bank.',
  related: [],
  roles: [],
  excerpts: [],
  agreement: { sources: ['armitage', 'dekom'], independent: ['armitage'] },
  figure: null,
};

const reuters = {
  id: 1,
  url: 'https://reuters.example/a',
  title: 'Governors meet',
  author: null,
  site: 'Reuters',
  published: '2025-06-02T10:00:00Z',
};
const reprint = { id: 2, url: 'https://reprint.example/b', title: null, author: 'Jo', site: null, published: null };

const own: OwnSources = {
  savedCount: 3,
  mentioning: [1, 2],
  independent: [1],
  excerpts: [
    { article: 1, start: 0, end: 26, text: 'The Bank of North Dakota lends.', highlights: [[4, 24]], quotes: null },
    { article: 2, start: 0, end: 30, text: 'Quoted: the Bank of North Dakota.', highlights: [[12, 32]], quotes: 1 },
  ],
  statements: [],
  articles: [reuters, reprint],
};

describe('the reader’s sources on a card', () => {
  it.each<[string, EntryDetails, OwnSources | undefined, string]>([
    ['bundled only', entry, undefined, 'Named in 2 of 5 sources · 1 independent'],
    [
      'both corpora, independence-aware',
      entry,
      own,
      'Named in 2 of 5 sources and 2 of your 3 saved articles · 2 independent',
    ],
    [
      'no saved article names it: the bundled line',
      entry,
      { ...own, mentioning: [], independent: [], excerpts: [] },
      'Named in 2 of 5 sources · 1 independent',
    ],
    [
      'a tracked term: only the saved articles',
      { ...entry, id: 'tracked-4', agreement: { sources: [], independent: [] } },
      own,
      'Named in 2 of your 3 saved articles · 1 independent',
    ],
  ])('agreement line: %s', (_name, details, ownSources, line) => {
    expect(agreementLine(details, 5, ownSources)).toBe(line);
  });

  /** The entry's card with `ownSources` listed after the bundled source. */
  const renderCard = (ownSources: typeof own) =>
    render(
      <EntryCard
        entry={entry}
        sources={[armitageSource]}
        corpusSize={5}
        readerLanguage="en"
        uiLanguage="en"
        headingId="h"
        onClose={vi.fn()}
        onOpenEntry={vi.fn()}
        own={ownSources}
      />,
    );

  it('lists them after the bundled sources: attributed, linked, verbatim, a copy naming its original', async () => {
    const { container } = renderCard(own);
    const section = screen.getByRole('region', { name: 'Your saved articles' });
    expect(section.querySelectorAll('blockquote mark')[0]!.textContent).toBe('Bank of North Dakota');
    expect(screen.getByRole('link', { name: 'Governors meet' }).getAttribute('href')).toBe('https://reuters.example/a');
    expect(section.textContent).toContain('Reuters · 2025-06-02 · author not stated');
    expect(section.textContent).toContain('Untitled saved article — Jo · site and date not stated');
    expect(section.textContent).toContain('(quotes Reuters 2025-06-02)');
    expect(await axeViolations(container)).toEqual([]);
  });

  const textOf = (node: preact.ComponentChild) => render(<p>{node}</p>).container.textContent;

  it.each<[string, Parameters<typeof StatementLine>[0]['statement'], string]>([
    [
      'a match',
      { article: 1, text: '24 governors', verdict: 'matches', quotes: null },
      '24 governors, Reuters 2025-06-02: matches',
    ],
    ['no verdict', { article: 2, text: '25 governors', verdict: null, quotes: null }, '25 governors, Jo: no verdict'],
  ])('a figure statement: %s', (_name, statement, line) => {
    expect(textOf(<StatementLine statement={statement} own={own} />)).toBe(line);
  });

  it('names saved articles by what they declare, never guessing', () => {
    expect(textOf(<OwnAttribution article={reprint} />)).toBe('Jo · site and date not stated');
    expect(textOf(<OwnSourceName article={undefined} />)).toBe('a saved article you deleted');
  });

  it('shows what pages declared isolated, so its direction cannot reorder what follows', () => {
    const arabic = { ...reuters, title: 'عنوان', author: 'كاتب', site: 'موقع' };
    const { container } = renderCard({ ...own, articles: [arabic, reprint] });
    const isolated = [...container.querySelectorAll('.own-sources bdi')].map((bdi) => bdi.textContent);
    expect(isolated).toEqual(expect.arrayContaining(['عنوان', 'كاتب', 'موقع', '2025-06-02', 'Jo']));
    expect(container.querySelector('.own-excerpt blockquote')!.getAttribute('dir')).toBe('auto');
  });
});

describe('the popup’s reader’s sources', () => {
  const base: PopupMySources = { saved: false, outcome: null, saving: false, seenBefore: null, onSave: vi.fn() };
  const renderPopup = (mySources: PopupMySources) => render(<Popup {...popupProps({ mySources })} />);

  it('offers to add the article, then says it is saved; a problem is shown in words', () => {
    const onSave = vi.fn();
    renderPopup({ ...base, onSave });
    fireEvent.click(screen.getByRole('button', { name: 'Add to my sources' }));
    expect(onSave).toHaveBeenCalled();
    cleanup();
    renderPopup({ ...base, saved: true, outcome: { ok: true, message: 'Added to your sources.' } });
    expect(screen.getByRole('button', { name: 'Saved: update in my sources' })).toBeTruthy();
    cleanup();
    renderPopup({ ...base, outcome: { ok: false, message: 'There is no room left to store this.' } });
    expect(screen.getByRole('alert').textContent).toBe('There is no room left to store this.');
  });

  it('lists the saved articles that discuss the page’s entries', async () => {
    const seenBefore = { entries: 7, articleCount: 4, articles: [{ ...reuters, shared: 3 }] };
    const { container } = renderPopup({ ...base, seenBefore });
    expect(seenBeforeLine(seenBefore)).toBe('7 of these entries appear in 4 of your saved articles');
    expect(container.querySelector('.seen-before summary')!.textContent).toBe(
      'Seen before: 7 of these entries appear in 4 of your saved articles',
    );
    expect(screen.getByRole('link', { name: 'Governors meet' }).getAttribute('href')).toBe(reuters.url);
    expect(container.querySelector('.seen-before li')!.textContent).toContain('Reuters · 2025-06-02 · 3 entries');
    const isolated = [...container.querySelectorAll('.seen-before li bdi')].map((bdi) => bdi.textContent);
    expect(isolated).toEqual(['Governors meet', 'Reuters', '2025-06-02']);
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('the options page’s reader’s sources', () => {
  const articles: ListedArticle[] = [
    { ...reuters, savedAt: 3 },
    { ...reprint, savedAt: 5 },
    {
      id: 3,
      url: 'https://ap.example/c',
      title: 'Water',
      author: null,
      site: 'AP',
      published: '2025-07-01',
      savedAt: 1,
    },
  ];

  it.each<[string, string, 'saved' | 'published' | 'site', number[]]>([
    ['newest saved first', '', 'saved', [2, 1, 3]],
    ['newest published first, undeclared last', '', 'published', [3, 1, 2]],
    ['by site, undeclared last', '', 'site', [3, 1, 2]],
    ['a search by site', 'reuters', 'saved', [1]],
  ])('lists articles: %s', (_name, query, order, ids) => {
    expect(listArticles(articles, query, order).map((a) => a.id)).toEqual(ids);
  });

  it.each<[number, string]>([
    [512, '512 bytes'],
    [1536, '1.5 KB'],
    [52 * 1024 * 1024, '52 MB'],
  ])('formatBytes(%d) is %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  /** Every callback the options page's "My sources" takes, each a spy. */
  const optionHandlers = () => ({
    onDelete: vi.fn(),
    onDeleteAll: vi.fn(),
    onUpdateTracked: vi.fn(),
    onDeleteTracked: vi.fn(),
    onExport: vi.fn(),
    onImport: vi.fn(),
    onTrackedHighlights: vi.fn(),
    onStopTrackedSite: vi.fn(),
    onCancelImport: vi.fn(),
  });

  it('says it is reading the saved articles until they are read, never "none" meanwhile', () => {
    const props = { tracked: [], storageUsed: null, message: null, importing: null, ...optionHandlers() };
    const tracking = { trackedHighlights: 'allowed-sites' as const, trackedSites: [] };
    const { rerender } = render(<MySourcesOptions {...props} {...tracking} articles={null} />);
    expect(screen.getByRole('heading', { name: 'Saved articles' })).toBeTruthy();
    expect(screen.getByText('Reading your saved articles…')).toBeTruthy();
    expect(screen.queryByText(/No saved articles yet/)).toBeNull();
    rerender(<MySourcesOptions {...props} {...tracking} articles={[]} />);
    expect(screen.getByRole('heading', { name: 'Saved articles (0)' })).toBeTruthy();
    expect(screen.getByText(/No saved articles yet/)).toBeTruthy();
  });

  it.each<[number, string]>([
    [1, '1 article'],
    [3, '3 articles'],
  ])('counts %i saved as "%s"', (count, text) => {
    const props = { tracked: [], storageUsed: null, message: null, importing: null, ...optionHandlers() };
    const tracking = { trackedHighlights: 'allowed-sites' as const, trackedSites: [] };
    render(<MySourcesOptions {...props} {...tracking} articles={articles.slice(0, count)} />);
    expect(screen.getByText(text)).toBeTruthy();
  });

  it('deletes one, asks before deleting all, and edits a tracked term’s aliases', async () => {
    const handlers = { ...optionHandlers(), importing: null };
    const term = {
      id: 4,
      label: 'water compact',
      category: 'concept' as const,
      aliases: [],
      createdAt: 0,
      search: null,
      found: 2,
    };
    const { container } = render(
      <MySourcesOptions
        articles={articles}
        tracked={[term]}
        storageUsed={2048}
        message={null}
        trackedHighlights="allowed-sites"
        trackedSites={['example.com']}
        {...handlers}
      />,
    );
    expect(container.textContent).toContain('Storage used: 2.0 KB.');
    // What pages declared is isolated (bdi) in a cell that wraps anywhere (see ui.css).
    const first = container.querySelector('.saved-articles li .saved-article')!;
    expect([...first.querySelectorAll('bdi')].map((bdi) => bdi.textContent)).toEqual(['Jo']);
    expect(container.querySelector('.saved-articles li:nth-child(2) a bdi')!.textContent).toBe('Governors meet');
    fireEvent.click(screen.getByRole('button', { name: 'Delete Governors meet' }));
    expect(handlers.onDelete).toHaveBeenCalledWith(1);
    fireEvent.click(screen.getByRole('button', { name: 'Delete all…' }));
    expect(handlers.onDeleteAll).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete everything' }));
    expect(handlers.onDeleteAll).toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Other names for water compact, separated by commas'), {
      target: { value: 'river pact, water deal' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save water compact' }));
    expect(handlers.onUpdateTracked).toHaveBeenCalledWith(term, 'concept', ['river pact', 'water deal']);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says what highlighting tracked terms lets a page see, and offers where, with the sites allowed', () => {
    const handlers = optionHandlers();
    const props = { articles: [], tracked: [], storageUsed: null, message: null, importing: null, ...handlers };
    render(<MySourcesOptions {...props} trackedHighlights="allowed-sites" trackedSites={['example.com']} />);
    const choice = screen.getByRole('group', { name: 'Highlight tracked terms' });
    expect(choice.getAttribute('aria-describedby')).toBe('tracked-where-cost');
    expect(document.getElementById('tracked-where-cost')!.textContent).toBe(t('trackedHighlights.cost'));
    expect((screen.getByLabelText('Only on sites I allow') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('On every site'));
    expect(handlers.onTrackedHighlights).toHaveBeenCalledWith('every-site');
    fireEvent.click(screen.getByRole('button', { name: 'Stop highlighting tracked terms on example.com' }));
    expect(handlers.onStopTrackedSite).toHaveBeenCalledWith('example.com');
    cleanup();
    render(<MySourcesOptions {...props} trackedHighlights="allowed-sites" trackedSites={[]} />);
    expect(screen.getByText(/No site allowed yet/)).toBeTruthy();
    cleanup();
    render(<MySourcesOptions {...props} trackedHighlights="on-request" trackedSites={['example.com']} />);
    expect(screen.queryByRole('list', { name: 'Sites where tracked terms are highlighted' })).toBeNull();
  });

  it.each<[string, { done: number; total: number | null; cancelling: boolean }, string]>([
    ['reading the pack', { done: 0, total: null, cancelling: false }, 'Reading the knowledge pack…'],
    ['writing', { done: 4000, total: 20_000, cancelling: false }, 'Imported 4,000 of 20,000 articles…'],
    ['cancelling', { done: 4000, total: 20_000, cancelling: true }, 'Stopping the import after 4,000 articles…'],
  ])(
    'an import under way, %s: progress, Cancel, and the import and delete-all buttons disabled',
    async (_name, importing, text) => {
      const onCancelImport = vi.fn();
      const props = {
        articles,
        tracked: [],
        storageUsed: null,
        ...optionHandlers(),
        onCancelImport,
        trackedHighlights: 'allowed-sites' as const,
        trackedSites: [],
      };
      const { container, rerender } = render(<MySourcesOptions {...props} message={null} importing={importing} />);
      expect(importProgress(importing)).toBe(text);
      const progress = screen.getByLabelText(text) as HTMLProgressElement;
      expect(progress.tagName).toBe('PROGRESS');
      expect(screen.getByRole('status').textContent).toBe(text);
      expect((container.querySelector('input[type="file"]') as HTMLInputElement).disabled).toBe(true);
      expect((screen.getByRole('button', { name: 'Delete all…' }) as HTMLButtonElement).disabled).toBe(true);
      const cancel = screen.getByRole('button', { name: 'Cancel the import' }) as HTMLButtonElement;
      expect(cancel.disabled).toBe(importing.cancelling);
      fireEvent.click(cancel);
      expect(onCancelImport).toHaveBeenCalledTimes(importing.cancelling ? 0 : 1);
      expect(await axeViolations(container)).toEqual([]);

      // Done: the truthful sentence, the controls back.
      const done = 'Added 2 articles and 1 tracked term; 2 were already saved.';
      rerender(<MySourcesOptions {...props} message={{ ok: true, text: done }} importing={null} />);
      expect(screen.getByRole('status').textContent).toBe(done);
      expect(screen.queryByRole('button', { name: 'Cancel the import' })).toBeNull();
      expect((container.querySelector('input[type="file"]') as HTMLInputElement).disabled).toBe(false);
    },
  );
});

describe('the track form', () => {
  it('proposes the selection, takes a category and aliases, then shows the search’s progress', async () => {
    const onTrack = vi.fn();
    const { container } = render(
      <TrackForm
        initialLabel={'  water\ncompact '}
        state={{ kind: 'form', problem: null }}
        trackedHighlights="allowed-sites"
        onTrack={onTrack}
        onClose={vi.fn()}
      />,
    );
    expect((screen.getByLabelText('Term') as HTMLInputElement).value).toBe('water compact');
    fireEvent.click(screen.getByLabelText('Law or case'));
    fireEvent.input(screen.getByLabelText('Other names (optional)'), { target: { value: 'river pact,, water deal' } });
    // What a page sees is said beside the choice, and the reader's choice goes with the term.
    expect(screen.getByRole('group', { name: 'Highlight tracked terms' }).textContent).toContain(
      t('trackedHighlights.cost'),
    );
    expect((screen.getByLabelText('Only on sites I allow') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Only when I ask, on that page'));
    fireEvent.click(screen.getByRole('button', { name: 'Track' }));
    expect(onTrack).toHaveBeenCalledWith('water compact', 'law', ['river pact', 'water deal'], 'on-request');
    expect(await axeViolations(container)).toEqual([]);
    cleanup();
    render(
      <TrackForm
        initialLabel="x"
        state={{ kind: 'searching', label: 'water compact', searched: 300, total: 10_000 }}
        trackedHighlights="allowed-sites"
        onTrack={onTrack}
        onClose={vi.fn()}
      />,
    );
    expect(screen.getByText(searchProgress(300, 10_000)).textContent).toBe('Searched 300 of 10,000 saved articles…');
    expect(splitAliases(' a ,\nb,')).toEqual(['a', 'b']);
  });

  it.each<[TrackedHighlights, string]>([
    ['every-site', 'It is highlighted on every site from now on.'],
    ['allowed-sites', 'It is highlighted on the sites you allow'],
    ['on-request', 'To highlight it on a page, ask from Crosscheck’s toolbar button there.'],
  ])('once tracked, says where it is highlighted: %s', (where, said) => {
    render(
      <TrackForm
        initialLabel="x"
        state={{ kind: 'done', label: 'water compact', found: 2, total: 2 }}
        trackedHighlights={where}
        onTrack={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    expect(screen.getByText(/^Found in 2 saved articles of 2\./).textContent).toContain(said);
  });
});
