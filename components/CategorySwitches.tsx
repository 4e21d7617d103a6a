import { CATEGORIES, type Category } from '@/lib/kb/types';
import { CATEGORY_PLURALS } from './category-labels';

export interface CategorySwitchesProps {
  readonly shown: Readonly<Record<Category, boolean>>;
  /** How many of each category this page has (the popup shows them; the options page does not). */
  readonly counts?: Readonly<Record<Category, number>>;
  readonly onChange: (category: Category, shown: boolean) => void;
}

/** One labelled switch per category, operable from the keyboard like any checkbox. */
export function CategorySwitches({ shown, counts, onChange }: CategorySwitchesProps) {
  return (
    <>
      {CATEGORIES.map((category) => (
        <label class="switch-row" key={category}>
          <input
            type="checkbox"
            role="switch"
            checked={shown[category]}
            onChange={(e) => onChange(category, e.currentTarget.checked)}
          />
          <span>{CATEGORY_PLURALS[category]}</span>
          {counts && (
            <span class="count" aria-label={`${counts[category]} on this page`}>
              {counts[category]}
            </span>
          )}
        </label>
      ))}
    </>
  );
}
