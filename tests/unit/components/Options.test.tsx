// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options, type OptionsProps } from '@/components/Options';
import { kbDetails } from '@/lib/kb/details-data';
import { DEFAULT_SETTINGS, withSitePaused } from '@/lib/settings/schema';
import { axeViolations } from './fixtures';

afterEach(cleanup);

function renderOptions(overrides: Partial<OptionsProps> = {}) {
  const props: OptionsProps = {
    settings: DEFAULT_SETTINGS,
    details: kbDetails,
    notice: null,
    onChange: vi.fn(),
    ...overrides,
  };
  const { container } = render(<Options {...props} />);
  return { props, container };
}

const search = (text: string) =>
  fireEvent.input(screen.getByLabelText('Search the knowledge base'), { target: { value: text } });
const listed = () => [...document.querySelectorAll('.kb-list li button')].map((b) => b.textContent);
const total = Object.keys(kbDetails.entries).length;

describe('Options', () => {
  it('has labelled sections, each setting labelled, and no axe violations', async () => {
    const { container } = renderOptions({ settings: withSitePaused(DEFAULT_SETTINGS, 'example.com', true) });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Highlights shown',
      'What the highlights mean',
      'Paused sites',
      'What Crosscheck knows',
      'The sources',
    ]);
    expect(screen.getAllByRole('switch').length).toBe(7);
    expect(screen.getByRole('switch', { name: 'Highlight every mention' }).getAttribute('aria-describedby')).toBe(
      'every-mention-hint',
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('lists every entry alphabetically with its category, drawn as its highlight', () => {
    renderOptions();
    expect(document.querySelector('.kb-count')!.textContent).toBe(`${total} entries`);
    const names = listed();
    expect(names.length).toBe(total);
    expect(names).toEqual([...names].sort((a, b) => a!.localeCompare(b!)));
    const first = document.querySelector('.kb-list li')!;
    const sample = first.querySelector('.category-name crosscheck-mark')!;
    expect(sample.getAttribute('data-crosscheck-category')).toBe(
      Object.values(kbDetails.entries).find((e) => e.label === names[0])!.category,
    );
  });

  it.each(['76 billion', '$76', '$76 billion', '760亿', 'california 76 billion'])(
    'finds the California reserves figure by its value: %s',
    (text) => {
      renderOptions();
      search(text);
      expect(listed()[0]).toBe("California's budget reserves");
      expect(document.querySelector('.kb-count')!.textContent).toMatch(new RegExp(`^\\d+ of ${total} entries$`));
    },
  );

  it('finds entries by words of their label or summary, case and accents aside', () => {
    renderOptions();
    search('PRINTZ');
    expect(listed()[0]).toBe('Printz v. United States');
    search('  newsom ');
    expect(listed()).toContain('Gavin Newsom');
  });

  it('shows the selected entry’s card, and takes it away when a search shows nothing', async () => {
    const { container } = renderOptions();
    search('printz');
    fireEvent.click(screen.getByRole('button', { name: 'Printz v. United States' }));
    expect(screen.getByRole('button', { name: 'Printz v. United States' }).getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelector('.kb-entry h2')!.textContent).toBe('Printz v. United States');
    expect(await axeViolations(container)).toEqual([]);
    search('zzzz nothing like this');
    expect(document.querySelector('.kb-entry')).toBeNull();
    expect(document.querySelector('.kb-list')).toBeNull();
    expect(screen.getByText('Nothing in the knowledge base matches “zzzz nothing like this”.')).toBeTruthy();
    expect(document.querySelector('.kb-count')!.textContent).toBe(`0 of ${total} entries`);
    // The selection is kept: clearing the search brings the card back.
    search('');
    expect(document.querySelector('.kb-entry h2')!.textContent).toBe('Printz v. United States');
  });

  it('closes the card and returns focus to its entry in the list', () => {
    renderOptions();
    search('printz');
    fireEvent.click(screen.getByRole('button', { name: 'Printz v. United States' }));
    expect(screen.getByRole('region', { name: 'Printz v. United States' })).toBeTruthy();
    fireEvent.click(document.querySelector<HTMLButtonElement>('.kb-entry .close')!);
    expect(document.querySelector('.kb-entry')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Printz v. United States' }));
  });

  it('takes the card away when the search leaves its entry out, and shows a prompt instead', () => {
    renderOptions();
    search('printz');
    fireEvent.click(screen.getByRole('button', { name: 'Printz v. United States' }));
    search('newsom');
    expect(document.querySelector('.kb-entry')).toBeNull();
    expect(document.querySelector('.kb-placeholder')!.textContent).toBe(
      'Choose an entry to see what the sources say about it.',
    );
  });

  it('opens a related entry the search leaves out by showing the whole list again', () => {
    renderOptions();
    search('printz');
    fireEvent.click(screen.getByRole('button', { name: 'Printz v. United States' }));
    const inList = listed();
    const related = [...document.querySelectorAll<HTMLButtonElement>('.kb-entry .related button')].find(
      (b) => !inList.includes(b.textContent),
    )!;
    const label = related.textContent!;
    fireEvent.click(related);
    expect((screen.getByLabelText('Search the knowledge base') as HTMLInputElement).value).toBe('');
    expect(document.querySelector('.kb-entry h2')!.textContent).toBe(label);
  });

  it('reports setting changes', () => {
    const { props } = renderOptions();
    fireEvent.click(screen.getByRole('switch', { name: 'People' }));
    expect(props.onChange).toHaveBeenLastCalledWith({
      ...DEFAULT_SETTINGS,
      categories: { ...DEFAULT_SETTINGS.categories, person: false },
    });
    fireEvent.click(screen.getByRole('switch', { name: 'Highlight every mention' }));
    expect(props.onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, everyMention: true });
    fireEvent.input(screen.getByLabelText('Pause on a site'), { target: { value: 'https://www.Example.com/news' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Pause' }).closest('form')!);
    expect(props.onChange).toHaveBeenLastCalledWith(withSitePaused(DEFAULT_SETTINGS, 'example.com', true));
  });

  it('says why a site name is refused, tied to its field', () => {
    renderOptions();
    fireEvent.input(screen.getByLabelText('Pause on a site'), { target: { value: 'not a site' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Pause' }).closest('form')!);
    const field = screen.getByLabelText('Pause on a site');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby')!)!.textContent).toContain(
      'is not a site name',
    );
  });

  it('lists the paused sites with a Resume button each', () => {
    const { props } = renderOptions({ settings: withSitePaused(DEFAULT_SETTINGS, 'example.com', true) });
    fireEvent.click(screen.getByRole('button', { name: 'Resume example.com' }));
    expect(props.onChange).toHaveBeenLastCalledWith(DEFAULT_SETTINGS);
  });

  it('names the sources as readers know them, never by file name', () => {
    renderOptions();
    const sources = document.querySelector('.sources')!;
    expect(sources.querySelectorAll('li').length).toBe(kbDetails.sources.length);
    for (const source of kbDetails.sources) expect(sources.textContent).not.toContain(source.file);
    expect(sources.textContent).toContain('In English');
  });

  it('shows the key to the highlights', () => {
    renderOptions();
    const key = screen.getByRole('heading', { name: 'What the highlights mean' }).closest('section')!;
    expect(key.querySelectorAll('.key-categories crosscheck-mark').length).toBe(6);
    expect(key.querySelector('.key-verdicts')!.textContent).toContain('Dashed underline: differs');
  });
});
