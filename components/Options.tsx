import { useMemo, useState } from 'preact/hooks';
import { lookupEntry } from '@/lib/kb/lookup';
import type { KbDetails } from '@/lib/kb/types';
import {
  normalizeSite,
  withCategory,
  withSitePaused,
  type Settings,
  type SettingsProblem,
} from '@/lib/settings/schema';
import { CATEGORY_LABELS } from './category-labels';
import { CategorySwitches } from './CategorySwitches';
import { attribution, EntryCard } from './EntryCard';
import { SettingsNotice } from './SettingsNotice';

export interface OptionsProps {
  readonly settings: Settings;
  readonly details: KbDetails;
  readonly notice: SettingsProblem | null;
  readonly onChange: (settings: Settings) => void;
}

/** Options: categories shown, paused sites, a browsable knowledge base and the corpus it comes from. */
export function Options({ settings, details, notice, onChange }: OptionsProps) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [newSite, setNewSite] = useState('');
  const [siteError, setSiteError] = useState<string | null>(null);
  const entries = useMemo(
    () => Object.values(details.entries).sort((a, b) => a.label.localeCompare(b.label)),
    [details],
  );
  const needle = query.trim().toLowerCase();
  const shown = needle
    ? entries.filter((e) => e.label.toLowerCase().includes(needle) || e.summary.toLowerCase().includes(needle))
    : entries;
  const addSite = (event: Event) => {
    event.preventDefault();
    const site = normalizeSite(newSite);
    if (!site) return setSiteError(`“${newSite}” is not a site name such as example.com.`);
    setSiteError(null);
    setNewSite('');
    onChange(withSitePaused(settings, site, true));
  };
  const response = selected ? lookupEntry(details, selected) : null;
  return (
    <main class="options">
      <h1>Crosscheck settings</h1>
      <SettingsNotice problem={notice} />

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">Highlights shown</h2>
        <CategorySwitches
          shown={settings.categories}
          onChange={(category, shown) => onChange(withCategory(settings, category, shown))}
        />
      </section>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">Paused sites</h2>
        {settings.pausedSites.length === 0 ? (
          <p>Crosscheck runs on every news site.</p>
        ) : (
          <ul class="sites">
            {settings.pausedSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button type="button" onClick={() => onChange(withSitePaused(settings, site, false))}>
                  Resume <span class="visually-hidden">{site}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={addSite} class="add-site">
          <label for="new-site">Pause on a site</label>
          <input
            id="new-site"
            value={newSite}
            placeholder="example.com"
            aria-invalid={siteError ? 'true' : undefined}
            aria-describedby={siteError ? 'site-error' : undefined}
            onInput={(e) => setNewSite(e.currentTarget.value)}
          />
          <button type="submit">Pause</button>
          {siteError && (
            <p id="site-error" class="error">
              {siteError}
            </p>
          )}
        </form>
      </section>

      <section aria-labelledby="kb-heading">
        <h2 id="kb-heading">What Crosscheck knows</h2>
        <label for="kb-search">Search the knowledge base</label>
        <input id="kb-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        <p class="count" aria-live="polite">
          {shown.length} of {entries.length} entries
        </p>
        <div class="kb">
          <ul class="kb-list">
            {shown.map((entry) => (
              <li key={entry.id}>
                <button
                  type="button"
                  class="link"
                  aria-pressed={selected === entry.id}
                  onClick={() => setSelected(entry.id)}
                >
                  {entry.label}
                </button>{' '}
                <span class="meta">{CATEGORY_LABELS[entry.category]}</span>
              </li>
            ))}
          </ul>
          {response && (
            <div class="kb-entry" aria-live="polite">
              <EntryCard
                entry={response.entry}
                sources={response.sources}
                corpusSize={response.corpusSize}
                readerLanguage={document.documentElement.lang || 'en'}
                headingId="kb-entry-heading"
                onClose={() => setSelected(null)}
                onOpenEntry={setSelected}
              />
            </div>
          )}
        </div>
      </section>

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">The sources</h2>
        <p>
          Every excerpt Crosscheck shows is a verbatim passage of one of these. What a source does not say about itself
          is shown as unknown.
        </p>
        <ol class="sources">
          {details.sources.map((source) => (
            <li key={source.id}>
              <strong>
                {source.url ? (
                  <a href={source.url} target="_blank" rel="noopener noreferrer">
                    {source.title ?? 'Untitled'}
                  </a>
                ) : (
                  (source.title ?? 'Untitled')
                )}
              </strong>
              <br />
              {attribution(source)}
              {source.dateNote && <span class="meta"> ({source.dateNote})</span>}
              <br />
              <span class="meta">
                File {source.file} · language {source.language}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
