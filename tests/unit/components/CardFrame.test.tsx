// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardFrame } from '@/components/CardFrame';
import { NOTICE_CARD_SIZE, PRIVATE_CARD_SIZE, type CardContent, type FromCard, type ToCard } from '@/lib/card/protocol';
import { parseFigure } from '@/lib/figures/number-parser';
import { judgeFigure } from '@/lib/figures/verdict';
import type { EntryDetails, IndexedFigure, SourceRecord } from '@/lib/kb/types';
import type { EntryResponse } from '@/lib/my-sources/entry';
import type { OwnSources } from '@/lib/my-sources/card-data';

afterEach(cleanup);

const entry = (id: string, label: string): EntryDetails => ({
  id,
  category: 'organization',
  label,
  summary: 'A state-owned bank.',
  summaryZh: '一家州有银行。',
  related: [],
  roles: [],
  excerpts: [],
  agreement: { sources: [], independent: [] },
  figure: null,
});
const own: OwnSources = {
  savedCount: 2,
  mentioning: [1],
  independent: [1],
  excerpts: [],
  statements: [],
  articles: [],
} as unknown as OwnSources;

/** The frame with a fake content script: what it was told, in order, and when the library was asked. */
function frame(uiLanguage = 'en') {
  const log: string[] = [];
  let listener: ((message: ToCard) => void) | undefined;
  const post = (message: FromCard) =>
    log.push(message.type === 'crosscheck-card:size' ? `size ${message.seq}` : message.type);
  const loadEntry = vi.fn(async (id: string): Promise<EntryResponse> => ({
    entry: entry(id, 'Bank of North Dakota'),
    sources: [],
    corpusSize: 5,
  }));
  const loadOwn = vi.fn(async (id: string): Promise<EntryResponse> => {
    log.push(`own ${id}`);
    return {
      entry: entry(id, id.startsWith('tracked-') ? 'water compact' : 'Bank of North Dakota'),
      sources: [],
      corpusSize: 5,
      own,
    };
  });
  render(
    <CardFrame
      subscribe={(l) => ((listener = l), () => undefined)}
      post={post}
      loadEntry={loadEntry}
      loadOwn={loadOwn}
      uiLanguage={uiLanguage}
    />,
  );
  let seq = 0;
  const show = (content: CardContent) =>
    act(() =>
      listener!({
        type: 'crosscheck-card:show',
        seq: ++seq,
        content,
        readerLanguage: 'en',
        focus: false,
        maxWidth: 416,
      }),
    );
  const hide = () => act(() => listener!({ type: 'crosscheck-card:hide' }));
  return { log, show, hide, loadEntry, loadOwn, posted: post };
}

const bank: CardContent = { kind: 'entry', entryId: 'bank-of-north-dakota', figure: null };

describe('the card frame', () => {
  it.each([
    ['zh-CN', '一家州有银行。'],
    ['en-US', 'A state-owned bank.'],
  ])('shows a reader whose browser speaks %s the summary in their language', async (uiLanguage, summary) => {
    const { show } = frame(uiLanguage);
    await show(bank);
    expect((await screen.findByText(summary)).id).toBe('crosscheck-card-heading-summary');
  });

  it('tells its size before it asks for anything of the reader’s library, every time a card is shown', async () => {
    const { log, show, hide } = frame();
    await show(bank);
    await screen
      .findByText('Named in 2 of 5 sources and 1 of your 2 saved articles · 1 independent', { exact: false })
      .catch(() => undefined);
    await act(async () => undefined);
    await hide();
    await show(bank);
    await act(async () => undefined);
    expect(log).toEqual(['size 1', 'own bank-of-north-dakota', 'size 2', 'own bank-of-north-dakota']);
  });

  it.each<[string, CardContent, { width: number; height: number }]>([
    ['a tracked term', { kind: 'entry', entryId: 'tracked-4', figure: null }, PRIVATE_CARD_SIZE],
    ['a notice', { kind: 'notice', message: 'Updated in your sources.' }, NOTICE_CARD_SIZE],
  ])('gives %s a fixed size, whatever it says', async (_name, content, size) => {
    const sizes: FromCard[] = [];
    let listener: ((message: ToCard) => void) | undefined;
    render(
      <CardFrame
        subscribe={(l) => ((listener = l), () => undefined)}
        post={(message) => sizes.push(message)}
        loadEntry={() => Promise.reject(new Error('a tracked term is not in the knowledge base'))}
        loadOwn={async (id) => ({ entry: entry(id, 'water compact'), sources: [], corpusSize: 5, own })}
        uiLanguage="en"
      />,
    );
    await act(() =>
      listener!({ type: 'crosscheck-card:show', seq: 7, content, readerLanguage: 'en', focus: false, maxWidth: 416 }),
    );
    await act(async () => undefined);
    expect(sizes.filter((m) => m.type === 'crosscheck-card:size')).toEqual([
      { type: 'crosscheck-card:size', seq: 7, ...size },
    ]);
  });

  it('for a checked figure linked to a claim, names who states it from the claim’s data, then tells its size', async () => {
    const gazette: SourceRecord = {
      id: 'gazette',
      file: 'gazette.txt',
      title: null,
      author: 'Dana Whitfield',
      outlet: null,
      date: '2026-03-02',
      dateNote: null,
      url: null,
      language: 'en',
      kind: null,
    };
    const stated = { ...parseFigure('$76 billion')!, source: 'gazette' };
    const claim: IndexedFigure = {
      id: 'ca-reserves',
      label: "California's budget reserves",
      unit: stated.unit,
      cues: [['California'], ['reserves']],
      stated: [stated],
      asOf: null,
    };
    const figure = parseFigure('$75 billion')!;
    const pageFigure = {
      text: figure.text,
      value: figure.value,
      verdict: judgeFigure(figure, claim.stated),
      linkedBy: 'sentence' as const,
      alsoFits: [],
      statedBy: null,
    };
    const events: string[] = [];
    let listener: ((message: ToCard) => void) | undefined;
    const loadEntry = vi.fn(async (id: string): Promise<EntryResponse> => {
      events.push(`load ${id}`);
      return { entry: entry(id, claim.label), sources: [gazette], corpusSize: 5 };
    });
    render(
      <CardFrame
        subscribe={(l) => ((listener = l), () => undefined)}
        post={(message) => events.push(message.type)}
        loadEntry={loadEntry}
        loadOwn={() => Promise.reject(new Error('not asked'))}
        uiLanguage="en"
      />,
    );
    const check = {
      selection: '$75 billion',
      figure,
      notFigures: [],
      linked: { claim, pageFigure },
      candidates: [],
      verdict: 'differs' as const,
    };
    await act(() =>
      listener!({
        type: 'crosscheck-card:show',
        seq: 3,
        content: { kind: 'check', check },
        readerLanguage: 'en',
        focus: false,
        maxWidth: 416,
      }),
    );
    await act(async () => undefined);
    expect(document.querySelector('.page-figure .verdict')!.textContent).toBe(
      'Differs: the sources state $76 billion, 1.3% more (Dana Whitfield, 2026-03-02).',
    );
    expect(events).toEqual(['load ca-reserves', 'crosscheck-card:size']);
  });
});
