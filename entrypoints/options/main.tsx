import { liveQuery } from 'dexie';
import { render } from 'preact';
import { MySourcesOptions, type MySourcesOptionsProps } from '@/components/MySourcesOptions';
import { Options } from '@/components/Options';
import '@/components/entry-card.css';
import '@/components/ui.css';
// The highlight samples (key, category names) are drawn by the page's own highlight styles.
import '@/entrypoints/content/highlights.css';
import { kbDetails } from '@/lib/kb/details-data';
import { kbIndex } from '@/lib/kb/index-data';
import { bundledSourceTexts } from '@/lib/kb/source-texts-data';
import type { MySourcesRequest } from '@/lib/messages';
import { ownSourceRecord, ownSourcesFor, type OwnSources } from '@/lib/my-sources/card-data';
import { mentionsOf, MySourcesDatabase } from '@/lib/my-sources/db';
import { readerMessage } from '@/lib/my-sources/errors';
import { createKnowledge, trackedEntry } from '@/lib/my-sources/indexing';
import { exportPack, importPack, readPack } from '@/lib/my-sources/pack';
import { deleteArticle, deleteEverything, SavingError } from '@/lib/my-sources/store';
import { deleteTracked, updateTracked } from '@/lib/my-sources/tracking';
import { TRACKED_ID_PREFIX } from '@/lib/my-sources/types';
import { withTrackedHighlights, withTrackedSite, type Settings } from '@/lib/settings/schema';
import { loadSettings, saveSettings, takeSettingsNotice, watchSettings } from '@/lib/settings/store';

const root = document.getElementById('app')!;
let settings = await loadSettings();
const notice = await takeSettingsNotice();

const db = new MySourcesDatabase();
let mine: Pick<MySourcesOptionsProps, 'articles' | 'tracked' | 'storageUsed' | 'message'> = {
  articles: [],
  tracked: [],
  storageUsed: null,
  message: null,
};

function show(next: Partial<typeof mine>): void {
  mine = { ...mine, ...next };
  draw();
}

/** Runs a change to the reader's sources, saying what happened (or what went wrong) in words. */
async function act(doing: string, change: () => Promise<string>, tellBackground = false): Promise<void> {
  try {
    const done = await change();
    if (tellBackground)
      void browser.runtime.sendMessage({ type: 'crosscheck:my-sources-changed' } satisfies MySourcesRequest);
    show({ message: { ok: true, text: done } });
  } catch (error) {
    show({ message: { ok: false, text: readerMessage(error, doing) } });
  }
}

function download(json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `crosscheck-knowledge-pack-${new Date().toISOString().slice(0, 10)}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const handlers: Omit<
  MySourcesOptionsProps,
  keyof typeof mine | 'trackedHighlights' | 'trackedSites' | 'onTrackedHighlights' | 'onStopTrackedSite'
> = {
  onDelete: (id) => void act('delete this article', async () => (await deleteArticle(db, id), 'Deleted.')),
  onDeleteAll: () =>
    void act(
      'delete your sources',
      async () => (await deleteEverything(db), 'Every saved article and tracked term is deleted.'),
      true,
    ),
  onUpdateTracked: (term, category, aliases) =>
    void act(
      'change this tracked term',
      async () => (
        await updateTracked(db, term.id!, { label: term.label, category, aliases }),
        `“${term.label}” is changed; your saved articles are searched again.`
      ),
      true,
    ),
  onDeleteTracked: (id) =>
    void act('stop tracking this term', async () => (await deleteTracked(db, id), 'No longer tracked.'), true),
  onExport: () =>
    void act('export your sources', async () => {
      const pack = await exportPack(db);
      download(JSON.stringify(pack));
      return `Exported ${pack.articles.length} articles and ${pack.tracked.length} tracked terms.`;
    }),
  onImport: (file) =>
    void act(
      'import this knowledge pack',
      async () => {
        const read = readPack(await file.text());
        if (!read.ok) throw new SavingError(read.problem);
        const tracked = (await db.tracked.toArray()).map(trackedEntry);
        const result = await importPack(db, createKnowledge(kbIndex, bundledSourceTexts, tracked), read.pack);
        return `Imported ${result.articles} articles and ${result.tracked} tracked terms.`;
      },
      true,
    ),
};

// Live: the popup, the context menu and the background's searches change the store while this page is open.
const failed = (error: unknown) =>
  show({ message: { ok: false, text: readerMessage(error, 'read your saved articles') } });
const storageUsed = async () => (await navigator.storage?.estimate?.().catch(() => null))?.usage ?? null;
// Two live queries: a tracked term's search writes mentions chunk by chunk, which must not reload
// every saved article's record each time.
liveQuery(() => db.articles.toArray()).subscribe({
  next: async (articles) =>
    show({
      articles: articles.map((a) => ({ ...ownSourceRecord(a), savedAt: a.savedAt })),
      storageUsed: await storageUsed(),
    }),
  error: failed,
});
liveQuery(async () => {
  const tracked = await db.tracked.toArray();
  const found = await Promise.all(tracked.map((t) => mentionsOf(db, `${TRACKED_ID_PREFIX}${t.id}`).count()));
  return tracked.map((t, i) => ({ ...t, found: found[i]! }));
}).subscribe({ next: (tracked) => show({ tracked }), error: failed });

// The card shown in the knowledge-base browser lists the reader's saved articles too, live.
let ownSources: { readonly entryId: string; readonly own: OwnSources } | null = null;
let watchingEntry: { unsubscribe(): void } | null = null;
function showEntry(id: string | null): void {
  watchingEntry?.unsubscribe();
  watchingEntry = null;
  ownSources = null;
  if (id === null) return;
  watchingEntry = liveQuery(() => ownSourcesFor(db, id)).subscribe({
    next: (own) => {
      ownSources = { entryId: id, own };
      draw();
    },
    error: () => undefined, // the bundled card still shows
  });
}

function change(next: Settings): void {
  settings = next;
  draw();
  void saveSettings(next);
}

function draw(): void {
  render(
    <Options
      settings={settings}
      details={kbDetails}
      notice={notice}
      readerLanguage={document.documentElement.lang || 'en'}
      onChange={change}
      onShowEntry={showEntry}
      ownSources={ownSources}
    >
      <MySourcesOptions
        {...mine}
        {...handlers}
        trackedHighlights={settings.trackedHighlights}
        trackedSites={settings.trackedSites}
        onTrackedHighlights={(where) => change(withTrackedHighlights(settings, where))}
        onStopTrackedSite={(site) => change(withTrackedSite(settings, site, false))}
      />
    </Options>,
    root,
  );
}

// The popup may change the same settings while this page is open.
watchSettings((next) => {
  settings = next;
  draw();
});
draw();
