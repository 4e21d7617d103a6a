import { render } from 'preact';
import { Popup, withLabels, type LabelledSummary } from '@/components/Popup';
import '@/components/ui.css';
// The highlight samples (key, category names) are drawn by the page's own highlight styles.
import '@/entrypoints/page-tools/highlights.css';
import { kbIndex } from '@/lib/kb/index-data';
import { liveQuery } from 'dexie';
import type { PopupMySources } from '@/components/Popup';
import { BACKGROUND, sender, TAB, UnexpectedReply } from '@/lib/services/messages';
import { MySourcesDatabase } from '@/lib/my-sources/db';
import { readerMessage } from '@/lib/my-sources/errors';
import { TRACKED_ID_PREFIX } from '@/lib/my-sources/types';
import { seenBefore } from '@/lib/my-sources/seen-before';
import { withCategory, withSitePaused, withTrackedSite, type Settings } from '@/lib/settings/schema';
import { loadSettings, saveSettings, takeSettingsNotice } from '@/lib/settings/store';
import { localisePage, t } from '@/lib/i18n';

localisePage(t('extension.name'));

/** The tab the popup speaks for: the active one, or `?tab=ID` when the popup is opened as a page. */
async function currentTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The knowledge base's labels, and the reader's tracked terms': the page knows its entries by id only. */
const labels = new Map([...kbIndex.entries, ...kbIndex.figures].map(({ id, label }) => [id, label]));
const trackedLabels = new Map<string, string>();

const toBackground = sender(BACKGROUND, (request) => browser.runtime.sendMessage(request));
const toTab = (tabId: number) => sender(TAB, (request) => browser.tabs.sendMessage(tabId, request));

/** Asks the page for its summary (null when it does not answer: no content script, or an old one). */
async function ask(
  tabId: number | undefined,
  type: 'crosscheck:page-summary' | 'crosscheck:annotate-page' | 'crosscheck:show-tracked',
): Promise<LabelledSummary | null> {
  if (tabId === undefined) return null;
  const reply = await toTab(tabId)(type).catch(() => null);
  return reply && withLabels(reply, (id) => labels.get(id) ?? trackedLabels.get(id));
}

const db = new MySourcesDatabase();
// No IndexedDB (some private windows): tracked terms found on the page are then left out of the list.
for (const term of await db.tracked.toArray().catch(() => []))
  trackedLabels.set(`${TRACKED_ID_PREFIX}${term.id}`, term.label);

const root = document.getElementById('app')!;
const tabId = await currentTabId();
let settings = await loadSettings();
let summary = await ask(tabId, 'crosscheck:page-summary');
const notice = await takeSettingsNotice();

// The address the page's article would be saved under (null without an article): whether it is
// saved, and which saved articles discuss its entries, followed live from the database.
const pageUrl = tabId === undefined ? null : await toTab(tabId)('crosscheck:saved-address').catch(() => null);
let mySources: PopupMySources | undefined = {
  saved: pageUrl === null ? null : false,
  outcome: null,
  saving: false,
  seenBefore: null,
  onSave: () => void save(),
};
let entryIds = '';
let watching: { unsubscribe(): void } | null = null;

/** (Re)starts the live view when the page's entries change (the popup asks the page several times). */
function watchMySources(): void {
  const ids = (summary?.entries ?? []).map((e) => e.id);
  if (ids.join('\n') === entryIds && watching) return;
  entryIds = ids.join('\n');
  watching?.unsubscribe();
  watching = liveQuery(async () => ({
    saved: pageUrl === null ? null : (await db.articles.where('url').equals(pageUrl).count()) > 0,
    seen: await seenBefore(db, ids, pageUrl),
  })).subscribe({
    next: ({ saved, seen }) => {
      if (mySources) mySources = { ...mySources, saved, seenBefore: seen };
      draw();
    },
    // No IndexedDB here (some private windows): the popup goes on without the reader's sources.
    error: () => {
      mySources = undefined;
      draw();
    },
  });
}

async function save(): Promise<void> {
  if (!mySources || tabId === undefined) return;
  mySources = { ...mySources, saving: true };
  draw();
  const reply = await toBackground('crosscheck:save-tab', { tabId }).catch(
    (error: unknown) =>
      ({
        ok: false,
        problem: error instanceof UnexpectedReply ? t('save.failed') : readerMessage(error, 'saveArticle'),
      }) as const,
  );
  const outcome = reply.ok
    ? { ok: true, message: t(reply.updated ? 'save.updated' : 'save.added') }
    : { ok: false, message: reply.problem };
  mySources = { ...mySources, saving: false, outcome };
  draw();
}

async function refresh(): Promise<void> {
  summary = await ask(tabId, 'crosscheck:page-summary');
  draw();
}

/** Asks the page for fresh counts now, and again while a pass it starts now (switched on, resumed) has had time to finish. */
async function refreshWhilePassing(): Promise<void> {
  await refresh();
  for (const delay of [300, 1000, 2500, 5000]) setTimeout(() => void refresh(), delay);
}

function update(next: Settings): void {
  settings = next;
  // The page applies the change itself (it watches the settings).
  void saveSettings(next).then(refreshWhilePassing);
  draw();
}

function draw(): void {
  render(
    <Popup
      settings={settings}
      summary={summary}
      notice={notice}
      sourceCount={kbIndex.sourceCount}
      onEnabled={(enabled) => update({ ...settings, enabled })}
      onCategory={(category, shown) => update(withCategory(settings, category, shown))}
      onPauseSite={(site, paused) => update(withSitePaused(settings, site, paused))}
      onReveal={(id) => {
        if (tabId !== undefined) void toTab(tabId)('crosscheck:reveal', { id });
      }}
      onAnnotatePage={async () => {
        summary = await ask(tabId, 'crosscheck:annotate-page');
        draw();
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      trackedTerms={trackedLabels.size}
      onShowTrackedHere={async () => {
        summary = await ask(tabId, 'crosscheck:show-tracked');
        draw();
        void refreshWhilePassing();
      }}
      onTrackedSite={(site, allowed) => update(withTrackedSite(settings, site, allowed))}
      mySources={mySources}
    />,
    root,
  );
  watchMySources();
}

draw();
