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
    if (!site) return setSiteError(t('options.paused.notASite', { text: newSite }));
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
          {t('options.title')}
        </h1>
        <p>{t('options.intro', { count: details.sources.length })}</p>
      </header>
      <SettingsNotice problem={notice} />

      <div class="options-grid">
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

        <section class="card-section" aria-labelledby="key-heading">
          <h2 id="key-heading">{t('popup.keySummary')}</h2>
          <p class="intro">{t('options.keyIntro')}</p>
          <HighlightKey />
        </section>

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
                    <button
                      type="button"
                      class="button"
                      onClick={() => onChange(withSitePaused(settings, site, false))}
                    >
                      {t('options.paused.resume')} <span class="visually-hidden">{site}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
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
        </section>
      </div>

      {children}

      <section class="card-section" aria-labelledby="kb-heading">
        <h2 id="kb-heading">{t('options.kb.heading')}</h2>
        <p class="intro">{t('options.kb.intro')}</p>
        <div class="field kb-search">
          <label for="kb-search">{t('options.kb.search')}</label>
          <input
            id="kb-search"
            type="search"
            value={query}
            placeholder={t('options.kb.placeholder')}
            aria-describedby="kb-count"
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </div>
        <p id="kb-count" class="kb-count" aria-live="polite">
          {shown.length === entries.length
            ? t('count.entries', { count: entries.length })
            : t('options.kb.shownOf', { shown: shown.length, count: entries.length })}
        </p>
        <div class="kb">
          {shown.length === 0 ? (
            <p class="kb-empty">{t('options.kb.noMatch', { query: query.trim() })}</p>
          ) : (
            <ul class="kb-list" aria-label={t('options.kb.entries')} ref={list}>
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
                    <HighlightSample category={entry.category}>{categoryLabel(entry.category)}</HighlightSample>
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
            shown.length > 0 && <p class="kb-placeholder">{t('options.kb.choose')}</p>
          )}
        </div>
      </section>

      <section class="card-section" aria-labelledby="sources-heading">
        <h2 id="sources-heading">{t('options.sources.heading')}</h2>
        <p class="intro">{t('options.sources.intro')}</p>
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
              <span class="meta">{t('options.sources.language', { language: languageName(source.language) })}</span>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
