import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, readSettings, type ReadSettings, type Settings, type SettingsProblem } from './schema';

/**
 * Reading and writing the reader's settings in extension storage (synced where the browser can),
 * repaired when stored by an older version, with a one-time notice when what was stored could not be used.
 */

/** Storage keys: settings sync across the reader's browsers; the one-time notice is per browser. */
export const SETTINGS_KEY = 'settings';
export const NOTICE_KEY = 'settingsNotice';

/** Sync where the browser has it, local storage otherwise. */
function settingsArea() {
  return browser.storage.sync ?? browser.storage.local;
}

/** What is stored, read as settings; null when the storage cannot be read. */
async function readStored(): Promise<ReadSettings | null> {
  try {
    return readSettings((await settingsArea().get(SETTINGS_KEY))[SETTINGS_KEY]);
  } catch {
    return null;
  }
}

/** Loads the settings, repairing what is stored when it was old or unreadable. Never throws. */
export async function loadSettings(): Promise<Settings> {
  const read = await readStored();
  if (!read) return DEFAULT_SETTINGS;
  const { settings, problem, rewrite } = read;
  if (rewrite) await saveSettings(settings);
  if (problem) await noteProblem(problem);
  return settings;
}

/**
 * The settings as stored, read and never written: for a script that only needs to know them while
 * the content script's loadSettings repairs what needs it. Never throws.
 */
export async function peekSettings(): Promise<Settings> {
  return (await readStored())?.settings ?? DEFAULT_SETTINGS;
}

export async function saveSettings(settings: Settings): Promise<void> {
  try {
    await settingsArea().set({ [SETTINGS_KEY]: settings });
  } catch {
    // Sync quota or a locked profile: the change applies in this tab only. Nothing to crash on.
  }
}

async function noteProblem(problem: SettingsProblem): Promise<void> {
  await browser.storage.local.set({ [NOTICE_KEY]: { problem, shown: false } });
}

/** The notice to show the reader once (in the popup or options page), then forget. */
export async function takeSettingsNotice(): Promise<SettingsProblem | null> {
  const notice = (await browser.storage.local.get(NOTICE_KEY))[NOTICE_KEY] as
    { problem?: SettingsProblem; shown?: boolean } | undefined;
  if (!notice || notice.shown || !notice.problem) return null;
  await browser.storage.local.set({ [NOTICE_KEY]: { ...notice, shown: true } });
  return notice.problem;
}

/** Calls `listener` with the new settings whenever another part of Crosscheck saves them. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'sync' && area !== 'local') return;
    const change = changes[SETTINGS_KEY];
    if (change) listener(readSettings(change.newValue).settings);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
