// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fewEntries,
  FEW_CHARACTERS,
  Popup,
  siteStatus,
  withLabels,
  type LabelledSummary,
  type PopupProps,
} from '@/components/Popup';
import type { FoundEntry } from '@/lib/services/messages';
import { DEFAULT_SETTINGS, withCategory, withSitePaused, type Settings } from '@/lib/settings/schema';
import { axeViolations, popupProps } from './fixtures';

afterEach(cleanup);

const summary: LabelledSummary = {
  site: 'news.example.com',
  active: true,
  scope: 'article',
  trackedShown: false,
  entries: [
    { id: 'jb-pritzker', label: 'J.B. Pritzker', category: 'person', count: 1 },
    { id: 'soft-secession', label: 'Soft secession', category: 'concept', count: 2 },
    { id: 'gavin-newsom', label: 'Gavin Newsom', category: 'person', count: 3 },
  ],
};

/** A rich page: `n` entries of one category, the first mentioned most. */
function manyEntries(n: number, category: FoundEntry['category'] = 'organization'): FoundEntry[] {
  return Array.from({ length: n }, (_, i) => ({ id: `org-${i}`, label: `Body ${i}`, category, count: n - i }));
}

function renderPopup(overrides: Partial<PopupProps> = {}) {
  const props = popupProps({ summary, ...overrides });
  const { container } = render(<Popup {...props} />);
  return { props, container };
}

const headline = () => document.querySelector('.status-headline')!.textContent;
const detail = () => document.querySelector('.status-detail')!.textContent;

describe('Popup', () => {
  it('counts mentions by category and lists each category’s entries under its switch, most mentioned first', () => {
    renderPopup();
    const people = screen.getByRole('switch', { name: 'People' });
    expect(people.getAttribute('aria-describedby')).toBe('count-person');
    expect(document.getElementById('count-person')!.textContent).toBe('4 mentions on this page');
    expect(document.getElementById('count-concept')!.textContent).toBe('2 mentions on this page');
    expect([...document.querySelectorAll('.found button')].map((b) => b.textContent)).toEqual([
      'Soft secession',
      'Gavin Newsom',
      'J.B. Pritzker',
    ]);
    const peopleList = screen.getByRole('list', { name: 'People on this page' });
    expect(peopleList.closest('li')!.contains(people)).toBe(true);
    expect(within(peopleList).getAllByRole('listitem')[0]!.textContent).toBe('Gavin Newsom×33 mentions');
  });

  it('reports switch changes and reveals entries', () => {
    const { props } = renderPopup();
    fireEvent.click(screen.getByRole('switch', { name: /Figures/ }));
    expect(props.onCategory).toHaveBeenCalledWith('figure', false);
    fireEvent.click(screen.getByRole('switch', { name: 'Pause on news.example.com' }));
    expect(props.onPauseSite).toHaveBeenCalledWith('news.example.com', true);
    fireEvent.click(screen.getByRole('button', { name: 'Gavin Newsom' }));
    expect(props.onReveal).toHaveBeenCalledWith('gavin-newsom');
    fireEvent.click(screen.getByRole('switch', { name: 'Crosscheck on every site' }));
    expect(props.onEnabled).toHaveBeenCalledWith(false);
  });

  it('draws the main switch as a switch with its state in words', () => {
    renderPopup();
    const main = screen.getByRole('switch', { name: 'Crosscheck on every site' }) as HTMLInputElement;
    expect(main.checked).toBe(true);
    expect(main.closest('label')!.querySelector('.switch-state')!.textContent).toBe('On');
    cleanup();
    renderPopup({ settings: { ...DEFAULT_SETTINGS, enabled: false } });
    const off = screen.getByRole('switch', { name: 'Crosscheck on every site' }) as HTMLInputElement;
    expect(off.checked).toBe(false);
    expect(off.closest('label')!.querySelector('.switch-state')!.textContent).toBe('Off');
  });

  it.each<[string, Partial<PopupProps>, string, string]>([
    ['on', {}, 'On for news.example.com', '3 entries, 6 mentions in the article.'],
    [
      'on, whole page',
      { summary: { ...summary, scope: 'page' } },
      'On for news.example.com',
      '3 entries, 6 mentions on this page.',
    ],
    [
      'a page Crosscheck cannot run on',
      { summary: null },
      'Not available on this page',
      'Crosscheck reads web pages, not browser or store pages. A page that was open before Crosscheck started needs a reload.',
    ],
    [
      'a paused site',
      {
        settings: withSitePaused(DEFAULT_SETTINGS, 'news.example.com', true),
        summary: { ...summary, active: false, scope: 'none', entries: [] },
      },
      'Paused on news.example.com',
      'You paused Crosscheck on this site, so nothing here is highlighted.',
    ],
    [
      'a site paused with its parent domain',
      {
        settings: withSitePaused(DEFAULT_SETTINGS, 'example.com', true),
        summary: { ...summary, active: false, scope: 'none', entries: [] },
      },
      'Paused on news.example.com',
      'You paused Crosscheck on example.com and its subdomains, so nothing here is highlighted.',
    ],
    [
      'Crosscheck off everywhere',
      { settings: { ...DEFAULT_SETTINGS, enabled: false }, summary: { ...summary, active: false } },
      'Off everywhere',
      'Crosscheck is switched off on every site, so nothing is highlighted.',
    ],
    [
      'a page not yet read',
      { summary: { ...summary, active: false, scope: 'none', entries: [] } },
      'On for news.example.com',
      'Reading the page…',
    ],
    [
      'a page without an article',
      { summary: { ...summary, scope: 'none', entries: [] } },
      'On for news.example.com',
      'No article found on this page. Annotate the whole page',
    ],
    [
      'an article with nothing known',
      { summary: { ...summary, entries: [] } },
      'On for news.example.com',
      'Nothing from the knowledge base in the article.',
    ],
  ])('says whether it is on for the site: %s', async (_name, overrides, title, text) => {
    const { container } = renderPopup(overrides);
    expect(headline()).toBe(title);
    expect(detail()).toBe(text);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('lists nothing and counts nothing where Crosscheck is paused or off, but keeps the category switches', () => {
    renderPopup({ settings: withSitePaused(DEFAULT_SETTINGS, 'news.example.com', true) });
    expect(document.querySelectorAll('.found').length).toBe(0);
    expect(document.querySelectorAll('.cat-switch .count').length).toBe(0);
    expect(screen.getAllByRole('switch').length).toBe(1 + 1 + 6);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Highlights');
  });

  it('resumes a site paused by its parent domain by removing that pause', () => {
    const { props } = renderPopup({
      settings: withSitePaused(DEFAULT_SETTINGS, 'example.com', true),
      summary: { ...summary, active: false, scope: 'none', entries: [] },
    });
    const pause = screen.getByRole('switch', { name: 'Pause on example.com' }) as HTMLInputElement;
    expect(pause.checked).toBe(true);
    fireEvent.click(pause);
    expect(props.onPauseSite).toHaveBeenCalledWith('example.com', false);
  });

  it('offers no pause where Crosscheck is off everywhere or the page is out of reach', () => {
    renderPopup({ settings: { ...DEFAULT_SETTINGS, enabled: false } });
    expect(screen.queryByRole('switch', { name: /^Pause on/ })).toBeNull();
    cleanup();
    renderPopup({ summary: null });
    expect(screen.queryByRole('switch', { name: /^Pause on/ })).toBeNull();
  });

  it('drops the list of a category switched off, and keeps the others', () => {
    renderPopup({ settings: withCategory(DEFAULT_SETTINGS, 'person', false) });
    expect(screen.queryByRole('list', { name: 'People on this page' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Gavin Newsom' })).toBeNull();
    expect(screen.getByRole('list', { name: 'Concepts on this page' })).toBeTruthy();
    expect((screen.getByRole('switch', { name: 'People' }) as HTMLInputElement).checked).toBe(false);
  });

  it('shows a few entries of a long list and the rest on "Show all N", with the keyboard and screen readers told', async () => {
    const entries = manyEntries(30);
    const { container } = renderPopup({ summary: { ...summary, entries } });
    const list = screen.getByRole('list', { name: 'Organizations on this page' });
    const few = fewEntries(entries);
    expect(few).toBeGreaterThan(1);
    expect(list.querySelectorAll('.found button.link:not([aria-expanded])').length).toBe(few);
    const more = screen.getByRole('button', { name: 'Show all 30' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(more.getAttribute('aria-controls')).toBe(list.id);
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(more);
    expect(list.querySelectorAll('.found button.link:not([aria-expanded])').length).toBe(30);
    const fewer = screen.getByRole('button', { name: 'Show fewer' });
    expect(fewer.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(fewer);
    expect(list.querySelectorAll('.found button.link:not([aria-expanded])').length).toBe(few);
  });

  it('lists a few entries while their names fit in about a line, never hiding only one', () => {
    const named = (labels: string[]): FoundEntry[] =>
      labels.map((label, i) => ({ id: `e${i}`, label, category: 'figure', count: 1 }));
    const long = 'A very long name of a figure claim that takes a whole line';
    expect(fewEntries(named([long, 'Another long name of a claim', 'C', 'D']))).toBe(1);
    expect(fewEntries(named([long, 'B']))).toBe(2);
    expect(fewEntries(named(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L']))).toBeLessThan(12);
    expect(fewEntries(named(['x'.repeat(FEW_CHARACTERS - 10), 'y']))).toBe(2);
    expect(fewEntries([])).toBe(0);
  });

  it('keeps the popup short on a rich page: a few entries per category at most', () => {
    const entries = (['concept', 'law', 'person', 'organization', 'place', 'figure'] as const).flatMap((category) =>
      manyEntries(25, category).map((e) => ({ ...e, id: `${category}-${e.id}` })),
    );
    renderPopup({ summary: { ...summary, entries } });
    const listed = document.querySelectorAll('.found li:not(.found-more)').length;
    expect(listed).toBeLessThanOrEqual(6 * 6);
    expect(screen.getAllByRole('button', { name: 'Show all 25' }).length).toBe(6);
  });

  it('offers to annotate the whole page when no article was found', () => {
    const { props } = renderPopup({ summary: { ...summary, scope: 'none', entries: [] } });
    fireEvent.click(screen.getByRole('button', { name: 'Annotate the whole page' }));
    expect(props.onAnnotatePage).toHaveBeenCalled();
  });

  it('has the key to the highlights, and names each category with its own highlight', async () => {
    const { container } = renderPopup();
    const key = container.querySelector('details.key-details')!;
    expect(key.querySelector('summary')!.textContent).toBe('What the highlights mean');
    expect(
      [...key.querySelectorAll('.key-categories crosscheck-mark')].map((m) =>
        m.getAttribute('data-crosscheck-category'),
      ),
    ).toEqual(['concept', 'law', 'person', 'organization', 'place', 'figure']);
    expect(
      [...key.querySelectorAll('.key-verdicts crosscheck-mark')].map((m) => m.getAttribute('data-crosscheck-verdict')),
    ).toEqual(['matches', 'differs', 'unsourced']);
    const people = screen.getByRole('switch', { name: 'People' }).closest('label')!;
    expect(people.querySelector('crosscheck-mark')!.getAttribute('data-crosscheck-category')).toBe('person');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows the settings notice', () => {
    renderPopup({ notice: 'corrupt' });
    expect(screen.getByRole('status').textContent).toContain('reset to the defaults');
  });

  it('derives the site status from the settings, not from a summary that may be stale', () => {
    expect(siteStatus(DEFAULT_SETTINGS, { ...summary, active: false })).toEqual({
      kind: 'on',
      site: 'news.example.com',
    });
    expect(
      siteStatus(withSitePaused(DEFAULT_SETTINGS, 'example.com', true), { ...summary, site: 'www.example.com' }),
    ).toEqual({ kind: 'paused', site: 'example.com', pausedAs: 'example.com' });
    expect(siteStatus({ ...DEFAULT_SETTINGS, enabled: false }, null)).toEqual({ kind: 'off' });
    expect(siteStatus(DEFAULT_SETTINGS, { ...summary, site: 'localhost' })).toEqual({ kind: 'on', site: null });
  });
});

describe('Popup and the reader’s tracked terms', () => {
  const withTracked: LabelledSummary = {
    ...summary,
    entries: [
      ...summary.entries,
      { id: 'tracked-3', label: 'water compact', category: 'concept', count: 2 },
      { id: 'tracked-4', label: 'Maria Okafor', category: 'person', count: 1 },
    ],
  };
  const panel = () => document.querySelector('.tracked-here');
  const listed = () => [...document.querySelectorAll('.found button')].map((b) => b.textContent);

  it('where they are not highlighted: leaves them out of the lists, says why and how many are named, and offers to show them', async () => {
    const { props, container } = renderPopup({ summary: withTracked, trackedTerms: 2 });
    expect(listed()).not.toContain('water compact');
    expect(detail()).toBe('3 entries, 6 mentions in the article.');
    expect(panel()!.textContent).toContain(
      'Your tracked terms are not highlighted here, because a page can see which words Crosscheck highlights on it. 2 of them are named on this page.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show them on this page' }));
    expect(props.onShowTrackedHere).toHaveBeenCalled();
    const allow = screen.getByRole('switch', { name: 'Tracked terms on news.example.com' }) as HTMLInputElement;
    expect(allow.checked).toBe(false);
    fireEvent.click(allow);
    expect(props.onTrackedSite).toHaveBeenCalledWith('news.example.com', true);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('where they are highlighted: lists them and says the page can see them', () => {
    renderPopup({ summary: { ...withTracked, trackedShown: true }, trackedTerms: 2 });
    expect(listed()).toContain('water compact');
    expect(panel()!.querySelector('p')!.textContent).toBe(
      'Your tracked terms are highlighted on this page, and the page can see which words are highlighted.',
    );
    expect(screen.queryByRole('button', { name: 'Show them on this page' })).toBeNull();
  });

  it.each<[string, Partial<Settings>, string | null, boolean]>([
    ['a site not allowed', {}, 'Tracked terms on news.example.com', false],
    ['allowed by a parent domain', { trackedSites: ['example.com'] }, 'Tracked terms on example.com', true],
    ['every site: nothing to allow', { trackedHighlights: 'every-site' }, null, false],
    ['only on request: nothing to allow', { trackedHighlights: 'on-request' }, null, false],
  ])('the switch for this site: %s', (_name, changes, name, checked) => {
    const { props } = renderPopup({
      settings: { ...DEFAULT_SETTINGS, ...changes },
      summary: withTracked,
      trackedTerms: 2,
    });
    const allow = screen.queryByRole('switch', { name: /^Tracked terms on/ }) as HTMLInputElement | null;
    expect(allow && [allow.closest('label')!.textContent, allow.checked]).toEqual(name && [name, checked]);
    if (allow) {
      fireEvent.click(allow);
      expect(props.onTrackedSite).toHaveBeenCalledWith(name!.replace('Tracked terms on ', ''), !checked);
    }
  });

  it('says nothing of tracked terms to a reader who tracks none', () => {
    renderPopup({ summary: withTracked, trackedTerms: 0 });
    expect(panel()).toBeNull();
  });
});

describe('withLabels', () => {
  it('labels what the page found, leaving out any entry it has no label for', () => {
    const labels = new Map([
      ['soft-secession', 'Soft secession'],
      ['gavin-newsom', 'Gavin Newsom'],
    ]);
    const labelled = withLabels(
      {
        site: 'news.example.com',
        active: true,
        scope: 'article',
        trackedShown: false,
        entries: [
          { id: 'soft-secession', category: 'concept', count: 2 },
          { id: 'no-such-entry', category: 'person', count: 1 },
          { id: 'gavin-newsom', category: 'person', count: 3 },
        ],
      },
      (id) => labels.get(id),
    );
    expect(labelled.entries).toEqual([
      { id: 'soft-secession', category: 'concept', count: 2, label: 'Soft secession' },
      { id: 'gavin-newsom', category: 'person', count: 3, label: 'Gavin Newsom' },
    ]);
  });
});
