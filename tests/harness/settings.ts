import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/schema';
import { SETTINGS_KEY } from '@/lib/settings/store';
import type { ExtensionBrowser } from './chromium';

/** The reader's settings a test or the benchmark changes: the defaults with these. */
export type SettingsChanges = Partial<Omit<Settings, 'version'>>;

/** Stores the reader's settings (the defaults with `changes`) from the background, as the options page would. */
export async function storeSettings(browser: ExtensionBrowser, changes: SettingsChanges): Promise<void> {
  const settings: Settings = { ...DEFAULT_SETTINGS, ...changes };
  await browser.serviceWorker.evaluate(
    ([key, value]) =>
      (
        globalThis as unknown as { chrome: { storage: { sync: { set: (items: object) => Promise<void> } } } }
      ).chrome.storage.sync.set({ [key]: value }),
    [SETTINGS_KEY, settings] as const,
  );
}
