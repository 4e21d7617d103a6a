import { t } from '@/lib/i18n';
import { TRACKED_HIGHLIGHTS, type TrackedHighlights } from '@/lib/settings/schema';

/** Each choice's messages: its name, and where a term is highlighted once tracked (the track form says it). */
const CHOICE = {
  'every-site': 'everySite',
  'allowed-sites': 'allowedSites',
  'on-request': 'onRequest',
} as const satisfies Record<TrackedHighlights, string>;

export const trackedHighlightsName = (choice: TrackedHighlights) => t(`trackedHighlights.${CHOICE[choice]}.name`);

/** Where a term the reader tracks is highlighted, given their choice: the track form says it once tracked. */
export const trackedHighlightsOutcome = (choice: TrackedHighlights) => t(`trackedHighlights.${CHOICE[choice]}.outcome`);

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
      <legend>{t('trackedHighlights.legend')}</legend>
      <p id={`${id}-cost`} class="hint">
        {/* What highlighting a tracked term costs, said wherever the reader chooses. */}
        {t('trackedHighlights.cost')}
      </p>
      {TRACKED_HIGHLIGHTS.map((choice) => (
        <label key={choice} class="radio">
          <input type="radio" name={id} value={choice} checked={value === choice} onChange={() => onChange(choice)} />
          {trackedHighlightsName(choice)}
        </label>
      ))}
    </fieldset>
  );
}
