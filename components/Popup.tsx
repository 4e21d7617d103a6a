import { useState } from 'preact/hooks';
import { CATEGORIES, type Category } from '@/lib/kb/types';
import type { FoundEntry, PageSummary } from '@/lib/services/messages';
import type { SeenBefore } from '@/lib/my-sources/seen-before';
import { Declared } from './Credit';
import { declaredDay } from './OwnSources';
import { TRACKED_ID_PREFIX } from '@/lib/my-sources/types';
import type { Settings, SettingsProblem } from '@/lib/settings/schema';
import { listedAs, normalizeSite } from '@/lib/settings/schema';
import { t } from '@/lib/i18n';
import { categoryPlural } from '@/lib/kb/category-labels';
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
      headline = t('popup.status.off.headline');
      detail = t('popup.status.off.detail');
      break;
    case 'unavailable':
      headline = t('popup.status.unavailable.headline');
      detail = t('popup.status.unavailable.detail');
      break;
    case 'paused':
      headline = t('popup.status.paused.headline', { site: status.site });
      detail =
        status.pausedAs === status.site
          ? t('popup.status.paused.here')
          : t('popup.status.paused.parent', { site: status.pausedAs });
      break;
    case 'on': {
      headline = status.site ? t('popup.status.on.site', { site: status.site }) : t('popup.status.on.page');
      const entries = summary?.entries ?? [];
      const mentions = entries.reduce((sum, e) => sum + e.count, 0);
      const onPage = summary?.scope === 'page';
      const found = {
        entries: t('count.entries', { count: entries.length }),
        mentions: t('count.mentions', { count: mentions }),
      };
      detail = !summary?.active ? (
        t('popup.status.reading')
      ) : summary.scope === 'none' ? (
        <>
          {t('popup.status.noArticle')}{' '}
          <button type="button" class="link" onClick={onAnnotatePage}>
            {t('popup.status.annotatePage')}
          </button>
        </>
      ) : entries.length === 0 ? (
        t(onPage ? 'popup.status.nothingOnPage' : 'popup.status.nothingInArticle')
      ) : (
        t(onPage ? 'popup.status.foundOnPage' : 'popup.status.foundInArticle', found)
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
          ? t('popup.tracked.shown')
          : t('popup.tracked.hidden', { named: t('popup.tracked.named', { count: named }) })}
      </p>
      {!summary.trackedShown && (
        <button type="button" class="button" onClick={onShowHere}>
          {t('popup.tracked.showHere')}
        </button>
      )}
      {settings.trackedHighlights === 'allowed-sites' && site && (
        <Switch checked={allowedAs !== null} onChange={(allowed) => onTrackedSite(allowedAs ?? site, allowed)}>
          {t('popup.tracked.onSite', { site: allowedAs ?? site })}
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
    <ul class="found" id={id} aria-label={t('popup.found.onThisPage', { category: categoryPlural(category) })}>
      {listed.map((entry) => (
        <li key={entry.id}>
          <button type="button" class="link" onClick={() => onReveal(entry.id)}>
            {entry.label}
          </button>
          <span class="count" aria-hidden="true">
            ×{entry.count}
          </span>
          <span class="visually-hidden">{t('count.mentions', { count: entry.count })}</span>
        </li>
      ))}
      {few < entries.length && (
        <li class="found-more">
          <button type="button" class="link" aria-expanded={all} aria-controls={id} onClick={() => setAll(!all)}>
            {all ? t('showFewer') : t('popup.found.showAll', { count: entries.length })}
          </button>
        </li>
      )}
    </ul>
  );
}

/** "7 of these entries appear in 4 of your saved articles". */
export function seenBeforeLine(seen: SeenBefore): string {
  const articles = t('popup.seenBefore.ofYourSaved', { count: seen.articleCount });
  return t('popup.seenBefore.line', { count: seen.entries, articles });
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
        aria-label={saved && !saving ? t('popup.save.savedLabel') : undefined}
        title={saved ? t('popup.save.savedHint') : undefined}
      >
        {saving ? t('popup.save.saving') : saved ? t('popup.save.saved') : t('popup.save.add')}
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
      <summary>{t('popup.seenBefore.summary', { line: seenBeforeLine(seen) })}</summary>
      <ul aria-label={t('popup.seenBefore.list')}>
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
              {t('count.entries', { count: article.shared })}
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
          {t('extension.name')}
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
            {t('popup.everySite')}
          </span>
          <span class="switch-state" aria-hidden="true">
            {settings.enabled ? t('switch.on') : t('switch.off')}
          </span>
        </label>
      </header>
      <SettingsNotice problem={notice} />
      {props.mySources?.outcome && !props.mySources.outcome.ok && (
        <p class="error" role="alert">
          {props.mySources.outcome.message}
        </p>
      )}
      <section class="panel" aria-label={t('popup.thisSite')}>
        <StatusLine status={status} summary={summary} onAnnotatePage={props.onAnnotatePage} />
        {pauseSite && (
          <Switch
            checked={status.kind === 'paused'}
            onChange={(paused) => props.onPauseSite(pauseSite, paused)}
            showState
          >
            {t('popup.pauseOn', { site: pauseSite })}
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
          <h2 id="highlights-heading">{listing ? t('popup.found.heading') : t('popup.highlights')}</h2>
          {listing && (
            <span class="column-label" aria-hidden="true">
              {t('popup.found.mentionsColumn')}
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
        <summary>{t('popup.keySummary')}</summary>
        <HighlightKey />
      </details>
      <p class="about">
        <span>{t('popup.knowledgeFrom', { count: props.sourceCount })}</span>
        <button type="button" class="link" onClick={props.onOpenOptions}>
          {t('popup.settingsAndSources')}
        </button>
      </p>
    </main>
  );
}
