import { render } from 'preact';
import { Popup, withLabels, type LabelledSummary } from '@/components/Popup';
import '@/components/ui.css';
// The highlight samples (key, category names) are drawn by the page's own highlight styles.
import '@/entrypoints/page-tools/highlights.css';
import { kbIndex } from '@/lib/kb/index-data';
import { liveQuery } from 'dexie';
import type { PopupMySources } from '@/components/Popup';
import { isPageSummary, isSaveReply, type MySourcesRequest, type TabRequest } from '@/lib/services/messages';
import { MySourcesDatabase } from '@/lib/my-sources/db';
import { readerMessage } from '@/lib/my-sources/errors';
import { TRACKED_ID_PREFIX } from '@/lib/my-sources/types';
import { seenBefore } from '@/lib/my-sources/seen-before';
import { withCategory, withSitePaused, withTrackedSite, type Settings } from '@/lib/settings/schema';
import { loadSettings, saveSettings, takeSettingsNotice } from '@/lib/settings/store';

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

async function ask(tabId: number | undefined, request: TabRequest): Promise<LabelledSummary | null> {
  if (tabId === undefined) return null;
  const reply: unknown = await browser.tabs.sendMessage(tabId, request).catch(() => null);
  return isPageSummary(reply) ? withLabels(reply, (id) => labels.get(id) ?? trackedLabels.get(id)) : null;
}

const db = new MySourcesDatabase();
// No IndexedDB (some private windows): tracked terms found on the page are then left out of the list.
for (const term of await db.tracked.toArray().catch(() => []))
  trackedLabels.set(`${TRACKED_ID_PREFIX}${term.id}`, term.label);

const root = document.getElementById('app')!;
const tabId = await currentTabId();
let settings = await loadSettings();
let summary = await ask(tabId, { type: 'crosscheck:page-summary' });
const notice = await takeSettingsNotice();

// The address the page's article would be saved under (null without an article): whether it is
// saved, and which saved articles discuss its entries, followed live from the database.
const address: unknown =
  tabId === undefined
    ? null
    : await browser.tabs
        .sendMessage(tabId, { type: 'crosscheck:saved-address' } satisfies TabRequest)
        .catch(() => null);
const pageUrl = typeof address === 'string' ? address : null;
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
  const reply: unknown = await browser.runtime
    .sendMessage({ type: 'crosscheck:save-tab', tabId } satisfies MySourcesRequest)
    .catch((error: unknown) => ({ ok: false, problem: readerMessage(error, 'save this article') }));
  const outcome = !isSaveReply(reply)
    ? { ok: false, message: 'Crosscheck could not save this article.' }
    : reply.ok
      ? { ok: true, message: reply.updated ? 'Updated in your sources.' : 'Added to your sources.' }
      : { ok: false, message: reply.problem };
  mySources = { ...mySources, saving: false, outcome };
  draw();
}

async function refresh(): Promise<void> {
  summary = await ask(tabId, { type: 'crosscheck:page-summary' });
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
        if (tabId !== undefined) void browser.tabs.sendMessage(tabId, { type: 'crosscheck:reveal', id });
      }}
      onAnnotatePage={async () => {
        summary = await ask(tabId, { type: 'crosscheck:annotate-page' });
        draw();
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      trackedTerms={trackedLabels.size}
      onShowTrackedHere={async () => {
        summary = await ask(tabId, { type: 'crosscheck:show-tracked' });
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
