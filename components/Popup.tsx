import { useState } from 'preact/hooks';
import { CATEGORIES, type Category } from '@/lib/kb/types';
import type { FoundEntry, PageSummary } from '@/lib/services/messages';
import type { SeenBefore } from '@/lib/my-sources/seen-before';
import { Declared } from './Credit';
import { declaredDay } from './OwnSources';
import { TRACKED_ID_PREFIX } from '@/lib/my-sources/types';
import type { Settings, SettingsProblem } from '@/lib/settings/schema';
import { listedAs, normalizeSite } from '@/lib/settings/schema';
import { CATEGORY_PLURALS } from '@/lib/kb/category-labels';
import { CategorySwitches } from './CategorySwitches';
import { HighlightKey } from './HighlightKey';
import iconUrl from './icon/icon.svg';
import { SettingsNotice } from './SettingsNotice';
import { Switch } from './Switch';

/** A tab's summary with a label for each entry it found (see withLabels). */
export type LabelledSummary = Omit<PageSummary, 'entries'> & { readonly entries: readonly FoundEntry[] };

/**
 * The tab's summary with each entry's label, which the page does not carry (it knows entries by
 * id only). An entry with no label known here is left out: a reader never sees an id.
 */
export function withLabels(summary: PageSummary, labelOf: (id: string) => string | undefined): LabelledSummary {
  return {
    ...summary,
    entries: summary.entries.flatMap((entry) => {
      const label = labelOf(entry.id);
      return label === undefined ? [] : [{ ...entry, label }];
    }),
  };
}

export interface PopupProps {
  readonly settings: Settings;
  /** What the current tab reports; null where Crosscheck cannot run (browser pages, stores). */
  readonly summary: LabelledSummary | null;
  readonly notice: SettingsProblem | null;
  readonly sourceCount: number;
  readonly onEnabled: (enabled: boolean) => void;
  readonly onCategory: (category: Category, shown: boolean) => void;
  readonly onPauseSite: (site: string, paused: boolean) => void;
  readonly onReveal: (id: string) => void;
  readonly onAnnotatePage: () => void;
  readonly onOpenOptions: () => void;
  /** How many terms the reader tracks (0 where none, or their store cannot be read). */
  readonly trackedTerms: number;
  /** Highlights the tracked terms on this page, until it is reloaded. */
  readonly onShowTrackedHere: () => void;
  /** Allows tracked terms on a site, or stops allowing the entry that covers it. */
  readonly onTrackedSite: (site: string, allowed: boolean) => void;
  /** The reader's own sources for this page; absent where they cannot be read. */
  readonly mySources?: PopupMySources;
}

/** What the popup says about the reader's saved articles on this page. */
export interface PopupMySources {
  /** Whether this page's article is saved; null where the page has no article to save. */
  readonly saved: boolean | null;
  /** The outcome of the last "Add to my sources", in words (null before any). */
  readonly outcome: { readonly ok: boolean; readonly message: string } | null;
  readonly saving: boolean;
  readonly seenBefore: SeenBefore | null;
  readonly onSave: () => void;
}

/**
 * How much of a category's list shows before "Show all": entries while their labels fit in about
 * one line of the popup beside "Show all N" (at least one, at most six), so that with its six
 * categories the popup stays within the 600 px a browser shows before it scrolls on a rich page.
 */
export const FEW_CHARACTERS = 30;
const FEW_MAX = 6;

export function fewEntries(entries: readonly FoundEntry[]): number {
  let used = 0;
  let n = 0;
  for (const entry of entries) {
    used += entry.label.length + String(entry.count).length + 4;
    if (n > 0 && (used > FEW_CHARACTERS || n === FEW_MAX)) break;
    n++;
  }
  // Never hide a single entry behind "Show all": show it.
  return n >= entries.length - 1 ? entries.length : n;
}

/** Whether Crosscheck runs on the current site, and if not, why. */
export type SiteStatus =
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'off' }
  | { readonly kind: 'paused'; readonly site: string; readonly pausedAs: string }
  | { readonly kind: 'on'; readonly site: string | null };

export function siteStatus(settings: Settings, summary: Pick<PageSummary, 'site' | 'active'> | null): SiteStatus {
  if (!settings.enabled) return { kind: 'off' };
  if (!summary) return { kind: 'unavailable' };
  const site = normalizeSite(summary.site);
  // A site is paused by its own entry or by a parent domain's ("example.com" pauses "news.example.com").
  const pausedAs = listedAs(settings.pausedSites, summary.site);
  return pausedAs ? { kind: 'paused', site: site!, pausedAs } : { kind: 'on', site };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function StatusLine({
  status,
  summary,
  onAnnotatePage,
}: {
  readonly status: SiteStatus;
  readonly summary: PageSummary | null;
  readonly onAnnotatePage: () => void;
}) {
  let headline: string;
  let detail: preact.ComponentChild;
  switch (status.kind) {
    case 'off':
      headline = 'Off everywhere';
      detail = 'Crosscheck is switched off on every site, so nothing is highlighted.';
      break;
    case 'unavailable':
      headline = 'Not available on this page';
      detail =
        'Crosscheck reads web pages, not browser or store pages. A page that was open before Crosscheck started needs a reload.';
      break;
    case 'paused':
      headline = `Paused on ${status.site}`;
      detail =
        status.pausedAs === status.site
          ? 'You paused Crosscheck on this site, so nothing here is highlighted.'
          : `You paused Crosscheck on ${status.pausedAs} and its subdomains, so nothing here is highlighted.`;
      break;
    case 'on': {
      headline = status.site ? `On for ${status.site}` : 'On for this page';
      const entries = summary?.entries ?? [];
      const mentions = entries.reduce((sum, e) => sum + e.count, 0);
      const where = summary?.scope === 'page' ? 'on this page' : 'in the article';
      detail = !summary?.active ? (
        'Reading the page…'
      ) : summary.scope === 'none' ? (
        <>
          No article found on this page.{' '}
          <button type="button" class="link" onClick={onAnnotatePage}>
            Annotate the whole page
          </button>
        </>
      ) : entries.length === 0 ? (
        `Nothing from the knowledge base ${where}.`
      ) : (
        `${plural(entries.length, 'entry', 'entries')}, ${plural(mentions, 'mention', 'mentions')} ${where}.`
      );
    }
  }
  return (
    <div class={`site-status status-${status.kind}`}>
      <p class="status-headline">
        <span class="status-mark" aria-hidden="true" />
        {headline}
      </p>
      <p class="status-detail" aria-live="polite">
        {detail}
      </p>
    </div>
  );
}

const isTracked = (entry: FoundEntry) => entry.id.startsWith(TRACKED_ID_PREFIX);

/**
 * Whether the reader's tracked terms are highlighted on this page, what that lets the page see,
 * and, where they are not, how many are named here, with the choice to show them.
 */
function TrackedHere({
  settings,
  summary,
  site,
  onShowHere,
  onTrackedSite,
}: {
  readonly settings: Settings;
  readonly summary: LabelledSummary;
  readonly site: string | null;
  readonly onShowHere: () => void;
  readonly onTrackedSite: (site: string, allowed: boolean) => void;
}) {
  const named = summary.entries.filter(isTracked).length;
  const allowedAs = site === null ? null : listedAs(settings.trackedSites, site);
  return (
    <div class="tracked-here">
      <p class="status-detail" aria-live="polite">
        {summary.trackedShown
          ? 'Your tracked terms are highlighted on this page, and the page can see which words are highlighted.'
          : `Your tracked terms are not highlighted here, because a page can see which words Crosscheck highlights on it. ${
              named === 0 ? 'None of them is' : named === 1 ? '1 of them is' : `${named} of them are`
            } named on this page.`}
      </p>
      {!summary.trackedShown && (
        <button type="button" class="button" onClick={onShowHere}>
          Show them on this page
        </button>
      )}
      {settings.trackedHighlights === 'allowed-sites' && site && (
        <Switch checked={allowedAs !== null} onChange={(allowed) => onTrackedSite(allowedAs ?? site, allowed)}>
          Tracked terms on {allowedAs ?? site}
        </Switch>
      )}
    </div>
  );
}

/** A category's entries on this page, most mentioned first; a few, then "Show all N". */
function FoundList({
  category,
  entries,
  onReveal,
}: {
  readonly category: Category;
  readonly entries: readonly FoundEntry[];
  readonly onReveal: (id: string) => void;
}) {
  const [all, setAll] = useState(false);
  if (entries.length === 0) return null;
  const few = fewEntries(entries);
  const listed = all ? entries : entries.slice(0, few);
  const id = `found-${category}`;
  return (
    <ul class="found" id={id} aria-label={`${CATEGORY_PLURALS[category]} on this page`}>
      {listed.map((entry) => (
        <li key={entry.id}>
          <button type="button" class="link" onClick={() => onReveal(entry.id)}>
            {entry.label}
          </button>
          <span class="count" aria-hidden="true">
            ×{entry.count}
          </span>
          <span class="visually-hidden">{plural(entry.count, 'mention', 'mentions')}</span>
        </li>
      ))}
      {few < entries.length && (
        <li class="found-more">
          <button type="button" class="link" aria-expanded={all} aria-controls={id} onClick={() => setAll(!all)}>
            {all ? 'Show fewer' : `Show all ${entries.length}`}
          </button>
        </li>
      )}
    </ul>
  );
}

/** "7 of these entries appear in 4 of your saved articles". */
export function seenBeforeLine(seen: SeenBefore): string {
  const articles = `${seen.articleCount} of your saved articles`;
  return seen.entries === 1
    ? `1 of these entries appears in ${articles}`
    : `${seen.entries} of these entries appear in ${articles}`;
}

/**
 * "Add to my sources" in the popup's header (Chrome shows only 600 px of a popup before it
 * scrolls), its outcome said to screen readers and, for a problem, shown below the header.
 */
function SaveButton({ mySources }: { readonly mySources: PopupMySources }) {
  const { saved, outcome, saving } = mySources;
  if (saved === null) return null;
  return (
    <>
      <button
        type="button"
        class="button save-button"
        disabled={saving}
        onClick={mySources.onSave}
        aria-label={saved && !saving ? 'Saved: update in my sources' : undefined}
        title={saved ? 'This article is in your sources. Save it again to update it.' : undefined}
      >
        {saving ? 'Saving…' : saved ? '✓ Saved' : 'Add to my sources'}
      </button>
      <span class="visually-hidden save-outcome" aria-live="polite">
        {outcome?.message ?? ''}
      </span>
    </>
  );
}

/** The saved articles that discuss this page's entries, folded under one line. */
function SeenBeforeList({ seen }: { readonly seen: SeenBefore }) {
  return (
    <details class="seen-before">
      <summary>Seen before: {seenBeforeLine(seen)}</summary>
      <ul aria-label="Saved articles that discuss this page’s entries">
        {seen.articles.map((article) => (
          <li key={article.id}>
            <a href={article.url} target="_blank" rel="noopener noreferrer">
              <Declared text={article.title ?? article.url} />
            </a>
            <span class="meta">
              {' '}
              —{' '}
              {[article.site, declaredDay(article.published)].flatMap((text, i) =>
                text === null ? [] : [<Declared key={i} text={text} />, ' · '],
              )}
              {plural(article.shared, 'entry', 'entries')}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The toolbar popup: whether Crosscheck is on here, what it found by category, and its switches. */
export function Popup(props: PopupProps) {
  const { settings, notice } = props;
  // Tracked terms not highlighted here are not listed as found: the panel says how many are named.
  const summary =
    props.summary && !props.summary.trackedShown
      ? { ...props.summary, entries: props.summary.entries.filter((entry) => !isTracked(entry)) }
      : props.summary;
  const status = siteStatus(settings, summary);
  const listing = status.kind === 'on' && summary !== null && summary.active && summary.scope !== 'none';
  const entries = listing ? summary.entries : [];
  const byCategory = (category: Category) =>
    entries
      .map((entry, order) => ({ entry, order }))
      .filter(({ entry }) => entry.category === category)
      .sort((a, b) => b.entry.count - a.entry.count || a.order - b.order)
      .map(({ entry }) => entry);
  const counts = Object.fromEntries(
    CATEGORIES.map((c) => [c, byCategory(c).reduce((sum, e) => sum + e.count, 0)]),
  ) as Record<Category, number>;
  const pauseSite = status.kind === 'paused' ? status.pausedAs : status.kind === 'on' ? status.site : null;
  return (
    <main class="popup">
      <header class="popup-head">
        <h1 id="popup-title" class="brand">
          <img src={iconUrl} alt="" width={20} height={20} />
          Crosscheck
        </h1>
        {props.mySources && <SaveButton mySources={props.mySources} />}
        <label class="main-switch">
          <input
            type="checkbox"
            role="switch"
            class="toggle"
            aria-labelledby="popup-title main-switch-scope"
            checked={settings.enabled}
            onChange={(e) => props.onEnabled(e.currentTarget.checked)}
          />
          <span id="main-switch-scope" class="visually-hidden">
            on every site
          </span>
          <span class="switch-state" aria-hidden="true">
            {settings.enabled ? 'On' : 'Off'}
          </span>
        </label>
      </header>
      <SettingsNotice problem={notice} />
      {props.mySources?.outcome && !props.mySources.outcome.ok && (
        <p class="error" role="alert">
          {props.mySources.outcome.message}
        </p>
      )}
      <section class="panel" aria-label="This site">
        <StatusLine status={status} summary={summary} onAnnotatePage={props.onAnnotatePage} />
        {pauseSite && (
          <Switch
            checked={status.kind === 'paused'}
            onChange={(paused) => props.onPauseSite(pauseSite, paused)}
            showState
          >
            Pause on {pauseSite}
          </Switch>
        )}
        {listing && status.kind === 'on' && props.trackedTerms > 0 && (
          <TrackedHere
            settings={settings}
            summary={props.summary!}
            site={status.site}
            onShowHere={props.onShowTrackedHere}
            onTrackedSite={props.onTrackedSite}
          />
        )}
      </section>
      <section class="highlights" aria-labelledby="highlights-heading">
        <div class="section-head">
          <h2 id="highlights-heading">{listing ? 'Found on this page' : 'Highlights'}</h2>
          {listing && (
            <span class="column-label" aria-hidden="true">
              mentions
            </span>
          )}
        </div>
        <CategorySwitches shown={settings.categories} counts={listing ? counts : undefined} onChange={props.onCategory}>
          {(category) =>
            settings.categories[category] && (
              <FoundList category={category} entries={byCategory(category)} onReveal={props.onReveal} />
            )
          }
        </CategorySwitches>
      </section>
      {props.mySources?.seenBefore && props.mySources.seenBefore.articleCount > 0 && (
        <SeenBeforeList seen={props.mySources.seenBefore} />
      )}
      <details class="key-details">
        <summary>What the highlights mean</summary>
        <HighlightKey />
      </details>
      <p class="about">
        <span>Knowledge from {props.sourceCount} sources</span>
        <button type="button" class="link" onClick={props.onOpenOptions}>
          Settings and sources
        </button>
      </p>
    </main>
  );
}
