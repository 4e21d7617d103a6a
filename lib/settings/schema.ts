import { CATEGORIES, type Category } from '../kb/types';

/**
 * The reader's settings, as stored. Versioned: every stored shape ever written has a migration
 * to the current one, and anything unreadable falls back to the defaults (and says so once).
 */

/** The shape written now; older ones are migrated as they are read. */
export const SETTINGS_VERSION = 4;

export interface Settings {
  readonly version: typeof SETTINGS_VERSION;
  /** Crosscheck on or off everywhere. */
  readonly enabled: boolean;
  /** Which categories of highlight are shown. */
  readonly categories: Readonly<Record<Category, boolean>>;
  /** Hostnames where Crosscheck is paused, sorted. */
  readonly pausedSites: readonly string[];
  /**
   * Highlight every mention of an entry, rather than the first in each section of the article
   * (figures are always highlighted).
   */
  readonly everyMention: boolean;
  /**
   * Where the reader's tracked terms are highlighted. A page can read every highlight drawn in it,
   * so a highlighted tracked term tells the page the reader tracks it: the reader chooses.
   */
  readonly trackedHighlights: TrackedHighlights;
  /** Hostnames where tracked terms are highlighted when `trackedHighlights` is 'allowed-sites', sorted. */
  readonly trackedSites: readonly string[];
}

/** On every site, on the sites the reader allows, or only on a page where the reader asks from the popup. */
export const TRACKED_HIGHLIGHTS = ['every-site', 'allowed-sites', 'on-request'] as const;
export type TrackedHighlights = (typeof TRACKED_HIGHLIGHTS)[number];

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  categories: { concept: true, law: true, person: true, organization: true, place: true, figure: true },
  pausedSites: [],
  everyMention: false,
  // Nothing a page can probe until the reader allows it, site by site or all at once.
  trackedHighlights: 'allowed-sites',
  trackedSites: [],
};

export type SettingsProblem = 'corrupt' | 'from-the-future';

export interface ReadSettings {
  readonly settings: Settings;
  /** Set when the stored value could not be used as it was: the reader is told once. */
  readonly problem: SettingsProblem | null;
  /** True when the stored value should be rewritten (migrated or reset). */
  readonly rewrite: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A hostname the URL parser would give back unchanged, as `location.hostname` is: read as it is,
 * since a page's first URL parse costs the content script about 1 ms (its last label starts with
 * a letter, so no IPv4 form, which the parser rewrites, is taken for one).
 */
const PLAIN_HOSTNAME = /^(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*$/;

/** A hostname as the reader would type it or the page reports it: lowercase, no scheme, path or port. */
export function normalizeSite(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  try {
    const hostname = PLAIN_HOSTNAME.test(trimmed)
      ? trimmed
      : new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`).hostname;
    const host = hostname.replace(/^www\./, '');
    return /^[a-z0-9.-]+$/.test(host) && host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

function sites(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  const normalized = value.map((site) => (typeof site === 'string' ? normalizeSite(site) : null));
  if (normalized.some((site) => site === null)) return null;
  return [...new Set(normalized as string[])].sort();
}

/**
 * Which categories are shown; one the stored value does not name is shown. So a category added
 * since (places, once organizations) is on for a reader whose settings predate it, with no new
 * version: a Crosscheck that predates it still reads these settings, synced from a newer one.
 */
function categories(value: unknown): Record<Category, boolean> | null {
  if (!isRecord(value)) return null;
  const result = { ...DEFAULT_SETTINGS.categories };
  for (const category of CATEGORIES) {
    if (value[category] === undefined) continue;
    if (typeof value[category] !== 'boolean') return null;
    result[category] = value[category];
  }
  return result;
}

/**
 * Before version 4 tracked terms were highlighted on every site, a cost nobody was told of: older
 * settings start from the default (no site allowed) rather than keep a choice never made.
 */
const TRACKED_UNTIL_V4 = {
  trackedHighlights: DEFAULT_SETTINGS.trackedHighlights,
  trackedSites: DEFAULT_SETTINGS.trackedSites,
} as const;

/**
 * Version 1 (the first release) kept `enabled`, a list of `hiddenCategories` and `pausedHosts`.
 * Version 2 stores which categories are shown and calls the list `pausedSites`.
 */
function fromV1(value: Record<string, unknown>): Omit<Settings, 'version'> | null {
  const hidden = value.hiddenCategories ?? [];
  if (!Array.isArray(hidden) || hidden.some((c) => !CATEGORIES.includes(c as Category))) return null;
  const paused = sites(value.pausedHosts ?? []);
  if (typeof (value.enabled ?? true) !== 'boolean' || paused === null) return null;
  return {
    enabled: (value.enabled ?? true) as boolean,
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, !hidden.includes(c)])) as Record<Category, boolean>,
    pausedSites: paused,
    everyMention: false,
    ...TRACKED_UNTIL_V4,
  };
}

/** Version 2 highlighted every mention; version 3 adds the choice, first per section by default. */
function fromV2(value: Record<string, unknown>): Omit<Settings, 'version'> | null {
  const shown = categories(value.categories ?? {});
  const paused = sites(value.pausedSites ?? []);
  if (typeof (value.enabled ?? true) !== 'boolean' || shown === null || paused === null) return null;
  return {
    enabled: (value.enabled ?? true) as boolean,
    categories: shown,
    pausedSites: paused,
    everyMention: false,
    ...TRACKED_UNTIL_V4,
  };
}

function fromV3(value: Record<string, unknown>): Omit<Settings, 'version'> | null {
  const everyMention = value.everyMention ?? false;
  const rest = fromV2(value);
  return rest && typeof everyMention === 'boolean' ? { ...rest, everyMention } : null;
}

/** Version 4 adds where tracked terms are highlighted. */
function fromV4(value: Record<string, unknown>): Omit<Settings, 'version'> | null {
  const where = value.trackedHighlights ?? DEFAULT_SETTINGS.trackedHighlights;
  const allowed = sites(value.trackedSites ?? []);
  const rest = fromV3(value);
  if (!rest || allowed === null || !TRACKED_HIGHLIGHTS.includes(where as TrackedHighlights)) return null;
  return { ...rest, trackedHighlights: where as TrackedHighlights, trackedSites: allowed };
}

const MIGRATIONS: Readonly<Record<number, (value: Record<string, unknown>) => Omit<Settings, 'version'> | null>> = {
  1: fromV1,
  2: fromV2,
  3: fromV3,
  4: fromV4,
};

/** Reads whatever is stored (or nothing) into the current settings; never throws. */
export function readSettings(stored: unknown): ReadSettings {
  if (stored === undefined || stored === null) return { settings: DEFAULT_SETTINGS, problem: null, rewrite: false };
  if (!isRecord(stored) || typeof stored.version !== 'number') {
    return { settings: DEFAULT_SETTINGS, problem: 'corrupt', rewrite: true };
  }
  if (stored.version > SETTINGS_VERSION) {
    // Written by a newer Crosscheck (synced from another browser): use defaults here, keep theirs.
    return { settings: DEFAULT_SETTINGS, problem: 'from-the-future', rewrite: false };
  }
  const migrate = MIGRATIONS[stored.version];
  const migrated = migrate?.(stored);
  if (!migrated) return { settings: DEFAULT_SETTINGS, problem: 'corrupt', rewrite: true };
  return {
    settings: { version: SETTINGS_VERSION, ...migrated },
    problem: null,
    rewrite: stored.version !== SETTINGS_VERSION,
  };
}

/** The entry of `sites` that covers this hostname (itself or a parent domain), if any. */
export function listedAs(sites: readonly string[], hostname: string): string | null {
  const site = normalizeSite(hostname);
  if (site === null) return null;
  return sites.find((listed) => site === listed || site.endsWith(`.${listed}`)) ?? null;
}

/** Is Crosscheck active on this hostname? */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && listedAs(settings.pausedSites, hostname) === null;
}

/**
 * Are tracked terms highlighted on this hostname by the settings alone? (The reader may also ask
 * for them on one page from the popup, whatever these say.)
 */
export function tracksOn(settings: Settings, hostname: string): boolean {
  return (
    settings.trackedHighlights === 'every-site' ||
    (settings.trackedHighlights === 'allowed-sites' && listedAs(settings.trackedSites, hostname) !== null)
  );
}

export function withTrackedHighlights(settings: Settings, trackedHighlights: TrackedHighlights): Settings {
  return { ...settings, trackedHighlights };
}

/** Allows tracked terms on a site (subdomains included), or stops allowing the entry that covers it. */
export function withTrackedSite(settings: Settings, hostname: string, allowed: boolean): Settings {
  const site = normalizeSite(hostname);
  if (!site) return settings;
  const covering = listedAs(settings.trackedSites, site);
  const rest = settings.trackedSites.filter((listed) => listed !== site && listed !== covering);
  return { ...settings, trackedSites: allowed ? [...rest, site].sort() : rest };
}

export function withSitePaused(settings: Settings, hostname: string, paused: boolean): Settings {
  const site = normalizeSite(hostname);
  if (!site) return settings;
  const rest = settings.pausedSites.filter((p) => p !== site);
  return { ...settings, pausedSites: paused ? [...rest, site].sort() : rest };
}

export function withCategory(settings: Settings, category: Category, shown: boolean): Settings {
  return { ...settings, categories: { ...settings.categories, [category]: shown } };
}

/** The categories to hide, as the page's stylesheet reads them. */
export function hiddenCategories(settings: Settings): Category[] {
  return CATEGORIES.filter((c) => !settings.categories[c]);
}

export function withEveryMention(settings: Settings, everyMention: boolean): Settings {
  return { ...settings, everyMention };
}
