import { t } from '../i18n';
import type { FoundReport } from './messages';

/** What the toolbar badge says for a tab, from what its content script found. */

/** What the toolbar button shows for one tab. */
export interface Badge {
  readonly text: string;
  readonly color: string;
  /** The button's tooltip, which screen readers also read. */
  readonly title: string;
}

/** A calm slate for "found this much"; amber, and a different text, when figures differ. */
const FOUND_COLOR = '#44546a';
const DIFFERS_COLOR = '#b45309';

/**
 * The badge for a tab: the number of entries found, or, where figures on the page differ from
 * the sources, how many differ (marked "≠", so the difference is not told by colour alone).
 * Empty where Crosscheck is paused or found nothing.
 */
export function badgeFor({ entries, differing }: Pick<FoundReport, 'entries' | 'differing'>): Badge {
  if (entries === 0) return { text: '', color: FOUND_COLOR, title: t('extension.name') };
  const found = t('badge.entries', { count: entries });
  if (differing === 0)
    return { text: compact(entries), color: FOUND_COLOR, title: t('badge.found', { entries: found }) };
  const differ = t('badge.differing', { count: differing });
  return {
    text: `${compact(differing)}≠`,
    color: DIFFERS_COLOR,
    title: t('badge.foundDiffering', { entries: found, differing: differ }),
  };
}

/** Badges fit about four characters. */
function compact(count: number): string {
  return count > 999 ? '999+' : String(count);
}
