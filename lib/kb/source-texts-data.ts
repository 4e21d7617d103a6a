/**
 * The bundled sources' texts (`npm run kb` writes them), bundled into the background only: saved
 * articles are compared with them to find passages reproduced from a bundled source.
 */
import sourceTextsJson from './generated/source-texts.json';

export const bundledSourceTexts = sourceTextsJson as readonly { readonly id: string; readonly text: string }[];
