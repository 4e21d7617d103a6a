// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FigureCheckCard } from '@/components/FigureCheckCard';
import { FigureFacts } from '@/components/FigureFacts';
import { checkFigure } from '@/lib/matching/figure-check';
import { parseFigure } from '@/lib/figures/number-parser';
import type { StatedValue } from '@/lib/figures/verdict';
import { createPageMatcher, matchPage } from '@/lib/matching/page-matcher';
import { sentenceKey } from '@/lib/text/sentence-key';
import type { FigureFacts as Facts, IndexedFigure, SourceRecord } from '@/lib/kb/types';

afterEach(cleanup);

const record = (id: string, author: string, date: string): SourceRecord => ({
  id,
  file: `${id}.txt`,
  title: null,
  author,
  outlet: null,
  date,
  dateNote: null,
  url: null,
  language: 'en',
  kind: null,
});
const sources = [record('gazette', 'Dana Whitfield', '2026-03-02'), record('ledger', 'Sam Okafor', '2026-04-10')];

/** A source's statement of `expression`, made in `sentence`. */
function stated(source: string, expression: string, sentence: string): StatedValue {
  const { text, value, precision, approximation, unit } = parseFigure(expression)!;
  return { source, text, value, precision, approximation, unit, sentenceKeys: [sentenceKey(sentence)] };
}

const GAZETTE_SENTENCE = 'California has $76 billion in reserves.';
function claims(also: StatedValue[] = []): IndexedFigure[] {
  const reserves = stated('gazette', '$76 billion', GAZETTE_SENTENCE);
  return [
    {
      id: 'ca-reserves',
      label: "California's budget reserves",
      unit: reserves.unit,
      cues: [['California'], ['reserves']],
      stated: [reserves, ...also],
      asOf: null,
    },
    {
      id: 'ca-population',
      label: "California's population",
      unit: { kind: 'count', noun: null },
      cues: [['California'], ['population']],
      stated: [stated('gazette', 'nearly 40 million', 'California has a population of nearly 40 million.')],
      asOf: null,
    },
    {
      id: 'wy-population',
      label: "Wyoming's population",
      unit: { kind: 'count', noun: null },
      cues: [['Wyoming'], ['population']],
      stated: [stated('gazette', '580,000', 'Wyoming has a population of 580,000.')],
      asOf: null,
    },
  ];
}

/** What the highlight's card says of `selected` in `text`, and what "Check this figure" says of it. */
function bothCards(text: string, selected: string, figures: IndexedFigure[]) {
  const matcher = createPageMatcher({ entries: [], figures, sourceCount: sources.length });
  const start = text.indexOf(selected);
  const highlight = matchPage(matcher, text, new Set()).find((m) => m.start <= start && m.end > start)?.figure;
  const check = checkFigure(matcher.figures, figures, text, start, start + selected.length);
  const facts: Facts = {
    unit: figures[0]!.unit,
    asOf: null,
    status: 'agrees',
    ratioOf: null,
    derived: null,
    statements: [],
  };
  const say = (container: ParentNode) => ({
    linkedBy: container.querySelector('.linked-by')?.textContent ?? null,
    line: container.querySelector('.page-figure .verdict')?.textContent ?? null,
  });
  const card = render(<FigureFacts facts={facts} sources={sources} pageFigure={highlight ?? null} />).container;
  const checked = render(
    <FigureCheckCard
      check={check}
      sources={sources}
      headingId="h"
      onClose={() => undefined}
      onOpenEntry={() => undefined}
    />,
  ).container;
  return {
    highlight: { verdict: highlight?.verdict?.verdict ?? null, ...say(card) },
    check: { verdict: checked.querySelector('.card')!.getAttribute('data-crosscheck-verdict'), ...say(checked) },
  };
}

describe('one answer per figure: the highlight’s card and "Check this figure" say the same', () => {
  it.each<[string, string, string, StatedValue[], string | null, string | null, string]>([
    [
      'on the page of the only source that states it: the article is its own source, not a match',
      GAZETTE_SENTENCE,
      '$76 billion',
      [],
      null,
      null,
      'Stated only by this article: this sentence is Dana Whitfield’s own statement, and no other source in the knowledge base states it.',
    ],
    [
      'on a source’s own page, with another source stating it: judged by the other alone',
      GAZETTE_SENTENCE,
      '$76 billion',
      [stated('ledger', '$80 billion', 'California holds $80 billion in reserves.')],
      'differs',
      null,
      'Differs: the sources state $80 billion, 5.3% more (Sam Okafor, 2026-04-10).',
    ],
    [
      'on another page, the same value',
      'Officials say California has $76 billion in reserves.',
      '76 billion',
      [],
      'matches',
      null,
      'Matches: the sources state $76 billion (Dana Whitfield, 2026-03-02).',
    ],
    [
      'a changed value',
      'California has $75 billion in reserves.',
      '$75 billion',
      [],
      'differs',
      null,
      'Differs: the sources state $76 billion, 1.3% more (Dana Whitfield, 2026-03-02).',
    ],
    [
      'linked by the sentence before',
      'California closed its budget gap. It leaves $41 billion in reserves.',
      '$41 billion',
      [],
      'differs',
      'Linked by the sentence before.',
      'Differs: the sources state $76 billion, 85% more (Dana Whitfield, 2026-03-02).',
    ],
    [
      'two claims fit through the sentence before: no verdict',
      'California and Wyoming both grew. The population rose to nearly 40 million.',
      'nearly 40 million',
      [],
      null,
      "Linked by the sentence before, which could also make it about: California's population.",
      'No verdict: this number may belong to another claim.',
    ],
  ])('%s', (_name, text, selected, also, verdict, linkedBy, says) => {
    const { highlight, check } = bothCards(text, selected, claims(also));
    expect(highlight).toEqual({ verdict, linkedBy, line: says });
    expect(check).toEqual(highlight);
  });
});

describe('"Check this figure" on what is not a figure', () => {
  const figures = claims();
  const matcher = createPageMatcher({ entries: [], figures, sourceCount: sources.length });
  it.each<[string, string, string, string]>([
    ['nothing selected', 'The governors met.', '', 'Nothing is selected. Select a number in the article'],
    ['no number', 'The governors met.', 'governors', 'The selection holds no number Crosscheck can read.'],
    [
      'a year and a time',
      'The strike began in 1919 and the calls start at 8 AM.',
      '1919 and the calls start at 8 AM',
      '1919 reads as a year and 8 AM as a time; Crosscheck checks amounts, counts and shares.',
    ],
    [
      'a year alone',
      'The strike began in 1919.',
      '1919',
      '1919 reads as a year; Crosscheck checks amounts, counts and shares.',
    ],
    [
      'a date, read in its sentence though only its day is selected',
      'The calls began on August 18, 2025.',
      '18',
      'August 18, 2025 reads as a date; Crosscheck checks amounts, counts and shares.',
    ],
    [
      'a name with a number in it',
      'COVID-19 closed the statehouse.',
      'COVID-19',
      'COVID-19 reads as part of a name or code; Crosscheck checks amounts, counts and shares.',
    ],
  ])('%s', (_name, text, selected, says) => {
    const start = selected === '' ? 0 : text.indexOf(selected);
    const check = checkFigure(matcher.figures, figures, text, start, start + selected.length);
    render(
      <FigureCheckCard
        check={check}
        sources={sources}
        headingId="h"
        onClose={() => undefined}
        onOpenEntry={() => undefined}
      />,
    );
    expect(document.getElementById('h-summary')!.textContent).toContain(says);
  });

  it('a number no claim takes: no verdict, only what the sources state for claims sharing its words', () => {
    const text = 'Texas has $76 billion in reserves.';
    const start = text.indexOf('$76 billion');
    const check = checkFigure(matcher.figures, figures, text, start, start + '$76 billion'.length);
    render(
      <FigureCheckCard
        check={check}
        sources={sources}
        headingId="h"
        onClose={() => undefined}
        onOpenEntry={() => undefined}
      />,
    );
    expect(check.verdict).toBe('unsourced');
    expect(document.querySelector('.verdict')!.textContent).toMatch(
      /^No source in the knowledge base states this figure for what its sentence is about/,
    );
    expect(document.querySelector('.statements li')!.textContent!.trim()).toBe(
      "California's budget reserves — the sources state $76 billion",
    );
  });
});
