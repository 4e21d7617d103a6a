import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { lookupEntry } from '@/lib/kb/lookup';
import type { OwnSources } from '@/lib/my-sources/card-data';
import { withOwnSources, type EntryResponse } from '@/lib/my-sources/entry';
import { searchEntries } from '@/lib/kb/search';
import type { EntryDetails, KbDetails } from '@/lib/kb/types';
import {
  normalizeSite,
  withCategory,
  withEveryMention,
  withSitePaused,
  type Settings,
  type SettingsProblem,
} from '@/lib/settings/schema';
import { t, uiLanguage } from '@/lib/i18n';
import { categoryLabel } from '@/lib/kb/category-labels';
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

/** "English", "Chinese" (or 英语, 中文): a source's language in the reader's. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage()], { type: 'language' }).of(code) ?? code;
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
  return (
    <main class="options">
      <header class="options-head">
        <h1 class="brand">
          <img src={iconUrl} alt="" width={24} height={24} />
          {t('options.title')}
        </h1>
        <p>{t('options.intro', { count: details.sources.length })}</p>
      </header>
      <SettingsNotice problem={notice} />

      <div class="options-grid">
        <HighlightSettings settings={settings} onChange={onChange} />
        <section class="card-section" aria-labelledby="key-heading">
          <h2 id="key-heading">{t('popup.keySummary')}</h2>
          <p class="intro">{t('options.keyIntro')}</p>
          <HighlightKey />
        </section>
        <PausedSites settings={settings} onChange={onChange} />
      </div>

      {children}

      <KnowledgeBrowser
        details={details}
        readerLanguage={readerLanguage}
        onShowEntry={onShowEntry}
        ownSources={ownSources}
      />
      <SourceList sources={details.sources} />
    </main>
  );
}

interface SettingsSectionProps {
  readonly settings: Settings;
  readonly onChange: (settings: Settings) => void;
}

/** Which categories are highlighted, and whether every mention is. */
function HighlightSettings({ settings, onChange }: SettingsSectionProps) {
  return (
    <section class="card-section" aria-labelledby="categories-heading">
      <h2 id="categories-heading">{t('options.highlightsShown')}</h2>
      <p class="intro">{t('options.changesApply')}</p>
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
        {t('options.everyMention')}
      </Switch>
      <p id="every-mention-hint" class="setting-hint">
        {t('options.everyMentionHint')}
      </p>
    </section>
  );
}

/** The sites Crosscheck is paused on, each with a way to resume, and a form to pause on another. */
function PausedSites({ settings, onChange }: SettingsSectionProps) {
  return (
    <section class="card-section" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('options.paused.heading')}</h2>
      {settings.pausedSites.length === 0 ? (
        <p class="intro">{t('options.paused.none')}</p>
      ) : (
        <>
          <p class="intro">{t('options.paused.intro')}</p>
          <ul class="sites">
            {settings.pausedSites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button type="button" class="button" onClick={() => onChange(withSitePaused(settings, site, false))}>
                  {t('options.paused.resume')} <span class="visually-hidden">{site}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <PauseSiteForm onPause={(site) => onChange(withSitePaused(settings, site, true))} />
    </section>
  );
}

/** A site name to pause on, said back in words when it is not one. */
function PauseSiteForm({ onPause }: { readonly onPause: (site: string) => void }) {
  const [newSite, setNewSite] = useState('');
  const [siteError, setSiteError] = useState<string | null>(null);
  const addSite = (event: Event) => {
    event.preventDefault();
    const site = normalizeSite(newSite);
    if (!site) return setSiteError(t('options.paused.notASite', { text: newSite }));
    setSiteError(null);
    setNewSite('');
    onPause(site);
  };
  return (
    <form onSubmit={addSite} class="field add-site">
      <label for="new-site">{t('options.paused.add')}</label>
      <div class="field-row">
        <input
          id="new-site"
          value={newSite}
          placeholder={t('options.paused.placeholder')}
          aria-invalid={siteError ? 'true' : undefined}
          aria-describedby={siteError ? 'site-error' : undefined}
          onInput={(e) => setNewSite(e.currentTarget.value)}
        />
        <button type="submit" class="button">
          {t('options.paused.pause')}
        </button>
      </div>
      {siteError && (
        <p id="site-error" class="error">
          {siteError}
        </p>
      )}
    </form>
  );
}

type KnowledgeBrowserProps = Pick<OptionsProps, 'details' | 'onShowEntry' | 'ownSources'> & {
  readonly readerLanguage: string;
};

/** The knowledge base, searchable, with the card of the entry chosen beside the list. */
function KnowledgeBrowser({ details, readerLanguage, onShowEntry, ownSources }: KnowledgeBrowserProps) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
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
    <section class="card-section" aria-labelledby="kb-heading">
      <h2 id="kb-heading">{t('options.kb.heading')}</h2>
      <p class="intro">{t('options.kb.intro')}</p>
      <KnowledgeSearch query={query} onQuery={setQuery} shown={shown.length} total={entries.length} />
      <div class="kb">
        {shown.length === 0 ? (
          <p class="kb-empty">{t('options.kb.noMatch', { query: query.trim() })}</p>
        ) : (
          <EntryList entries={shown} selected={selected} onSelect={setSelected} listRef={list} />
        )}
        {response ? (
          <EntryPane
            response={response}
            readerLanguage={readerLanguage}
            onClose={() => {
              setRefocus(selected);
              setSelected(null);
            }}
            onOpenEntry={openEntry}
          />
        ) : (
          shown.length > 0 && <p class="kb-placeholder">{t('options.kb.choose')}</p>
        )}
      </div>
    </section>
  );
}

/** The search field, and how many entries it leaves (said to screen readers as it changes). */
function KnowledgeSearch({
  query,
  onQuery,
  shown,
  total,
}: {
  readonly query: string;
  readonly onQuery: (query: string) => void;
  readonly shown: number;
  readonly total: number;
}) {
  return (
    <>
      <div class="field kb-search">
        <label for="kb-search">{t('options.kb.search')}</label>
        <input
          id="kb-search"
          type="search"
          value={query}
          placeholder={t('options.kb.placeholder')}
          aria-describedby="kb-count"
          onInput={(e) => onQuery(e.currentTarget.value)}
        />
      </div>
      <p id="kb-count" class="kb-count" aria-live="polite">
        {shown === total ? t('count.entries', { count: total }) : t('options.kb.shownOf', { shown, count: total })}
      </p>
    </>
  );
}

/** The entries found, each a button that shows its card, with its category drawn as its highlight. */
function EntryList({
  entries,
  selected,
  onSelect,
  listRef,
}: {
  readonly entries: readonly EntryDetails[];
  readonly selected: string | null;
  readonly onSelect: (id: string) => void;
  readonly listRef: Ref<HTMLUListElement>;
}) {
  return (
    <ul class="kb-list" aria-label={t('options.kb.entries')} ref={listRef}>
      {entries.map((entry) => (
        <li key={entry.id} class={selected === entry.id ? 'selected' : undefined}>
          <button
            type="button"
            class="link"
            aria-pressed={selected === entry.id}
            data-entry={entry.id}
            onClick={() => onSelect(entry.id)}
          >
            {entry.label}
          </button>
          <span class="category-name">
            <HighlightSample category={entry.category}>{categoryLabel(entry.category)}</HighlightSample>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The chosen entry's card, beside the list. */
function EntryPane({
  response,
  readerLanguage,
  onClose,
  onOpenEntry,
}: {
  readonly response: EntryResponse;
  readonly readerLanguage: string;
  readonly onClose: () => void;
  readonly onOpenEntry: (id: string) => void;
}) {
  return (
    <section class="kb-entry" aria-labelledby="kb-entry-heading">
      <EntryCard
        entry={response.entry}
        sources={response.sources}
        corpusSize={response.corpusSize}
        readerLanguage={readerLanguage}
        uiLanguage={readerLanguage}
        headingId="kb-entry-heading"
        onClose={onClose}
        onOpenEntry={onOpenEntry}
        own={response.own}
      />
    </section>
  );
}

/** The bundled sources, with what is known of each: every excerpt is a verbatim passage of one. */
function SourceList({ sources }: { readonly sources: KbDetails['sources'] }) {
  return (
    <section class="card-section" aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t('options.sources.heading')}</h2>
      <p class="intro">{t('options.sources.intro')}</p>
      <ol class="sources">
        {sources.map((source) => (
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
            <span class="meta">{t('options.sources.language', { language: languageName(source.language) })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
