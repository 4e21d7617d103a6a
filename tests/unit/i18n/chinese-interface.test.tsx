// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import type { VNode } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntryCard } from '@/components/EntryCard';
import { FigureCheckCard } from '@/components/FigureCheckCard';
import { MySourcesOptions, type ListedArticle } from '@/components/MySourcesOptions';
import { Options } from '@/components/Options';
import { Popup, type PopupProps } from '@/components/Popup';
import { TrackForm, type TrackState } from '@/components/TrackForm';
import type { FigureCheck } from '@/lib/matching/figure-check';
import { parseFigure } from '@/lib/figures/number-parser';
import { judgeFigure } from '@/lib/figures/verdict';
import { kbDetails } from '@/lib/kb/details-data';
import { kbIndex } from '@/lib/kb/index-data';
import { DEFAULT_SETTINGS, withSitePaused, type Settings } from '@/lib/settings/schema';
import { popupProps } from '../components/fixtures';
import { speak, type Locale } from '../../harness/catalogue';
import { dataStrings, languageCheck } from '../../harness/languages';

// Every component in Chinese says nothing in English, and in English nothing in Chinese, but what
// the data says (the knowledge base's names, summaries and excerpts; a page's or a saved article's
// own words): what a reader sees and hears, text and the attributes read to them.

afterEach(() => {
  cleanup();
  speak(fakeBrowser, 'en');
});

/** What is read to a reader besides the text. */
const HEARD = ['aria-label', 'aria-description', 'title', 'placeholder', 'alt'];

/** Elements that run on inside a line of text (a marked mention, an isolated name); the others break it. */
const INLINE = new Set(['MARK', 'BDI', 'STRONG']);

/** The text of `node`, a line break where one element ends and another begins (happy-dom lays nothing out). */
function text(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  const inner = [...node.childNodes].map(text).join('');
  return node instanceof Element && !INLINE.has(node.tagName) ? `\n${inner}\n` : inner;
}

function seen(container: Element): string {
  const attributes = [...container.querySelectorAll('*')].flatMap((element) =>
    HEARD.map((name) => element.getAttribute(name) ?? ''),
  );
  return [text(container), ...attributes].join('\n');
}

const article: ListedArticle = {
  id: 1,
  url: 'https://reuters.example/a',
  title: 'Governors meet',
  author: null,
  site: 'Reuters',
  published: '2025-06-02T10:00:00Z',
  savedAt: 1,
};

/** What the fixtures below say as data (names, titles, sites), besides the knowledge base's. */
const FIXTURE_DATA = [
  'news.example.com',
  'example.com',
  'Governors meet',
  'Reuters',
  'Jo',
  '2025-06-02',
  'water agreement',
  'the compact',
  'Soft secession',
  'https://reuters.example/a',
  '$75 billion',
  '1919',
  '8 AM',
  '76',
];
const CHECK = languageCheck(dataStrings([kbDetails, FIXTURE_DATA]));

const summary = {
  site: 'news.example.com',
  active: true,
  scope: 'article' as const,
  trackedShown: false,
  entries: [
    { id: 'soft-secession', label: 'Soft secession', category: 'concept' as const, count: 2 },
    { id: 'gavin-newsom', label: 'Gavin Newsom', category: 'person' as const, count: 1 },
    { id: 'tracked-1', label: 'water agreement', category: 'concept' as const, count: 1 },
  ],
};

function popup(overrides: Partial<PopupProps> = {}): VNode {
  return (
    <Popup
      {...popupProps({ summary, notice: 'corrupt', trackedTerms: 1 })}
      mySources={{
        saved: true,
        outcome: { ok: false, message: '—' },
        saving: false,
        seenBefore: { entries: 2, articleCount: 1, articles: [{ ...article, shared: 2 }] },
        onSave: vi.fn(),
      }}
      {...overrides}
    />
  );
}

const settings = (changes: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...changes });
const track = (state: TrackState) => (
  <TrackForm
    initialLabel="water agreement"
    state={state}
    trackedHighlights="allowed-sites"
    onTrack={vi.fn()}
    onClose={vi.fn()}
  />
);

const reserves = kbIndex.figures.find((figure) => figure.id === 'california-budget-reserves')!;
const figure = parseFigure('$75 billion')!;
const pageFigure = {
  text: '$75 billion',
  value: figure.value,
  verdict: judgeFigure(figure, reserves.stated),
  linkedBy: 'sentence' as const,
  alsoFits: [],
  statedBy: null,
};
const check = (changes: Partial<FigureCheck>): FigureCheck => ({
  selection: '$75 billion',
  figure: null,
  notFigures: [],
  linked: null,
  candidates: [],
  verdict: null,
  ...changes,
});

const VIEWS: [string, () => VNode][] = [
  ['the popup on an article', () => popup()],
  ['the popup, switched off', () => popup({ settings: settings({ enabled: false }) })],
  ['the popup, paused', () => popup({ settings: withSitePaused(DEFAULT_SETTINGS, 'example.com', true) })],
  ['the popup, where it cannot run', () => popup({ summary: null })],
  ['the popup, no article', () => popup({ summary: { ...summary, scope: 'none' } })],
  ['the popup, tracked terms shown', () => popup({ summary: { ...summary, trackedShown: true } })],
  ['the track form', () => track({ kind: 'form', problem: null })],
  ['the track form, searching', () => track({ kind: 'searching', label: 'water agreement', searched: 3, total: 20 })],
  ['the track form, done', () => track({ kind: 'done', label: 'water agreement', found: 1, total: 20 })],
  [
    'the reader’s sources on the options page',
    () => (
      <MySourcesOptions
        articles={[article, { ...article, id: 2, title: null, author: 'Jo', site: null, published: null }]}
        tracked={[
          {
            id: 1,
            label: 'water agreement',
            category: 'concept',
            aliases: ['the compact'],
            createdAt: 1,
            search: null,
            found: 1,
          },
        ]}
        storageUsed={12_345_678}
        message={{ ok: true, text: '—' }}
        onDelete={vi.fn()}
        onDeleteAll={vi.fn()}
        onUpdateTracked={vi.fn()}
        onDeleteTracked={vi.fn()}
        onExport={vi.fn()}
        onImport={vi.fn()}
        trackedHighlights="allowed-sites"
        trackedSites={['example.com']}
        onTrackedHighlights={vi.fn()}
        onStopTrackedSite={vi.fn()}
        importing={{ done: 500, total: 2000, cancelling: false }}
        onCancelImport={vi.fn()}
      />
    ),
  ],
  ['check this figure, nothing selected', () => <FigureCheckCard {...figureCheck(check({ selection: '' }))} />],
  [
    'check this figure, not a figure',
    () => (
      <FigureCheckCard
        {...figureCheck(
          check({
            notFigures: [
              { start: 0, end: 4, text: '1919', reading: 'year' },
              { start: 8, end: 12, text: '8 AM', reading: 'time' },
            ],
          }),
        )}
      />
    ),
  ],
  [
    'check this figure, linked',
    () => <FigureCheckCard {...figureCheck(check({ figure, linked: { claim: reserves, pageFigure } }))} />,
  ],
  [
    'check this figure, unlinked',
    () => (
      <FigureCheckCard
        {...figureCheck(
          check({ figure, candidates: [{ claim: reserves, cuesNamed: 1, nearest: reserves.stated[0]! }] }),
        )}
      />
    ),
  ],
];

function figureCheck(value: FigureCheck) {
  return { check: value, sources: kbDetails.sources, headingId: 'h', onClose: vi.fn(), onOpenEntry: vi.fn() };
}

const card = (id: string) => (
  <EntryCard
    entry={kbDetails.entries[id]!}
    sources={kbDetails.sources}
    corpusSize={kbDetails.sources.length}
    readerLanguage="zh-CN"
    uiLanguage="zh-CN"
    headingId="h"
    onClose={vi.fn()}
    onOpenEntry={vi.fn()}
    onBack={{ label: 'Soft secession', go: vi.fn() }}
    pageFigure={kbDetails.entries[id]!.figure ? pageFigure : null}
  />
);

describe.each<[Locale, (text: string) => string[]]>([
  ['zh_CN', CHECK.latinWords],
  ['en', CHECK.chinese],
])('in %s', (locale, foreign) => {
  beforeEach(() => speak(fakeBrowser, locale));

  it.each(VIEWS)('%s says nothing in another language', (_name, view) => {
    expect(foreign(seen(render(view()).container))).toEqual([]);
  });

  it('the options page, with an entry’s card open, says nothing in another language', () => {
    const { container } = render(
      <Options
        settings={withSitePaused(DEFAULT_SETTINGS, 'example.com', true)}
        details={kbDetails}
        notice="from-the-future"
        onChange={vi.fn()}
      />,
    );
    fireEvent.click(container.querySelector('button[data-entry="soft-secession"]')!);
    expect(container.querySelector('.kb-entry h2')).not.toBeNull();
    expect(foreign(seen(container))).toEqual([]);
  });

  it('every entry’s card says nothing in another language, all its excerpts shown', () => {
    const said = Object.keys(kbDetails.entries).flatMap((id) => {
      const { container } = render(card(id));
      container.querySelector<HTMLButtonElement>('button.more')?.click();
      const words = foreign(seen(container));
      cleanup();
      return words.map((word) => `${id}: ${word}`);
    });
    expect(said).toEqual([]);
  });
});
