import { useState } from 'preact/hooks';
import type { OwnSourceRecord } from '@/lib/my-sources/card-data';
import { foldForSearch } from '@/lib/kb/search';
import { TRACKED_CATEGORIES, type TrackedCategory, type TrackedTerm } from '@/lib/my-sources/types';
import type { TrackedHighlights } from '@/lib/settings/schema';
import { CATEGORY_LABELS } from '@/lib/kb/category-labels';
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
  if (cancelling) return `Stopping the import after ${done.toLocaleString('en')} articles…`;
  if (total === null) return 'Reading the knowledge pack…';
  return `Imported ${done.toLocaleString('en')} of ${total.toLocaleString('en')} articles…`;
}

/** At most this many articles are listed at once: a search narrows a long list. */
export const LISTED_ARTICLES = 200;

/** "12.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
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
              : `in ${term.found} saved ${term.found === 1 ? 'article' : 'articles'}`}
          </span>
        </p>
        <div class="field-row">
          <label class="visually-hidden" for={`${id}-category`}>
            Category of {term.label}
          </label>
          <select
            id={`${id}-category`}
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value as TrackedCategory)}
          >
            {TRACKED_CATEGORIES.map((value) => (
              <option key={value} value={value}>
                {CATEGORY_LABELS[value]}
              </option>
            ))}
          </select>
          <label class="visually-hidden" for={`${id}-aliases`}>
            Other names for {term.label}, separated by commas
          </label>
          <input
            id={`${id}-aliases`}
            value={aliases}
            placeholder="Other names, separated by commas"
            onInput={(e) => setAliases(e.currentTarget.value)}
          />
          <button type="submit" class="button">
            Save <span class="visually-hidden">{term.label}</span>
          </button>
          <button type="button" class="button" onClick={() => onDelete(term.id!)}>
            Stop tracking <span class="visually-hidden">{term.label}</span>
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
      <h2 id="my-sources-heading">Your sources</h2>
      <p class="intro">
        Articles you added with “Add to my sources” and the terms you track. They are stored only in this browser, and
        only when you ask; cards list them after the bundled sources.{' '}
        {storageUsed !== null && <span class="storage-used">Storage used: {formatBytes(storageUsed)}.</span>}
      </p>
      {message && (
        <p class={message.ok ? 'notice' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}

      <h3 id="saved-heading">
        {props.articles === null ? 'Saved articles' : `Saved articles (${articles.length.toLocaleString('en')})`}
      </h3>
      <div class="field-row saved-controls">
        <label class="visually-hidden" for="saved-search">
          Search your saved articles
        </label>
        <input
          id="saved-search"
          type="search"
          value={query}
          placeholder="Search by title, site or author"
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <label for="saved-order">Sort by</label>
        <select id="saved-order" value={order} onChange={(e) => setOrder(e.currentTarget.value as ArticleOrder)}>
          <option value="saved">date saved</option>
          <option value="published">date published</option>
          <option value="site">site</option>
        </select>
      </div>
      {props.articles === null ? (
        <p class="meta">Reading your saved articles…</p>
      ) : articles.length === 0 ? (
        <p class="meta">
          No saved articles yet. Open an article and choose “Add to my sources” in the popup or the page’s menu.
        </p>
      ) : (
        <>
          <p class="meta" aria-live="polite">
            {listed.length === articles.length
              ? `${articles.length.toLocaleString('en')} ${articles.length === 1 ? 'article' : 'articles'}`
              : `${listed.length.toLocaleString('en')} of ${articles.length.toLocaleString('en')} articles`}
            {listed.length > shown.length && `; the first ${shown.length} are listed, search to find others`}
          </p>
          <ul class="saved-articles" aria-labelledby="saved-heading">
            {shown.map((article) => (
              <li key={article.id}>
                <span class="saved-article">
                  <a href={article.url} target="_blank" rel="noopener noreferrer">
                    {article.title === null ? 'Untitled saved article' : <Declared text={article.title} />}
                  </a>
                  <br />
                  <span class="meta">
                    <OwnAttribution article={article} />
                  </span>
                </span>
                <button type="button" class="button" onClick={() => props.onDelete(article.id)}>
                  Delete{' '}
                  <span class="visually-hidden">
                    <Declared text={article.title ?? article.url} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      <h3 id="tracked-heading">Tracked terms ({tracked.length})</h3>
      <TrackedHighlightsChoice
        id="tracked-where"
        value={props.trackedHighlights}
        onChange={props.onTrackedHighlights}
      />
      {props.trackedHighlights === 'allowed-sites' &&
        (props.trackedSites.length === 0 ? (
          <p class="meta">No site allowed yet. Allow one from Crosscheck’s toolbar button on one of its pages.</p>
        ) : (
          <ul class="sites" aria-label="Sites where tracked terms are highlighted">
            {props.trackedSites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button type="button" class="button" onClick={() => props.onStopTrackedSite(site)}>
                  Stop <span class="visually-hidden">highlighting tracked terms on {site}</span>
                </button>
              </li>
            ))}
          </ul>
        ))}
      {tracked.length === 0 ? (
        <p class="meta">None yet. Select a phrase on a page and choose “Track with Crosscheck”.</p>
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

      <h3>Keep, move and share</h3>
      <p class="meta">
        A knowledge pack is one file with your saved articles and tracked terms. Importing one adds to what is here;
        articles you already have are updated, not duplicated.
      </p>
      <div class="field-row pack-actions">
        <button type="button" class="button" onClick={props.onExport}>
          Export a knowledge pack
        </button>
        <label class={`button file-button${importing ? ' disabled' : ''}`}>
          Import a knowledge pack…
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
              Yes, delete everything
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              Keep them
            </button>
          </>
        ) : (
          <button type="button" class="button" disabled={importing !== null} onClick={() => setConfirming(true)}>
            Delete all…
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
            Cancel the import
          </button>
        </div>
      )}
      {confirming && (
        <p class="error" role="alert">
          This deletes every saved article and tracked term from this browser. Export a pack first to keep them.
        </p>
      )}
    </section>
  );
}
