/**
 * The generated matcher index (`npm run kb` writes it): all the content script loads at start.
 * Excerpts and agreement live in details-data.ts, which only the background imports.
 */
import indexJson from './generated/index.json';
import type { KbIndex } from './types';

export const kbIndex = indexJson as unknown as KbIndex;
