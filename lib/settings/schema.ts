import { CATEGORIES, type Category } from '../kb/types';

/**
 * The reader's settings, as stored. Versioned: every stored shape ever written has a migration
 * to the current one, and anything unreadable falls back to the defaults (and says so once).
 */
export const SETTINGS_VERSION = 3;

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
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  categories: { concept: true, law: true, person: true, organization: true, figure: true },
  pausedSites: [],
  everyMention: false,
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

/** A hostname as the reader would type it or the page reports it: lowercase, no scheme, path or port. */
export function normalizeSite(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  try {
    const host = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`).hostname.replace(/^www\./, '');
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
  };
}

/** Version 2 highlighted every mention; version 3 adds the choice, first per section by default. */
function fromV2(value: Record<string, unknown>): Omit<Settings, 'version'> | null {
  const shown = categories(value.categories ?? {});
  const paused = sites(value.pausedSites ?? []);
  if (typeof (value.enabled ?? true) !== 'boolean' || shown === null || paused === null) return null;
  return { enabled: (value.enabled ?? true) as boolean, categories: shown, pausedSites: paused, everyMention: false };
}

function fromV3(value: Record<string, unknown>): Omit<Settings, 'version'> | null {
  const everyMention = value.everyMention ?? false;
  const rest = fromV2(value);
  return rest && typeof everyMention === 'boolean' ? { ...rest, everyMention } : null;
}

const MIGRATIONS: Readonly<Record<number, (value: Record<string, unknown>) => Omit<Settings, 'version'> | null>> = {
  1: fromV1,
  2: fromV2,
  3: fromV3,
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

/** Is Crosscheck active on this hostname? */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  const site = normalizeSite(hostname);
  return settings.enabled && !(site !== null && settings.pausedSites.some((p) => site === p || site.endsWith(`.${p}`)));
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
