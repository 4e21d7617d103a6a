// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { speak } from '../../harness/catalogue';
import { FigureFacts } from '@/components/FigureFacts';
import { parseFigure } from '@/lib/figures/number-parser';
import { judgeFigure, type StatedValue } from '@/lib/figures/verdict';
import type { PageFigure } from '@/lib/matching/page-matcher';
import type { FigureFacts as Facts, SourceRecord } from '@/lib/kb/types';

afterEach(cleanup);

const source: SourceRecord = {
  id: 'gazette',
  file: '900.txt',
  title: 'Compact watch',
  author: 'Dana Whitfield',
  outlet: 'The Valley Gazette',
  date: '2026-03-02',
  dateNote: null,
  url: null,
  language: 'en',
  kind: null,
};

const statedText = '209 electoral votes';
const parsed = parseFigure(statedText)!;
const stated: StatedValue = { source: 'gazette', ...parsed, text: statedText };
const facts: Facts = {
  unit: parsed.unit,
  asOf: null,
  status: 'single source',
  ratioOf: null,
  derived: null,
  statements: [{ ...stated, start: 0, end: statedText.length, quotes: null, credit: null }],
};

function pageFigure(text: string, linkedBy: PageFigure['linkedBy'], alsoFits: string[] = []): PageFigure {
  const figure = parseFigure(text)!;
  const verdict = alsoFits.length === 0 ? judgeFigure(figure, [stated]) : null;
  return { text, value: figure.value, verdict, linkedBy, alsoFits, statedBy: null };
}

describe('FigureFacts: how the page figure was linked', () => {
  it.each<[string, PageFigure, string | null, string, string]>([
    [
      'linked by its own sentence: no extra line',
      pageFigure('209 electoral votes', 'sentence'),
      null,
      'Matches: the sources state 209 electoral votes (Dana Whitfield, 2026-03-02).',
      'verdict-matches',
    ],
    [
      'linked by the sentence before, one claim: verdict, and the weaker link said',
      pageFigure('196 electoral votes', 'previous-sentence'),
      'Linked by the sentence before.',
      'Differs: the sources state 209 electoral votes, 6.6% more (Dana Whitfield, 2026-03-02).',
      'verdict-differs',
    ],
    [
      'two claims through the sentence before: no verdict',
      pageFigure('209 electoral votes', 'previous-sentence', ['Electoral votes of the swing states']),
      'Linked by the sentence before, which could also make it about: Electoral votes of the swing states.',
      'No verdict: this number may belong to another claim.',
      'verdict-none',
    ],
    [
      'the page is the only source’s own statement: no verdict, said plainly',
      { ...pageFigure('209 electoral votes', 'sentence'), verdict: null, statedBy: source.id },
      null,
      'Stated only by this article: this sentence is Dana Whitfield’s own statement, and no other source in the knowledge base states it.',
      'verdict-none',
    ],
  ])('%s', (_name, figure, linkLine, verdictLine, verdictClass) => {
    render(<FigureFacts facts={facts} sources={[source]} pageFigure={figure} />);
    expect(document.querySelector('.linked-by')?.textContent ?? null).toBe(linkLine);
    expect(document.querySelector('.page-figure .verdict')!.textContent).toBe(verdictLine);
    expect(document.querySelector('.page-figure')!.classList.contains(verdictClass)).toBe(true);
  });
});

describe('FigureFacts in the reader’s notation', () => {
  const usdText = '$76 billion';
  const usd = parseFigure(usdText)!;
  const usdFacts: Facts = {
    ...facts,
    unit: usd.unit,
    statements: [
      { ...usd, source: 'gazette', text: usdText, start: 0, end: usdText.length, quotes: null, credit: null },
    ],
  };
  const onPage: PageFigure = {
    text: usdText,
    value: usd.value,
    verdict: null,
    linkedBy: 'sentence',
    alsoFits: [],
    statedBy: null,
  };
  afterEach(() => speak(fakeBrowser, 'en'));

  it.each([
    ['en', 0, null],
    ['zh_CN', 2, '760亿美元'],
  ] as const)('a reader of %s sees the amount said again %i times in their notation', (locale, times, said) => {
    speak(fakeBrowser, locale);
    const { container } = render(<FigureFacts facts={usdFacts} sources={[source]} pageFigure={onPage} />);
    const notes = [...container.querySelectorAll('.reader-notation')].map((n) => n.textContent ?? '');
    expect(notes).toHaveLength(times);
    for (const note of notes) expect(note).toContain(said);
    // What the page and the source wrote stays as written.
    expect(container.querySelectorAll('strong')[0]?.textContent).toBe(usdText);
  });
});
