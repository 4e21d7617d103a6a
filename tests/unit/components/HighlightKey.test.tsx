// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HighlightKey } from '@/components/HighlightKey';
import { axeViolations } from './fixtures';

afterEach(cleanup);

describe('HighlightKey', () => {
  it('shows one sample per category, drawn as the page draws that category', () => {
    render(<HighlightKey />);
    const categories = screen.getByRole('list', { name: 'Categories' });
    const samples = [...categories.querySelectorAll('crosscheck-mark')];
    expect(samples.map((s) => [s.getAttribute('data-crosscheck-category'), s.textContent])).toEqual([
      ['concept', 'Concept'],
      ['law', 'Law or case'],
      ['person', 'Person'],
      ['organization', 'Organization'],
      ['place', 'Place'],
      ['figure', 'Figure'],
    ]);
  });

  it('says in words what each figure underline means, so colour is never the only signal', () => {
    render(<HighlightKey />);
    const figures = within(screen.getByRole('list', { name: 'Figures' })).getAllByRole('listitem');
    expect(
      figures.map((li) => {
        const sample = li.querySelector('crosscheck-mark')!;
        return [
          sample.getAttribute('data-crosscheck-category'),
          sample.getAttribute('data-crosscheck-verdict'),
          li.querySelector('.key-meaning')!.textContent,
        ];
      }),
    ).toEqual([
      ['figure', 'matches', 'Solid underline: matches what the sources state'],
      ['figure', 'differs', 'Dashed underline: differs from what the sources state'],
      ['figure', 'unsourced', 'Dotted underline: no source in the knowledge base states it'],
    ]);
  });

  it('has no axe violations', async () => {
    const { container } = render(<HighlightKey />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
