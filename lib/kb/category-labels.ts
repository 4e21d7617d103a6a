import { CATEGORIES, type Category } from '@/lib/kb/types';
import { t } from '@/lib/i18n';

/** How a category is named to readers (cards, popup, options): "Person". */
export function categoryLabel(category: Category): string {
  return t(`category.${category}`);
}

/** A category's name for switches and lists: "People". */
export function categoryPlural(category: Category): string {
  return t(`categories.${category}`);
}

/** What a screen reader hears each category's highlights are, in the reader's language. */
export type HighlightDescriptions = Readonly<Record<Category, string>>;

export function highlightDescriptions(): HighlightDescriptions {
  return Object.fromEntries(
    CATEGORIES.map((category) => [category, t('card.highlightDescription', { category: categoryLabel(category) })]),
  ) as Record<Category, string>;
}
