import type { Category } from '@/lib/kb/types';
import { t } from '@/lib/i18n';

/** How a category is named to readers (cards, popup, options): "Person". */
export function categoryLabel(category: Category): string {
  return t(`category.${category}`);
}

/** A category's name for switches and lists: "People". */
export function categoryPlural(category: Category): string {
  return t(`categories.${category}`);
}
