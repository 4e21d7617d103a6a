import { defineConfig, type WxtViteConfig } from 'wxt';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';

/** The pages Crosscheck runs on. */
const PAGES = ['http://*/*', 'https://*/*'];

/** V8's compile hint for a whole script: compile every function as the script loads (see below). */
const COMPILED_ON_LOAD = '//# allFunctionsCalledOnLoad\n';

/**
 * The content script runs on every page and most of its functions run there at once (reading the
 * settings, the article finder): compiled with the script in one pass, rather than pre-parsed and
 * then parsed again on each first call, the article finder's first call no longer pays for compiling
 * itself. Added after minification, which drops comments.
 */
function compiledOnLoad(): NonNullable<WxtViteConfig['plugins']>[number] {
  return {
    name: 'crosscheck:compiled-on-load',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk') chunk.code = COMPILED_ON_LOAD + chunk.code;
    },
  };
}

// See README "Permissions and privacy" for why each one is here.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons', '@wxt-dev/i18n/module'],
  // The icon's one source; PNGs at 16, 32, 48 and 128 px are made from it at build time.
  autoIcons: { baseIconPath: 'components/icon/icon.svg', developmentIndicator: false },
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // The content script is compiled whole as it loads (compiledOnLoad), and uses the browser's own
    // promise-based API (Chrome MV3 and Firefox both have it), not webextension-polyfill: the
    // polyfill costs 2.6 KB gzipped of its 12 KB budget, and what it adds (a promise returned from
    // onMessage, callback APIs as promises) is not used there.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      config.plugins = [...(config.plugins ?? []), compiledOnLoad()];
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
    // The browser's UI language picks the words (locales/*.yml; English where a message is missing).
    default_locale: 'en',
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    // `scripting` and host access: the background injects the page tools into a page that needs them
    // (the content script's matches alone do not let it inject).
    permissions: ['storage', 'contextMenus', 'unlimitedStorage', 'scripting', ...(browser === 'firefox' ? PAGES : [])],
    ...(browser !== 'firefox' && { host_permissions: PAGES }),
    // The card's frame, embedded by the content script in the pages it annotates (see docs/architecture.md,
    // "The page is untrusted").
    web_accessible_resources:
      browser === 'firefox' ? ['card.html'] : [{ resources: ['card.html'], matches: ['http://*/*', 'https://*/*'] }],
    commands: {
      'check-figure': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_command_checkFigure__',
      },
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_command_toggleHighlights__',
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
