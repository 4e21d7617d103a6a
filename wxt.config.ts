import { defineConfig } from 'wxt';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';

/** The pages Crosscheck runs on. */
const PAGES = ['http://*/*', 'https://*/*'];

// See README "Permissions" for why each one is here.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // The icon's one source; PNGs at 16, 32, 48 and 128 px are made from it at build time.
  autoIcons: { baseIconPath: 'components/icon/icon.svg', developmentIndicator: false },
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // The content script uses the browser's own promise-based API (Chrome MV3 and Firefox both have
    // it), not webextension-polyfill: the polyfill costs 2.6 KB of its 60 KB budget, and what it
    // adds (a promise returned from onMessage, callback APIs as promises) is not used there.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const native = resolve('node_modules/wxt/dist/browser.mjs');
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        for (const entry of alias) if (entry.find === 'wxt/browser') entry.replacement = native;
      } else if (alias) {
        (alias as Record<string, string>)['wxt/browser'] = native;
      }
    },
  },
  manifest: ({ browser }) => ({
    name: 'Crosscheck',
    description: 'Highlights what a news article names and shows what the sources say about it.',
    // `scripting` and host access: the background injects the page tools into a page that needs them
    // (the content script's matches alone do not let it inject).
    permissions: ['storage', 'contextMenus', 'unlimitedStorage', 'scripting', ...(browser === 'firefox' ? PAGES : [])],
    ...(browser !== 'firefox' && { host_permissions: PAGES }),
    // The card's frame, embedded by the content script in the pages it annotates (see README "Security").
    web_accessible_resources:
      browser === 'firefox' ? ['card.html'] : [{ resources: ['card.html'], matches: ['http://*/*', 'https://*/*'] }],
    commands: {
      'check-figure': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Check the selected figure against the sources',
      },
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Hide or show all highlights on this page',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'crosscheck@crosscheck.invalid',
          // 142: the first Firefox (desktop 140, Android 142) that knows data_collection_permissions.
          strict_min_version: '142.0',
          // Crosscheck collects nothing: no page text or usage leaves the browser.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
