import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { lookupEntry } from '@/lib/kb/lookup';
import type { OwnSources } from '@/lib/my-sources/card-data';
import { withOwnSources, type EntryResponse } from '@/lib/my-sources/entry';
import { searchEntries } from '@/lib/kb/search';
import type { KbDetails } from '@/lib/kb/types';
import {
  normalizeSite,
  withCategory,
  withEveryMention,
  withSitePaused,
  type Settings,
  type SettingsProblem,
} from '@/lib/settings/schema';
import { CATEGORY_LABELS } from '@/lib/kb/category-labels';
import { CategorySwitches } from './CategorySwitches';
import { EntryCard, SourceAttribution } from './EntryCard';
import { HighlightKey, HighlightSample } from './HighlightKey';
import iconUrl from './icon/icon.svg';
import { SettingsNotice } from './SettingsNotice';
import { Switch } from './Switch';
import { sourceTitle } from './source-names';

export interface OptionsProps {
  readonly settings: Settings;
  readonly details: KbDetails;
  readonly notice: SettingsProblem | null;
  readonly onChange: (settings: Settings) => void;
  /** The reader's language (the browser's interface language): the entry card's summary and the order of its excerpts. */
  readonly readerLanguage?: string;
  /** The reader's own sources (saved articles, tracked terms), shown before the knowledge base. */
  readonly children?: ComponentChildren;
  /** Told which entry's card is shown (null: none), so its saved articles can be looked up. */
  readonly onShowEntry?: (id: string | null) => void;
  /** What the reader's saved articles say about the entry whose card is shown. */
  readonly ownSources?: { readonly entryId: string; readonly own: OwnSources } | null;
}

/** "English", "Chinese": a source's language as readers say it. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Options: categories shown, paused sites, a browsable knowledge base and the corpus it comes from. */
export function Options({
  settings,
  details,
  notice,
  onChange,
  readerLanguage = 'en',
  children,
  onShowEntry,
  ownSources,
}: OptionsProps) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [newSite, setNewSite] = useState('');
  const [siteError, setSiteError] = useState<string | null>(null);
  // Closing the card returns focus to its entry in the list.
  const [refocus, setRefocus] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (refocus === null) return;
    [...(list.current?.querySelectorAll<HTMLButtonElement>('button[data-entry]') ?? [])]
      .find((button) => button.dataset.entry === refocus)
      ?.focus();
    setRefocus(null);
  }, [refocus]);
  const entries = useMemo(() => Object.values(details.entries), [details]);
  const shown = useMemo(() => searchEntries(entries, query), [entries, query]);
  const addSite = (event: Event) => {
    event.preventDefault();
    const site = normalizeSite(newSite);
    if (!site) return setSiteError(`“${newSite}” is not a site name such as example.com.`);
    setSiteError(null);
    setNewSite('');
    onChange(withSitePaused(settings, site, true));
  };
  // The card shows only an entry the list shows: a search that leaves it out takes the card away.
  const cardId = selected && shown.some((e) => e.id === selected) ? selected : null;
  useEffect(() => onShowEntry?.(cardId), [cardId, onShowEntry]);
  const bundled = cardId ? lookupEntry(details, cardId) : null;
  const own = ownSources?.entryId === cardId ? ownSources.own : undefined;
  const response: EntryResponse | null = bundled && own ? withOwnSources(bundled, own, details) : bundled;
  const openEntry = (id: string) => {
    // A related entry the search leaves out: show the whole list again, so the card has its entry.
    if (!shown.some((e) => e.id === id)) setQuery('');
    setSelected(id);
  };
  return (
    <main class="options">
      <header class="options-head">
        <h1 class="brand">
          <img src={iconUrl} alt="" width={24} height={24} />
          Crosscheck settings
        </h1>
        <p>
          Crosscheck highlights what a news article names and shows what its {details.sources.length} bundled sources
          say about it. Nothing you read leaves the browser.
        </p>
      </header>
      <SettingsNotice problem={notice} />

      <div class="options-grid">
        <section class="card-section" aria-labelledby="categories-heading">
          <h2 id="categories-heading">Highlights shown</h2>
          <p class="intro">Changes apply at once in every open tab.</p>
          <CategorySwitches
            shown={settings.categories}
            onChange={(category, shown) => onChange(withCategory(settings, category, shown))}
          />
          <Switch
            checked={settings.everyMention}
            onChange={(every) => onChange(withEveryMention(settings, every))}
            describedBy="every-mention-hint"
            class="every-mention"
          >
            Highlight every mention
          </Switch>
          <p id="every-mention-hint" class="setting-hint">
            Off: an entry is highlighted at its first mention in each section of an article. Figures are always
            highlighted.
          </p>
        </section>

        <section class="card-section" aria-labelledby="key-heading">
          <h2 id="key-heading">What the highlights mean</h2>
          <p class="intro">
            Each category has its own colour. A figure’s underline says how it compares with the sources.
          </p>
          <HighlightKey />
        </section>

        <section class="card-section" aria-labelledby="sites-heading">
          <h2 id="sites-heading">Paused sites</h2>
          {settings.pausedSites.length === 0 ? (
            <p class="intro">Crosscheck runs on every news site.</p>
          ) : (
            <>
              <p class="intro">Crosscheck highlights nothing on these sites and their subdomains.</p>
              <ul class="sites">
                {settings.pausedSites.map((site) => (
                  <li key={site}>
                    <span>{site}</span>
                    <button
                      type="button"
                      class="button"
                      onClick={() => onChange(withSitePaused(settings, site, false))}
                    >
                      Resume <span class="visually-hidden">{site}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          <form onSubmit={addSite} class="field add-site">
            <label for="new-site">Pause on a site</label>
            <div class="field-row">
              <input
                id="new-site"
                value={newSite}
                placeholder="example.com"
                aria-invalid={siteError ? 'true' : undefined}
                aria-describedby={siteError ? 'site-error' : undefined}
                onInput={(e) => setNewSite(e.currentTarget.value)}
              />
              <button type="submit" class="button">
                Pause
              </button>
            </div>
            {siteError && (
              <p id="site-error" class="error">
                {siteError}
              </p>
            )}
          </form>
        </section>
      </div>

      {children}

      <section class="card-section" aria-labelledby="kb-heading">
        <h2 id="kb-heading">What Crosscheck knows</h2>
        <p class="intro">
          Every entry of the knowledge base, with what the sources say about it. Search by name, by word, or by a
          figure’s value.
        </p>
        <div class="field kb-search">
          <label for="kb-search">Search the knowledge base</label>
          <input
            id="kb-search"
            type="search"
            value={query}
            placeholder="Newsom, secession, $76 billion…"
            aria-describedby="kb-count"
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </div>
        <p id="kb-count" class="kb-count" aria-live="polite">
          {shown.length === entries.length
            ? `${entries.length} entries`
            : `${shown.length} of ${entries.length} entries`}
        </p>
        <div class="kb">
          {shown.length === 0 ? (
            <p class="kb-empty">Nothing in the knowledge base matches “{query.trim()}”.</p>
          ) : (
            <ul class="kb-list" aria-label="Entries" ref={list}>
              {shown.map((entry) => (
                <li key={entry.id} class={selected === entry.id ? 'selected' : undefined}>
                  <button
                    type="button"
                    class="link"
                    aria-pressed={selected === entry.id}
                    data-entry={entry.id}
                    onClick={() => setSelected(entry.id)}
                  >
                    {entry.label}
                  </button>
                  <span class="category-name">
                    <HighlightSample category={entry.category}>{CATEGORY_LABELS[entry.category]}</HighlightSample>
                  </span>
                </li>
              ))}
            </ul>
          )}
          {response ? (
            <section class="kb-entry" aria-labelledby="kb-entry-heading">
              <EntryCard
                entry={response.entry}
                sources={response.sources}
                corpusSize={response.corpusSize}
                readerLanguage={readerLanguage}
                uiLanguage={readerLanguage}
                headingId="kb-entry-heading"
                onClose={() => {
                  setRefocus(selected);
                  setSelected(null);
                }}
                onOpenEntry={openEntry}
                own={response.own}
              />
            </section>
          ) : (
            shown.length > 0 && <p class="kb-placeholder">Choose an entry to see what the sources say about it.</p>
          )}
        </div>
      </section>

      <section class="card-section" aria-labelledby="sources-heading">
        <h2 id="sources-heading">The sources</h2>
        <p class="intro">
          Every excerpt Crosscheck shows is a verbatim passage of one of these. Where a source does not state its
          author, outlet or date, Crosscheck says so rather than guess.
        </p>
        <ol class="sources">
          {details.sources.map((source) => (
            <li key={source.id}>
              <span class="source-title">
                {source.url ? (
                  <a href={source.url} target="_blank" rel="noopener noreferrer">
                    {sourceTitle(source)}
                  </a>
                ) : (
                  sourceTitle(source)
                )}
              </span>
              <br />
              <SourceAttribution source={source} />
              {source.dateNote && <span class="meta"> ({source.dateNote})</span>}
              <br />
              <span class="meta">In {languageName(source.language)}</span>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
