/**
 * The generated index (`npm run kb` writes it): every entry's forms and every figure claim, with
 * labels. The background compiles the reader's knowledge from it (saved articles are indexed with
 * it, and with the tracked terms), the options page's import does the same, and the popup names
 * the entries a page reports by their labels. Pages are matched with page-matcher-data.ts instead.
 */
import indexJson from './generated/index.json';
import type { KbIndex } from './types';

export const kbIndex = indexJson as unknown as KbIndex;
