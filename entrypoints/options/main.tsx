import { liveQuery } from 'dexie';
import { render } from 'preact';
import { MySourcesOptions, type ListedArticle, type MySourcesOptionsProps } from '@/components/MySourcesOptions';
import { Options } from '@/components/Options';
import '@/components/entry-card.css';
import '@/components/ui.css';
// The highlight samples (key, category names) are drawn by the page's own highlight styles.
import '@/entrypoints/page-tools/highlights.css';
import { kbDetails } from '@/lib/kb/details-data';
import { BACKGROUND, sender } from '@/lib/services/messages';
import { ownSourceRecord, ownSourcesFor, type OwnSources } from '@/lib/my-sources/card-data';
import { eachArticlePage, mentionsOf, MySourcesDatabase } from '@/lib/my-sources/db';
import { localisePage, t, uiLanguage } from '@/lib/i18n';
import { readerMessage, type Doing } from '@/lib/my-sources/errors';
import {
  importChanged,
  importMessage,
  type ImportWorkerReply,
  type ImportWorkerRequest,
} from '@/lib/my-sources/import';
import { exportPack } from '@/lib/my-sources/pack';
import { deleteArticle, deleteEverything } from '@/lib/my-sources/store';
import { deleteTracked, updateTracked } from '@/lib/my-sources/tracking';
import { TRACKED_ID_PREFIX } from '@/lib/my-sources/types';
import { withTrackedHighlights, withTrackedSite, type Settings } from '@/lib/settings/schema';
import { loadSettings, saveSettings, takeSettingsNotice, watchSettings } from '@/lib/settings/store';

localisePage(t('options.title'));
const root = document.getElementById('app')!;
let settings = await loadSettings();
const notice = await takeSettingsNotice();

const db = new MySourcesDatabase();
let mine: Pick<MySourcesOptionsProps, 'articles' | 'tracked' | 'storageUsed' | 'message' | 'importing'> = {
  articles: null,
  tracked: [],
  storageUsed: null,
  message: null,
  importing: null,
};

function show(next: Partial<typeof mine>): void {
  mine = { ...mine, ...next };
  draw();
}

const toBackground = sender(BACKGROUND, (request) => browser.runtime.sendMessage(request));
const tellBackground = () => void toBackground('crosscheck:my-sources-changed');

/**
 * Runs a change to the reader's sources, saying what happened (or what went wrong) in words;
 * `changesTracked`: the background is told, to recompile the tracked terms and search them.
 */
async function act(
  doing: Doing,
  change: () => Promise<string>,
  { changesTracked = false }: { readonly changesTracked?: boolean } = {},
): Promise<void> {
  try {
    const done = await change();
    if (changesTracked) tellBackground();
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
  onDelete: (id) => void act('deleteArticle', async () => (await deleteArticle(db, id), t('mySources.done.deleted'))),
  onDeleteAll: () =>
    void act('deleteSources', async () => (await deleteEverything(db), t('mySources.done.deletedEverything')), {
      changesTracked: true,
    }),
  onUpdateTracked: (term, category, aliases) =>
    void act(
      'changeTracked',
      async () => (
        await updateTracked(db, term.id!, { label: term.label, category, aliases }),
        t('mySources.done.changedTracked', { term: term.label })
      ),
      { changesTracked: true },
    ),
  onDeleteTracked: (id) =>
    void act('stopTracking', async () => (await deleteTracked(db, id), t('mySources.done.stoppedTracking')), {
      changesTracked: true,
    }),
  onExport: () =>
    void act('exportSources', async () => {
      const pack = await exportPack(db);
      download(JSON.stringify(pack));
      return t('mySources.done.exported', {
        articles: t('count.articles', { count: pack.articles.length }),
        tracked: t('count.trackedTerms', { count: pack.tracked.length }),
      });
    }),
  onImport: (file) => {
    if (importWorker) return;
    // A pack is read and written by a worker: parsing and indexing 50 MB here would freeze the page.
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    importWorker = worker;
    // Reloading every saved article after each batch would busy this page: the list waits for the end.
    watchingArticles.unsubscribe();
    const finish = (message: MySourcesOptionsProps['message'], { changed }: { changed: boolean }) => {
      worker.terminate();
      importWorker = null;
      if (changed) tellBackground();
      watchingArticles = watchArticles();
      show({ importing: null, message });
    };
    worker.onmessage = ({ data }: MessageEvent<ImportWorkerReply>) => {
      if (data.type === 'progress') {
        show({ importing: { ...data.progress, cancelling: mine.importing?.cancelling ?? false } });
      } else finish(importMessage(data.outcome), { changed: importChanged(data.outcome) });
    };
    // The worker itself failed (it should not): what it wrote stays, and the background is told.
    worker.onerror = () => finish({ ok: false, text: t('mySources.importing.crashed') }, { changed: true });
    show({ importing: { done: 0, total: null, cancelling: false }, message: null });
    worker.postMessage({ type: 'start', file, language: uiLanguage() } satisfies ImportWorkerRequest);
  },
  onCancelImport: () => {
    importWorker?.postMessage({ type: 'cancel' } satisfies ImportWorkerRequest);
    if (mine.importing) show({ importing: { ...mine.importing, cancelling: true } });
  },
};

// Live: the popup, the context menu and the background's searches change the store while this page is open.
const failed = (error: unknown) => show({ message: { ok: false, text: readerMessage(error, 'readSaved') } });
const storageUsed = async () => (await navigator.storage?.estimate?.().catch(() => null))?.usage ?? null;
// Two live queries: a tracked term's search writes mentions chunk by chunk, which must not reload
// every saved article's record each time.
const watchArticles = () =>
  liveQuery(async () => {
    const articles: ListedArticle[] = [];
    await eachArticlePage(db, 1000, (page) => {
      for (const a of page) articles.push({ ...ownSourceRecord(a), savedAt: a.savedAt });
    });
    return articles;
  }).subscribe({
    next: async (articles) => show({ articles, storageUsed: await storageUsed() }),
    error: failed,
  });
let watchingArticles = watchArticles();
let importWorker: Worker | null = null;
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
      readerLanguage={uiLanguage()}
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
