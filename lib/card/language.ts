import type { EntryDetails } from '../kb/types';
import { primaryLanguage } from '../text/language-tags';

/** The languages a card's reader is known to read, most wanted first. */
export interface ReaderLanguages {
  /** The browser's interface language (`browser.i18n.getUILanguage()`: "zh-CN", "en-US"). */
  readonly ui: string;
  /** The language of the page the reader is on. */
  readonly page: string;
}

/** A text and the language it is written in, for the element's `lang`. */
export interface TextIn {
  readonly text: string;
  readonly language: string;
}

/**
 * The summary a card shows: the Chinese one to a reader whose browser speaks Chinese (any region:
 * Simplified reads better than English to most readers of Traditional), where the entry has one;
 * the English one otherwise. Unlike excerpts, summaries are the knowledge base's own words, written
 * in both languages from the same sources.
 */
export function summaryFor(entry: Pick<EntryDetails, 'summary' | 'summaryZh'>, uiLanguage: string): TextIn {
  if (primaryLanguage(uiLanguage) === 'zh' && entry.summaryZh !== undefined)
    return { text: entry.summaryZh, language: 'zh-Hans' };
  return { text: entry.summary, language: 'en' };
}
