// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupProps } from '@/components/Popup';
import type { PageSummary } from '@/lib/messages';
import { DEFAULT_SETTINGS, withSitePaused } from '@/lib/settings/schema';

afterEach(cleanup);

const summary: PageSummary = {
  site: 'news.example.com',
  active: true,
  scope: 'article',
  entries: [
    { id: 'gavin-newsom', label: 'Gavin Newsom', category: 'person', count: 3 },
    { id: 'soft-secession', label: 'Soft secession', category: 'concept', count: 2 },
    { id: 'jb-pritzker', label: 'J.B. Pritzker', category: 'person', count: 1 },
  ],
};

function renderPopup(overrides: Partial<PopupProps> = {}) {
  const props: PopupProps = {
    settings: DEFAULT_SETTINGS,
    summary,
    notice: null,
    sourceCount: 5,
    onEnabled: vi.fn(),
    onCategory: vi.fn(),
    onPauseSite: vi.fn(),
    onReveal: vi.fn(),
    onAnnotatePage: vi.fn(),
    onOpenOptions: vi.fn(),
    ...overrides,
  };
  render(<Popup {...props} />);
  return props;
}

describe('Popup', () => {
  it('counts what was found by category and lists it grouped', () => {
    renderPopup();
    expect(screen.getByRole('switch', { name: /People/ })).toBeTruthy();
    expect(screen.getByLabelText('4 on this page')).toBeTruthy();
    expect(screen.getByLabelText('2 on this page')).toBeTruthy();
    expect([...document.querySelectorAll('.found button')].map((b) => b.textContent)).toEqual([
      'Soft secession',
      'Gavin Newsom',
      'J.B. Pritzker',
    ]);
  });

  it('reports switch changes and reveals entries', () => {
    const props = renderPopup();
    fireEvent.click(screen.getByRole('switch', { name: /Figures/ }));
    expect(props.onCategory).toHaveBeenCalledWith('figure', false);
    fireEvent.click(screen.getByRole('switch', { name: 'Pause on news.example.com' }));
    expect(props.onPauseSite).toHaveBeenCalledWith('news.example.com', true);
    fireEvent.click(screen.getByRole('button', { name: 'Gavin Newsom' }));
    expect(props.onReveal).toHaveBeenCalledWith('gavin-newsom');
  });

  it.each<[string, Partial<PopupProps>, string]>([
    ['a page Crosscheck cannot run on', { summary: null }, 'Crosscheck does not run on this page.'],
    [
      'a paused site',
      { settings: withSitePaused(DEFAULT_SETTINGS, 'example.com', true), summary: { ...summary, active: false } },
      'Crosscheck is not annotating this page.',
    ],
    [
      'a page without an article',
      { summary: { ...summary, scope: 'none', entries: [] } },
      'No article found on this page.',
    ],
    [
      'an article with nothing known',
      { summary: { ...summary, entries: [] } },
      'Nothing from the knowledge base on this page.',
    ],
  ])('says so on %s', (_name, overrides, text) => {
    renderPopup(overrides);
    expect(screen.getByText(text, { exact: false })).toBeTruthy();
  });

  it('offers to annotate the whole page when no article was found', () => {
    const props = renderPopup({ summary: { ...summary, scope: 'none', entries: [] } });
    fireEvent.click(screen.getByRole('button', { name: 'Annotate the whole page' }));
    expect(props.onAnnotatePage).toHaveBeenCalled();
  });

  it('shows the settings notice', () => {
    renderPopup({ notice: 'corrupt' });
    expect(screen.getByRole('status').textContent).toContain('reset to the defaults');
  });
});
