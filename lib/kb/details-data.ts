/** The generated card details (`npm run kb` writes them), bundled into the background only. */
import detailsJson from './generated/details.json';
import type { KbDetails } from './types';

export const kbDetails = detailsJson as unknown as KbDetails;
