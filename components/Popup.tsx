import { CATEGORIES, type Category } from '@/lib/kb/types';
import type { FoundEntry, PageSummary } from '@/lib/messages';
import type { Settings, SettingsProblem } from '@/lib/settings/schema';
import { isActiveOn } from '@/lib/settings/schema';
import { CATEGORY_PLURALS } from './category-labels';
import { CategorySwitches } from './CategorySwitches';
import { SettingsNotice } from './SettingsNotice';

export interface PopupProps {
  readonly settings: Settings;
  /** What the current tab reports; null where Crosscheck cannot run (browser pages, stores). */
  readonly summary: PageSummary | null;
  readonly notice: SettingsProblem | null;
  readonly sourceCount: number;
  readonly onEnabled: (enabled: boolean) => void;
  readonly onCategory: (category: Category, shown: boolean) => void;
  readonly onPauseSite: (site: string, paused: boolean) => void;
  readonly onReveal: (id: string) => void;
  readonly onAnnotatePage: () => void;
  readonly onOpenOptions: () => void;
}

function countBy(entries: readonly FoundEntry[], category: Category): number {
  return entries.filter((e) => e.category === category).reduce((sum, e) => sum + e.count, 0);
}

/** The toolbar popup: what Crosscheck found on this page, and the switches that control it. */
export function Popup(props: PopupProps) {
  const { settings, summary, notice } = props;
  const entries = summary?.entries ?? [];
  const site = summary?.site ?? '';
  const paused = site !== '' && settings.enabled && !isActiveOn(settings, site);
  return (
    <main class="popup">
      <h1>Crosscheck</h1>
      <SettingsNotice problem={notice} />
      <label class="switch-row">
        <input
          type="checkbox"
          role="switch"
          checked={settings.enabled}
          onChange={(e) => props.onEnabled(e.currentTarget.checked)}
        />
        <span>Crosscheck is {settings.enabled ? 'on' : 'off'} everywhere</span>
      </label>
      {summary && site && settings.enabled && (
        <label class="switch-row">
          <input
            type="checkbox"
            role="switch"
            checked={paused}
            onChange={(e) => props.onPauseSite(site, e.currentTarget.checked)}
          />
          <span>Pause on {site}</span>
        </label>
      )}
      <fieldset class="categories">
        <legend>Highlights</legend>
        <CategorySwitches
          shown={settings.categories}
          counts={Object.fromEntries(CATEGORIES.map((c) => [c, countBy(entries, c)])) as Record<Category, number>}
          onChange={props.onCategory}
        />
      </fieldset>
      {!summary ? (
        <p class="status">Crosscheck does not run on this page.</p>
      ) : !summary.active ? (
        <p class="status">Crosscheck is not annotating this page.</p>
      ) : summary.scope === 'none' ? (
        <p class="status">
          No article found on this page.{' '}
          <button type="button" class="link" onClick={props.onAnnotatePage}>
            Annotate the whole page
          </button>
        </p>
      ) : entries.length === 0 ? (
        <p class="status">Nothing from the knowledge base on this page.</p>
      ) : (
        <section aria-label="Found on this page">
          <h2>Found on this page</h2>
          {CATEGORIES.filter((c) => entries.some((e) => e.category === c)).map((category) => (
            <div key={category}>
              <h3>{CATEGORY_PLURALS[category]}</h3>
              <ul class="found">
                {entries
                  .filter((e) => e.category === category)
                  .map((entry) => (
                    <li key={entry.id}>
                      <button type="button" class="link" onClick={() => props.onReveal(entry.id)}>
                        {entry.label}
                      </button>{' '}
                      <span class="count">×{entry.count}</span>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </section>
      )}
      <p class="about">
        What Crosscheck knows comes from {props.sourceCount} source articles bundled with it, quoted verbatim and
        attributed.{' '}
        <button type="button" class="link" onClick={props.onOpenOptions}>
          Settings and sources
        </button>
      </p>
    </main>
  );
}
