import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  hiddenCategories,
  isActiveOn,
  normalizeSite,
  readSettings,
  SETTINGS_VERSION,
  tracksOn,
  withCategory,
  withSitePaused,
  withTrackedHighlights,
  withTrackedSite,
  type Settings,
} from '@/lib/settings/schema';
import {
  loadSettings,
  peekSettings,
  saveSettings,
  SETTINGS_KEY,
  takeSettingsNotice,
  watchSettings,
} from '@/lib/settings/store';

const allShown = DEFAULT_SETTINGS.categories;

describe('readSettings', () => {
  it.each<[string, unknown, Partial<Settings>, string | null, boolean]>([
    ['nothing stored: defaults, quietly', undefined, {}, null, false],
    [
      'current version as is',
      {
        version: 4,
        enabled: false,
        categories: { law: false },
        pausedSites: ['b.org', 'a.com'],
        everyMention: true,
        trackedHighlights: 'on-request',
        trackedSites: ['www.d.net', 'c.com'],
      },
      {
        enabled: false,
        categories: { ...allShown, law: false },
        pausedSites: ['a.com', 'b.org'],
        everyMention: true,
        trackedHighlights: 'on-request',
        trackedSites: ['c.com', 'd.net'],
      },
      null,
      false,
    ],
    [
      'version 3 migrates: tracked terms only on sites the reader allows, none allowed yet',
      { version: 3, enabled: false, categories: { law: false }, pausedSites: ['b.org', 'a.com'], everyMention: true },
      {
        enabled: false,
        categories: { ...allShown, law: false },
        pausedSites: ['a.com', 'b.org'],
        everyMention: true,
        trackedHighlights: 'allowed-sites',
        trackedSites: [],
      },
      null,
      true,
    ],
    [
      'version 2 migrates: first mention per section by default',
      { version: 2, enabled: false, categories: { law: false }, pausedSites: ['b.org', 'a.com'] },
      { enabled: false, categories: { ...allShown, law: false }, pausedSites: ['a.com', 'b.org'], everyMention: false },
      null,
      true,
    ],
    [
      'version 1 migrates',
      { version: 1, enabled: true, hiddenCategories: ['figure', 'person'], pausedHosts: ['www.Example.com'] },
      { categories: { ...allShown, figure: false, person: false }, pausedSites: ['example.com'] },
      null,
      true,
    ],
    ['version 1 with missing fields', { version: 1 }, {}, null, true],
    ['a string', 'garbage', {}, 'corrupt', true],
    ['an array', [1, 2], {}, 'corrupt', true],
    ['no version', { enabled: false }, {}, 'corrupt', true],
    ['wrong field type', { version: 2, enabled: 'yes' }, {}, 'corrupt', true],
    ['bad category value', { version: 2, categories: { law: 'off' } }, {}, 'corrupt', true],
    ['bad site', { version: 2, pausedSites: ['not a host'] }, {}, 'corrupt', true],
    ['bad every-mention value', { version: 3, everyMention: 'yes' }, {}, 'corrupt', true],
    ['unknown place for tracked terms', { version: 4, trackedHighlights: 'everywhere' }, {}, 'corrupt', true],
    ['bad allowed site', { version: 4, trackedSites: ['not a host'] }, {}, 'corrupt', true],
    ['version 4 with missing fields', { version: 4 }, {}, null, false],
    [
      'saved before places were a category: places shown, whatever the reader chose for organizations',
      {
        version: 4,
        categories: { concept: true, law: true, person: true, organization: false, figure: true },
      },
      { categories: { concept: true, law: true, person: true, organization: false, place: true, figure: true } },
      null,
      false,
    ],
    ['unknown old version', { version: 0 }, {}, 'corrupt', true],
    [
      'from a newer Crosscheck: defaults here, stored value kept',
      { version: 99, anything: true },
      {},
      'from-the-future',
      false,
    ],
  ])('%s', (_name, stored, expected, problem, rewrite) => {
    const result = readSettings(stored);
    expect(result.settings).toEqual({ ...DEFAULT_SETTINGS, ...expected });
    expect(result.problem).toBe(problem);
    expect(result.rewrite).toBe(rewrite);
  });
});

describe('settings helpers', () => {
  it.each<[string, string | null]>([
    ['Example.com', 'example.com'],
    ['https://www.example.com/path?q=1', 'example.com'],
    ['news.example.co.uk:8080', 'news.example.co.uk'],
    ['localhost', null],
    ['', null],
    ['not a host', null],
    ['0x7f.1', '127.0.0.1'],
    ['www.com', null],
    ['xn--80ak6aa92e.com', 'xn--80ak6aa92e.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
  ])('normalizeSite(%j) = %j', (input, expected) => {
    expect(normalizeSite(input)).toBe(expected);
  });

  it('reads a hostname as the URL parser does, whether it parses it or not', () => {
    const parsed = (input: string) => {
      try {
        const host = new URL(`https://${input}`).hostname.replace(/^www\./, '');
        return /^[a-z0-9.-]+$/.test(host) && host.includes('.') ? host : null;
      } catch {
        return null;
      }
    };
    const label = fc.stringMatching(/^[a-z0-9-]{0,6}$/);
    const hostname = fc
      .tuple(
        fc.constantFrom('', 'www.'),
        fc.array(fc.oneof(label, fc.constantFrom('0x7f', '08', '1', 'xn--p1ai')), { maxLength: 4 }),
      )
      .map(([www, labels]) => www + labels.join('.'));
    fc.assert(fc.property(hostname, (input) => normalizeSite(input) === parsed(input)));
  });

  it('pauses and resumes a site, subdomains included', () => {
    const paused = withSitePaused(DEFAULT_SETTINGS, 'www.example.com', true);
    expect(paused.pausedSites).toEqual(['example.com']);
    expect(isActiveOn(paused, 'news.example.com')).toBe(false);
    expect(isActiveOn(paused, 'example.org')).toBe(true);
    expect(isActiveOn(withSitePaused(paused, 'example.com', false), 'example.com')).toBe(true);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, enabled: false }, 'example.org')).toBe(false);
    // A page's address does as well as its hostname (the background has a message's sender's).
    expect(isActiveOn(paused, 'https://www.news.example.com/2025/story.html?x=1')).toBe(false);
    expect(isActiveOn(paused, 'https://example.org/story')).toBe(true);
  });

  it.each<[string, Partial<Settings>, string, boolean]>([
    ['the default: no site allowed', {}, 'example.com', false],
    ['every site', { trackedHighlights: 'every-site' }, 'example.com', true],
    ['an allowed site', { trackedSites: ['example.com'] }, 'example.com', true],
    ['a subdomain of an allowed site', { trackedSites: ['example.com'] }, 'news.example.com', true],
    ['a page’s address on an allowed site', { trackedSites: ['example.com'] }, 'https://www.example.com/a', true],
    ['a site not allowed', { trackedSites: ['example.com'] }, 'example.org', false],
    [
      'allowed sites kept while only on request',
      { trackedHighlights: 'on-request', trackedSites: ['example.com'] },
      'example.com',
      false,
    ],
  ])('tracked terms on a site: %s', (_name, changes, hostname, expected) => {
    expect(tracksOn({ ...DEFAULT_SETTINGS, ...changes }, hostname)).toBe(expected);
  });

  it('allows a site for tracked terms and stops allowing the entry that covers it', () => {
    const allowed = withTrackedSite(withTrackedSite(DEFAULT_SETTINGS, 'www.b.org', true), 'example.com', true);
    expect(allowed.trackedSites).toEqual(['b.org', 'example.com']);
    expect(withTrackedSite(allowed, 'news.example.com', false).trackedSites).toEqual(['b.org']);
    expect(withTrackedSite(allowed, 'localhost', true)).toBe(allowed);
    expect(withTrackedHighlights(allowed, 'every-site').trackedHighlights).toBe('every-site');
  });

  it('hides categories', () => {
    expect(hiddenCategories(withCategory(withCategory(DEFAULT_SETTINGS, 'law', false), 'figure', false))).toEqual([
      'law',
      'figure',
    ]);
  });
});

describe('the settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips settings through sync storage', async () => {
    const settings = withCategory(DEFAULT_SETTINGS, 'person', false);
    await saveSettings(settings);
    expect(await loadSettings()).toEqual(settings);
  });

  it('resets corrupted settings, rewrites them, and tells the reader once', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: '{{not json' });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(DEFAULT_SETTINGS);
    expect(await takeSettingsNotice()).toBe('corrupt');
    expect(await takeSettingsNotice()).toBeNull();
  });

  it('migrates and rewrites version 1', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, hiddenCategories: ['law'] } });
    expect((await loadSettings()).categories.law).toBe(false);
    expect(((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings).version).toBe(
      SETTINGS_VERSION,
    );
    expect(await takeSettingsNotice()).toBeNull();
  });

  it('peeks at the stored settings without writing anything, whatever is stored', async () => {
    const writes: unknown[] = [];
    fakeBrowser.storage.onChanged.addListener((changes) => writes.push(changes));
    expect(await peekSettings()).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { version: 1, hiddenCategories: ['law'] } });
    expect((await peekSettings()).categories.law).toBe(false);
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: '{{not json' });
    expect(await peekSettings()).toEqual(DEFAULT_SETTINGS);
    expect(writes).toHaveLength(2); // the test's own two
    expect(await takeSettingsNotice()).toBeNull();
  });

  it('tells watchers about changes', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: false });
    stop();
    await saveSettings(DEFAULT_SETTINGS);
    expect(seen.map((s) => s.enabled)).toEqual([false]);
  });
});
