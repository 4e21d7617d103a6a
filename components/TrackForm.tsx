import { useState } from 'preact/hooks';
import { TRACKED_CATEGORIES, type TrackedCategory } from '@/lib/my-sources/types';
import type { TrackedHighlights } from '@/lib/settings/schema';
import { t } from '@/lib/i18n';
import { categoryLabel } from '@/lib/kb/category-labels';
import iconUrl from './icon/icon.svg';
import { trackedHighlightsOutcome, TrackedHighlightsChoice } from './TrackedHighlightsChoice';

/** Where the tracking stands: the form, the search of the saved articles, or done. */
export type TrackState =
  | { readonly kind: 'form'; readonly problem: string | null }
  | { readonly kind: 'searching'; readonly label: string; readonly searched: number; readonly total: number }
  | { readonly kind: 'done'; readonly label: string; readonly found: number; readonly total: number };

export interface TrackFormProps {
  /** The selection the reader chose "Track with Crosscheck" on. */
  readonly initialLabel: string;
  readonly state: TrackState;
  /** Where tracked terms are highlighted now (the reader's setting, for every tracked term). */
  readonly trackedHighlights: TrackedHighlights;
  /** Tracks the term; `where` is the reader's choice of where tracked terms are highlighted. */
  readonly onTrack: (
    label: string,
    category: TrackedCategory,
    aliases: readonly string[],
    where: TrackedHighlights,
  ) => void;
  readonly onClose: () => void;
}

/** "Searched 300 of 10,000 saved articles": progress in words, beside the bar. */
export function searchProgress(searched: number, total: number): string {
  return t('track.searched', { searched, count: total });
}

/** Aliases as the reader types them: one per line or separated by commas (a Chinese reader's ，and 、 too). */
export function splitAliases(text: string): string[] {
  return text
    .split(/[\n,，、]/)
    .map((alias) => alias.trim())
    .filter((alias) => alias !== '');
}

/**
 * "Track with Crosscheck": a label (the selection, editable), a category and other names, and where
 * tracked terms are highlighted, knowing what a page sees; then the search of the saved articles
 * with its progress.
 */
export function TrackForm({ initialLabel, state, trackedHighlights, onTrack, onClose }: TrackFormProps) {
  const [label, setLabel] = useState(initialLabel.replace(/\s+/g, ' ').trim());
  const [category, setCategory] = useState<TrackedCategory>('concept');
  const [aliases, setAliases] = useState('');
  const [where, setWhere] = useState<TrackedHighlights>(trackedHighlights);
  const submit = (event: Event) => {
    event.preventDefault();
    onTrack(label, category, splitAliases(aliases), where);
  };
  return (
    <main class="track">
      <h1 class="brand">
        <img src={iconUrl} alt="" width={20} height={20} />
        {t('track.title')}
      </h1>
      {state.kind === 'form' ? (
        <form onSubmit={submit} class="track-form">
          <p class="intro">{t('track.intro')}</p>
          <div class="field">
            <label for="track-label">{t('track.term')}</label>
            <input
              id="track-label"
              value={label}
              required
              aria-invalid={state.problem ? 'true' : undefined}
              aria-describedby={state.problem ? 'track-problem' : undefined}
              onInput={(e) => setLabel(e.currentTarget.value)}
            />
          </div>
          <fieldset class="field track-categories">
            <legend>{t('track.category')}</legend>
            {TRACKED_CATEGORIES.map((value) => (
              <label key={value} class="radio">
                <input
                  type="radio"
                  name="category"
                  value={value}
                  checked={category === value}
                  onChange={() => setCategory(value)}
                />
                {categoryLabel(value)}
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for="track-aliases">{t('track.otherNames')}</label>
            <textarea
              id="track-aliases"
              rows={2}
              value={aliases}
              aria-describedby="track-aliases-hint"
              onInput={(e) => setAliases(e.currentTarget.value)}
            />
            <p id="track-aliases-hint" class="hint">
              {t('track.otherNamesHint')}
            </p>
          </div>
          <TrackedHighlightsChoice id="track-where" value={where} onChange={setWhere} />
          {state.problem && (
            <p id="track-problem" class="error" role="alert">
              {state.problem}
            </p>
          )}
          <div class="field-row">
            <button type="submit" class="button primary">
              {t('track.track')}
            </button>
            <button type="button" class="button" onClick={onClose}>
              {t('track.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <section aria-labelledby="track-status" class="track-status">
          <h2 id="track-status">{t('track.tracking', { term: state.label })}</h2>
          {state.kind === 'searching' ? (
            <>
              <progress value={state.searched} max={Math.max(1, state.total)} aria-labelledby="track-progress" />
              <p id="track-progress" aria-live="polite">
                {searchProgress(state.searched, state.total)}
              </p>
            </>
          ) : (
            <p aria-live="polite">
              {t('track.done', {
                found: t('track.found', { count: state.found, total: state.total }),
                where: trackedHighlightsOutcome(trackedHighlights),
              })}
            </p>
          )}
          <button type="button" class="button" onClick={onClose}>
            {t('close')}
          </button>
        </section>
      )}
    </main>
  );
}
