import { useState } from 'preact/hooks';
import type { OwnSourceRecord } from '@/lib/my-sources/card-data';
import { foldForSearch } from '@/lib/kb/search';
import { TRACKED_CATEGORIES, type TrackedCategory, type TrackedTerm } from '@/lib/my-sources/types';
import type { TrackedHighlights } from '@/lib/settings/schema';
import { t } from '@/lib/i18n';
import { categoryLabel } from '@/lib/kb/category-labels';
import { Declared } from './Credit';
import { declaredDay, OwnAttribution } from './OwnSources';
import { searchProgress, splitAliases } from './TrackForm';
import { TrackedHighlightsChoice } from './TrackedHighlightsChoice';

/** A saved article as the options page lists it. */
export interface ListedArticle extends OwnSourceRecord {
  readonly savedAt: number;
}

export type ArticleOrder = 'saved' | 'published' | 'site';

export interface MySourcesOptionsProps {
  /** Null until they are read: the page says so rather than "none". */
  readonly articles: readonly ListedArticle[] | null;
  readonly tracked: readonly (TrackedTerm & { readonly found: number })[];
  /** Bytes the extension's storage uses, as the browser estimates it; null where it cannot say. */
  readonly storageUsed: number | null;
  /** The outcome of the last action (delete, import, export…), in words. */
  readonly message: { readonly ok: boolean; readonly text: string } | null;
  readonly onDelete: (id: number) => void;
  readonly onDeleteAll: () => void;
  readonly onUpdateTracked: (term: TrackedTerm, category: TrackedCategory, aliases: readonly string[]) => void;
  readonly onDeleteTracked: (id: number) => void;
  readonly onExport: () => void;
  readonly onImport: (file: File) => void;
  /** Where tracked terms are highlighted (the reader's settings). */
  readonly trackedHighlights: TrackedHighlights;
  /** The sites the reader allows tracked terms on. */
  readonly trackedSites: readonly string[];
  readonly onTrackedHighlights: (value: TrackedHighlights) => void;
  readonly onStopTrackedSite: (site: string) => void;
  /** An import under way: articles written so far and the pack's (null while the pack is read). */
  readonly importing: ImportState | null;
  readonly onCancelImport: () => void;
}

export interface ImportState {
  readonly done: number;
  readonly total: number | null;
  /** The reader chose Cancel: it stops after the batch being written. */
  readonly cancelling: boolean;
}

/** "Imported 4,000 of 20,000 articles…". */
export function importProgress({ done, total, cancelling }: ImportState): string {
  if (cancelling) return t('mySources.importing.stopping', { count: done });
  if (total === null) return t('mySources.importing.reading');
  return t('mySources.importing.progress', { done, count: total });
}

/** At most this many articles are listed at once: a search narrows a long list. */
export const LISTED_ARTICLES = 200;

const UNITS = ['count.kilobytes', 'count.megabytes', 'count.gigabytes'] as const;

/** "12.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return t('count.bytes', { count: bytes });
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return t(UNITS[unit]!, { size: value >= 10 ? value.toFixed(0) : value.toFixed(1) });
}

/** The articles a search finds (in title, site, author or address), in the chosen order. */
export function listArticles(articles: readonly ListedArticle[], query: string, order: ArticleOrder): ListedArticle[] {
  const needle = foldForSearch(query);
  const found = needle
    ? articles.filter((a) => foldForSearch([a.title, a.site, a.author, a.url].join(' ')).includes(needle))
    : [...articles];
  const byPublished = (a: ListedArticle, b: ListedArticle) =>
    (declaredDay(b.published) ?? '').localeCompare(declaredDay(a.published) ?? '');
  const compare: Record<ArticleOrder, (a: ListedArticle, b: ListedArticle) => number> = {
    saved: (a, b) => b.savedAt - a.savedAt,
    published: (a, b) => byPublished(a, b) || b.savedAt - a.savedAt,
    // Articles without a declared site last.
    site: (a, b) =>
      Number(a.site === null) - Number(b.site === null) ||
      (a.site ?? '').localeCompare(b.site ?? '') ||
      byPublished(a, b),
  };
  return found.sort(compare[order]);
}

function TrackedRow({
  term,
  total,
  onUpdate,
  onDelete,
}: {
  readonly term: TrackedTerm & { readonly found: number };
  /** How many articles are saved: what a search goes through. */
  readonly total: number;
  readonly onUpdate: MySourcesOptionsProps['onUpdateTracked'];
  readonly onDelete: (id: number) => void;
}) {
  const [aliases, setAliases] = useState(term.aliases.join(', '));
  const [category, setCategory] = useState<TrackedCategory>(term.category);
  const id = `tracked-${term.id}`;
  return (
    <li class="tracked-term">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onUpdate(term, category, splitAliases(aliases));
        }}
      >
        <p class="tracked-label">
          <strong>{term.label}</strong>{' '}
          <span class="meta">
            {term.search
              ? searchProgress(term.search.searched, total)
              : t('mySources.tracked.foundIn', { count: term.found })}
          </span>
        </p>
        <div class="field-row">
          <label class="visually-hidden" for={`${id}-category`}>
            {t('mySources.tracked.categoryOf', { term: term.label })}
          </label>
          <select
            id={`${id}-category`}
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value as TrackedCategory)}
          >
            {TRACKED_CATEGORIES.map((value) => (
              <option key={value} value={value}>
                {categoryLabel(value)}
              </option>
            ))}
          </select>
          <label class="visually-hidden" for={`${id}-aliases`}>
            {t('mySources.tracked.otherNamesOf', { term: term.label })}
          </label>
          <input
            id={`${id}-aliases`}
            value={aliases}
            placeholder={t('mySources.tracked.otherNames')}
            onInput={(e) => setAliases(e.currentTarget.value)}
          />
          <button type="submit" class="button">
            {t('mySources.tracked.save')} <span class="visually-hidden">{term.label}</span>
          </button>
          <button type="button" class="button" onClick={() => onDelete(term.id!)}>
            {t('mySources.tracked.stopTracking')} <span class="visually-hidden">{term.label}</span>
          </button>
        </div>
      </form>
    </li>
  );
}

/**
 * The options page's part for the reader's own sources: saved articles (search, sort, delete one
 * or all), tracked terms (aliases and category editable), the storage used, and knowledge packs.
 */
export function MySourcesOptions(props: MySourcesOptionsProps) {
  const { tracked, storageUsed, message, importing } = props;
  const articles = props.articles ?? [];
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<ArticleOrder>('saved');
  const [confirming, setConfirming] = useState(false);
  const listed = listArticles(articles, query, order);
  const shown = listed.slice(0, LISTED_ARTICLES);
  return (
    <section class="card-section my-sources-options" aria-labelledby="my-sources-heading">
      <h2 id="my-sources-heading">{t('mySources.heading')}</h2>
      <p class="intro">
        {t('mySources.intro')}{' '}
        {storageUsed !== null && (
          <span class="storage-used">{t('mySources.storageUsed', { size: formatBytes(storageUsed) })}</span>
        )}
      </p>
      {message && (
        <p class={message.ok ? 'notice' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}

      <h3 id="saved-heading">
        {props.articles === null
          ? t('mySources.saved.heading')
          : t('mySources.saved.headingCount', { count: articles.length })}
      </h3>
      <div class="field-row saved-controls">
        <label class="visually-hidden" for="saved-search">
          {t('mySources.saved.search')}
        </label>
        <input
          id="saved-search"
          type="search"
          value={query}
          placeholder={t('mySources.saved.placeholder')}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <label for="saved-order">{t('mySources.saved.sortBy')}</label>
        <select id="saved-order" value={order} onChange={(e) => setOrder(e.currentTarget.value as ArticleOrder)}>
          <option value="saved">{t('mySources.saved.bySaved')}</option>
          <option value="published">{t('mySources.saved.byPublished')}</option>
          <option value="site">{t('mySources.saved.bySite')}</option>
        </select>
      </div>
      {props.articles === null ? (
        <p class="meta">{t('mySources.saved.reading')}</p>
      ) : articles.length === 0 ? (
        <p class="meta">{t('mySources.saved.none')}</p>
      ) : (
        <>
          <p class="meta" aria-live="polite">
            {listed.length === articles.length
              ? t('count.articles', { count: articles.length })
              : t('mySources.saved.shownOf', { shown: listed.length, count: articles.length })}
            {listed.length > shown.length && t('mySources.saved.firstListed', { count: shown.length })}
          </p>
          <ul class="saved-articles" aria-labelledby="saved-heading">
            {shown.map((article) => (
              <li key={article.id}>
                <span class="saved-article">
                  <a href={article.url} target="_blank" rel="noopener noreferrer">
                    {article.title === null ? t('mySources.saved.untitled') : <Declared text={article.title} />}
                  </a>
                  <br />
                  <span class="meta">
                    <OwnAttribution article={article} />
                  </span>
                </span>
                <button type="button" class="button" onClick={() => props.onDelete(article.id)}>
                  {t('mySources.saved.delete')}{' '}
                  <span class="visually-hidden">
                    <Declared text={article.title ?? article.url} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      <h3 id="tracked-heading">{t('mySources.tracked.heading', { count: tracked.length })}</h3>
      <TrackedHighlightsChoice
        id="tracked-where"
        value={props.trackedHighlights}
        onChange={props.onTrackedHighlights}
      />
      {props.trackedHighlights === 'allowed-sites' &&
        (props.trackedSites.length === 0 ? (
          <p class="meta">{t('mySources.tracked.noSite')}</p>
        ) : (
          <ul class="sites" aria-label={t('mySources.tracked.sites')}>
            {props.trackedSites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button type="button" class="button" onClick={() => props.onStopTrackedSite(site)}>
                  {t('mySources.tracked.stop')}{' '}
                  <span class="visually-hidden">{t('mySources.tracked.stopSite', { site })}</span>
                </button>
              </li>
            ))}
          </ul>
        ))}
      {tracked.length === 0 ? (
        <p class="meta">{t('mySources.tracked.none')}</p>
      ) : (
        <ul class="tracked-terms" aria-labelledby="tracked-heading">
          {tracked.map((term) => (
            <TrackedRow
              key={`${term.id}-${term.aliases.join(',')}-${term.category}`}
              term={term}
              total={articles.length}
              onUpdate={props.onUpdateTracked}
              onDelete={props.onDeleteTracked}
            />
          ))}
        </ul>
      )}

      <h3>{t('mySources.pack.heading')}</h3>
      <p class="meta">{t('mySources.pack.intro')}</p>
      <div class="field-row pack-actions">
        <button type="button" class="button" onClick={props.onExport}>
          {t('mySources.pack.export')}
        </button>
        <label class={`button file-button${importing ? ' disabled' : ''}`}>
          {t('mySources.pack.import')}
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            disabled={importing !== null}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) props.onImport(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
        {confirming ? (
          <>
            <button
              type="button"
              class="button danger"
              onClick={() => {
                setConfirming(false);
                props.onDeleteAll();
              }}
            >
              {t('mySources.pack.deleteEverything')}
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              {t('mySources.pack.keep')}
            </button>
          </>
        ) : (
          <button type="button" class="button" disabled={importing !== null} onClick={() => setConfirming(true)}>
            {t('mySources.pack.deleteAll')}
          </button>
        )}
      </div>
      {importing && (
        <div class="field-row import-progress">
          <span id="import-progress-text" role="status">
            {importProgress(importing)}
          </span>
          <progress
            aria-labelledby="import-progress-text"
            max={importing.total ?? undefined}
            value={importing.total === null ? undefined : importing.done}
          />
          <button type="button" class="button" disabled={importing.cancelling} onClick={props.onCancelImport}>
            {t('mySources.pack.cancelImport')}
          </button>
        </div>
      )}
      {confirming && (
        <p class="error" role="alert">
          {t('mySources.pack.deleteWarning')}
        </p>
      )}
    </section>
  );
}
