import type { ComponentChildren } from 'preact';
import { CATEGORIES, type Category } from '@/lib/kb/types';
import { t } from '@/lib/i18n';
import { categoryPlural } from '@/lib/kb/category-labels';
import { HighlightSample } from './HighlightKey';
import { Switch } from './Switch';

export interface CategorySwitchesProps {
  readonly shown: Readonly<Record<Category, boolean>>;
  /** How many mentions of each category this page has (the popup shows them; the options page does not). */
  readonly counts?: Readonly<Record<Category, number>>;
  readonly onChange: (category: Category, shown: boolean) => void;
  /** What to show under a category's switch (the popup: its entries on this page). */
  readonly children?: (category: Category) => ComponentChildren;
}

/**
 * One labelled switch per category, its name drawn as that category's highlight (so the switches
 * double as the key to the colours), operable from the keyboard like any checkbox.
 */
export function CategorySwitches({ shown, counts, onChange, children }: CategorySwitchesProps) {
  return (
    <ul class="category-switches">
      {CATEGORIES.map((category) => (
        <li key={category} class={`cat-switch cat-switch-${category}`}>
          <Switch
            checked={shown[category]}
            onChange={(checked) => onChange(category, checked)}
            describedBy={counts ? `count-${category}` : undefined}
            after={
              counts && (
                <span class="count" aria-hidden="true">
                  {counts[category]}
                </span>
              )
            }
          >
            <HighlightSample category={category}>{categoryPlural(category)}</HighlightSample>
          </Switch>
          {counts && (
            <span id={`count-${category}`} class="visually-hidden">
              {t('popup.mentionsOnPage', { count: counts[category] })}
            </span>
          )}
          {children?.(category)}
        </li>
      ))}
    </ul>
  );
}
