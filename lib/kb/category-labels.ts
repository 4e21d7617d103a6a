import type { Category } from '@/lib/kb/types';

/** How each category is named to readers. */

/** How each category is named to readers (cards, popup, options). */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  concept: 'Concept',
  law: 'Law or case',
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  figure: 'Figure',
};

/** Category names for switches and lists. */
export const CATEGORY_PLURALS: Readonly<Record<Category, string>> = {
  concept: 'Concepts',
  law: 'Laws & cases',
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  figure: 'Figures',
};
