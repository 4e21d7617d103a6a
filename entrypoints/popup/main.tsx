import { render } from 'preact';
import { Popup, withLabels, type LabelledSummary } from '@/components/Popup';
import '@/components/ui.css';
// The highlight samples (key, category names) are drawn by the page's own highlight styles.
import '@/entrypoints/content/highlights.css';
import { kbIndex } from '@/lib/kb/index-data';
import { isPageSummary, type TabRequest } from '@/lib/messages';
import { withCategory, withSitePaused, type Settings } from '@/lib/settings/schema';
import { loadSettings, saveSettings, takeSettingsNotice } from '@/lib/settings/store';

/** The tab the popup speaks for: the active one, or `?tab=ID` when the popup is opened as a page. */
async function currentTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The knowledge base's labels: the page knows its entries by id only. */
const labels = new Map([...kbIndex.entries, ...kbIndex.figures].map(({ id, label }) => [id, label]));

async function ask(tabId: number | undefined, request: TabRequest): Promise<LabelledSummary | null> {
  if (tabId === undefined) return null;
  const reply: unknown = await browser.tabs.sendMessage(tabId, request).catch(() => null);
  return isPageSummary(reply) ? withLabels(reply, (id) => labels.get(id)) : null;
}

const root = document.getElementById('app')!;
const tabId = await currentTabId();
let settings = await loadSettings();
let summary = await ask(tabId, { type: 'crosscheck:page-summary' });
const notice = await takeSettingsNotice();

async function refresh(): Promise<void> {
  summary = await ask(tabId, { type: 'crosscheck:page-summary' });
  draw();
}

function update(next: Settings): void {
  settings = next;
  void saveSettings(next).then(async () => {
    // The page applies the change itself (it watches the settings); ask again for fresh counts,
    // and again while a pass it starts now (switched on, resumed) has had time to finish.
    await refresh();
    for (const delay of [300, 1000, 2500, 5000]) setTimeout(() => void refresh(), delay);
  });
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
    />,
    root,
  );
}

draw();
