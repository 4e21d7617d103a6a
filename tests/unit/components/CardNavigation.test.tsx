// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntryCard } from '@/components/EntryCard';
import { FigureCheckCard } from '@/components/FigureCheckCard';
import type { FigureCheck } from '@/lib/figures/check';
import type { EntryDetails, IndexedFigure } from '@/lib/kb/types';
import { parseFigure } from '@/lib/figures/number-parser';
import { judgeFigure } from '@/lib/figures/verdict';

afterEach(cleanup);

const entry: EntryDetails = {
  id: 'nullification',
  category: 'concept',
  label: 'Nullification',
  summary: 'A doctrine some writers compare with non-cooperation.',
  related: [],
  roles: [],
  excerpts: [],
  agreement: { sources: [], independent: [] },
  figure: null,
};

describe('a card opened from a related entry', () => {
  it.each<[string, boolean]>([
    ['has a Back button naming the card it returns to', true],
    ['has none when opened from the page', false],
  ])('%s', (_name, cameFromCard) => {
    const go = vi.fn();
    render(
      <EntryCard
        entry={entry}
        sources={[]}
        corpusSize={5}
        readerLanguage="en"
        headingId="h"
        onClose={() => undefined}
        onOpenEntry={() => undefined}
        onBack={cameFromCard ? { label: 'Soft secession', go } : undefined}
      />,
    );
    const back = screen.queryByRole('button', { name: 'Back to Soft secession' });
    expect(back !== null).toBe(cameFromCard);
    if (back) {
      fireEvent.click(back);
      expect(go).toHaveBeenCalledOnce();
    }
  });
});

describe('the figure check card', () => {
  const check = (selection: string): FigureCheck => ({ selection, figure: null, candidates: [], verdict: 'unsourced' });

  it.each<[string, string, RegExp]>([
    ['nothing selected', '', /^Nothing is selected\. Select a number in the article/],
    ['a selection without a number', 'the governors', /^The selection holds no number Crosscheck can read/],
  ])('%s: says so', (_name, selection, expected) => {
    render(
      <FigureCheckCard
        check={check(selection)}
        headingId="h"
        onClose={() => undefined}
        onOpenEntry={() => undefined}
      />,
    );
    expect(document.getElementById('h-summary')!.textContent).toMatch(expected);
  });
});

describe('a figure check says one thing', () => {
  const stated = parseFigure('$76 billion')!;
  const claim: IndexedFigure = {
    id: 'california-budget-reserves',
    label: "California's budget reserves",
    unit: stated.unit,
    cues: [['California'], ['reserves']],
    stated: [{ ...stated, source: 'armitage' }],
    asOf: null,
  };
  const page = parseFigure('$76 billion')!;
  const verdict = judgeFigure(page, claim.stated)!;

  it.each<[string, number, 'matches' | 'unsourced', RegExp, RegExp]>([
    [
      'a claim its sentence names in full: the verdict, in the headline and the list alike',
      2,
      'matches',
      /^$/,
      /the sources state \$76 billion: matches/,
    ],
    [
      'a claim it names in part: no verdict anywhere, only what the sources state',
      1,
      'unsourced',
      /^No source in the knowledge base states this figure for what its sentence is about/,
      /the sources state \$76 billion$/,
    ],
  ])('%s', (_name, cuesNamed, overall, headline, line) => {
    const check: FigureCheck = {
      selection: '$76 billion',
      figure: page,
      candidates: [{ claim, cuesNamed, verdict }],
      verdict: overall,
    };
    render(<FigureCheckCard check={check} headingId="h" onClose={() => undefined} onOpenEntry={() => undefined} />);
    expect(document.querySelector('.verdict')?.textContent ?? '').toMatch(headline);
    expect(document.querySelector('.statements li')!.textContent!.trim()).toMatch(line);
  });
});
