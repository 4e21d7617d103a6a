import { h, type ComponentChildren } from 'preact';
import { CATEGORIES, type Category } from '@/lib/kb/types';
import { t } from '@/lib/i18n';
import { categoryLabel } from '@/lib/kb/category-labels';

export type Verdict = 'matches' | 'differs' | 'unsourced';

/**
 * A sample of a highlight as the page draws it: the very element and attributes of the page's
 * highlights (docs/contract.md), so entrypoints/page-tools/highlights.css styles it
 * exactly as on the page. The page that shows it imports that stylesheet.
 */
export function HighlightSample(props: {
  readonly category: Category;
  readonly verdict?: Verdict;
  readonly children: ComponentChildren;
}) {
  return h(
    'crosscheck-mark',
    {
      class: 'sample',
      'data-crosscheck-category': props.category,
      'data-crosscheck-verdict': props.verdict,
    },
    props.children,
  );
}

/** The figure verdicts, each drawn with its own line and said in words (never colour alone). */
export const VERDICTS: readonly Verdict[] = ['matches', 'differs', 'unsourced'];

/**
 * The key to the highlights: one sample per category, and for figures the line style of each
 * verdict, said in words.
 */
export function HighlightKey() {
  return (
    <div class="highlight-key">
      <ul class="key-categories" aria-label={t('key.categories')}>
        {CATEGORIES.map((category) => (
          <li key={category}>
            <HighlightSample category={category}>{categoryLabel(category)}</HighlightSample>
          </li>
        ))}
      </ul>
      <ul class="key-verdicts" aria-label={t('key.figures')}>
        {VERDICTS.map((verdict) => (
          <li key={verdict}>
            <HighlightSample category="figure" verdict={verdict}>
              {t('key.sampleFigure')}
            </HighlightSample>{' '}
            <span class="key-meaning">
              {t('key.meaning', { line: t(`key.${verdict}.line`), meaning: t(`key.${verdict}.meaning`) })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
