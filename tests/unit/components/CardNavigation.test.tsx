// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntryCard } from '@/components/EntryCard';
import type { EntryDetails } from '@/lib/kb/types';

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
        uiLanguage="en"
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
