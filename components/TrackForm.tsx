import { useState } from 'preact/hooks';
import { TRACKED_CATEGORIES, type TrackedCategory } from '@/lib/my-sources/types';
import type { TrackedHighlights } from '@/lib/settings/schema';
import { CATEGORY_LABELS } from '@/lib/kb/category-labels';
import iconUrl from './icon/icon.svg';
import { TRACKED_HIGHLIGHTS_OUTCOMES, TrackedHighlightsChoice } from './TrackedHighlightsChoice';

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

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "Searched 300 of 10,000 saved articles": progress in words, beside the bar. */
export function searchProgress(searched: number, total: number): string {
  return `Searched ${searched.toLocaleString('en')} of ${count(total, 'saved article', 'saved articles')}…`;
}

/** Aliases as the reader types them: one per line or separated by commas. */
export function splitAliases(text: string): string[] {
  return text
    .split(/[\n,]/)
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
        Track with Crosscheck
      </h1>
      {state.kind === 'form' ? (
        <form onSubmit={submit} class="track-form">
          <p class="intro">
            Crosscheck will look for this term in your saved articles, and highlight it on the pages you choose below.
            Nothing leaves your browser.
          </p>
          <div class="field">
            <label for="track-label">Term</label>
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
            <legend>Category</legend>
            {TRACKED_CATEGORIES.map((value) => (
              <label key={value} class="radio">
                <input
                  type="radio"
                  name="category"
                  value={value}
                  checked={category === value}
                  onChange={() => setCategory(value)}
                />
                {CATEGORY_LABELS[value]}
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for="track-aliases">Other names (optional)</label>
            <textarea
              id="track-aliases"
              rows={2}
              value={aliases}
              aria-describedby="track-aliases-hint"
              onInput={(e) => setAliases(e.currentTarget.value)}
            />
            <p id="track-aliases-hint" class="hint">
              Separated by commas. You can change them later on the options page.
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
              Track
            </button>
            <button type="button" class="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <section aria-labelledby="track-status" class="track-status">
          <h2 id="track-status">Tracking “{state.label}”</h2>
          {state.kind === 'searching' ? (
            <>
              <progress value={state.searched} max={Math.max(1, state.total)} aria-labelledby="track-progress" />
              <p id="track-progress" aria-live="polite">
                {searchProgress(state.searched, state.total)}
              </p>
            </>
          ) : (
            <p aria-live="polite">
              Found in {count(state.found, 'saved article', 'saved articles')} of {state.total.toLocaleString('en')}.{' '}
              {TRACKED_HIGHLIGHTS_OUTCOMES[trackedHighlights]}
            </p>
          )}
          <button type="button" class="button" onClick={onClose}>
            Close
          </button>
        </section>
      )}
    </main>
  );
}
