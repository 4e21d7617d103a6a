import { h, type ComponentChildren } from 'preact';
import { CATEGORIES, type Category } from '@/lib/kb/types';
import { CATEGORY_LABELS } from '@/lib/kb/category-labels';

export type Verdict = 'matches' | 'differs' | 'unsourced';

/**
 * A sample of a highlight as the page draws it: the very element and attributes of the page's
 * highlights (README, "The observable contract"), so entrypoints/page-tools/highlights.css styles it
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

/** How each figure verdict is drawn and what it means, in words (never colour alone). */
export const VERDICT_KEY: readonly { readonly verdict: Verdict; readonly line: string; readonly meaning: string }[] = [
  { verdict: 'matches', line: 'Solid underline', meaning: 'matches what the sources state' },
  { verdict: 'differs', line: 'Dashed underline', meaning: 'differs from what the sources state' },
  { verdict: 'unsourced', line: 'Dotted underline', meaning: 'no source in the knowledge base states it' },
];

/**
 * The key to the highlights: one sample per category, and for figures the line style of each
 * verdict, said in words.
 */
export function HighlightKey() {
  return (
    <div class="highlight-key">
      <ul class="key-categories" aria-label="Categories">
        {CATEGORIES.map((category) => (
          <li key={category}>
            <HighlightSample category={category}>{CATEGORY_LABELS[category]}</HighlightSample>
          </li>
        ))}
      </ul>
      <ul class="key-verdicts" aria-label="Figures">
        {VERDICT_KEY.map(({ verdict, line, meaning }) => (
          <li key={verdict}>
            <HighlightSample category="figure" verdict={verdict}>
              $76 billion
            </HighlightSample>{' '}
            <span class="key-meaning">
              {line}: {meaning}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
