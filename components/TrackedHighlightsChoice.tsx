import { TRACKED_HIGHLIGHTS, type TrackedHighlights } from '@/lib/settings/schema';

/** What highlighting a tracked term costs, in one sentence: said wherever the reader chooses. */
export const PAGES_SEE_HIGHLIGHTS =
  'Any page can see which words Crosscheck highlights on it, so a highlighted tracked term tells that page you track it.';

export const TRACKED_HIGHLIGHTS_NAMES: Readonly<Record<TrackedHighlights, string>> = {
  'every-site': 'On every site',
  'allowed-sites': 'Only on sites I allow',
  'on-request': 'Only when I ask, on that page',
};

/** Where a term the reader tracks is highlighted, given their choice: the track form says it once tracked. */
export const TRACKED_HIGHLIGHTS_OUTCOMES: Readonly<Record<TrackedHighlights, string>> = {
  'every-site': 'It is highlighted on every site from now on.',
  'allowed-sites': 'It is highlighted on the sites you allow: allow one from Crosscheck’s toolbar button on its pages.',
  'on-request': 'To highlight it on a page, ask from Crosscheck’s toolbar button there.',
};

export interface TrackedHighlightsChoiceProps {
  readonly value: TrackedHighlights;
  readonly onChange: (value: TrackedHighlights) => void;
  /** Unique on the page: names the radio group and the sentence that describes it. */
  readonly id: string;
}

/** The reader's choice of where tracked terms are highlighted, with what it costs said first. */
export function TrackedHighlightsChoice({ value, onChange, id }: TrackedHighlightsChoiceProps) {
  return (
    <fieldset class="field tracked-where" aria-describedby={`${id}-cost`}>
      <legend>Highlight tracked terms</legend>
      <p id={`${id}-cost`} class="hint">
        {PAGES_SEE_HIGHLIGHTS}
      </p>
      {TRACKED_HIGHLIGHTS.map((choice) => (
        <label key={choice} class="radio">
          <input type="radio" name={id} value={choice} checked={value === choice} onChange={() => onChange(choice)} />
          {TRACKED_HIGHLIGHTS_NAMES[choice]}
        </label>
      ))}
    </fieldset>
  );
}
