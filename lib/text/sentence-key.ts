import { foldCode, IGNORED } from './fold';
import { isLetterCode, isNumberCode } from './letters';

/** Sentence keys: a figure's sentence on a page compared with the sentences the sources state it in. */

/**
 * A short key for a sentence's words, the same however it is spaced, quoted or cased: the build
 * keys each figure statement by its sentence, and the page keys a figure's sentence the same way,
 * so a page can tell when its figure is a source's own statement (the article itself, or a verbatim
 * copy of it) rather than a number to check against that source. FNV-1a over folded letters and digits.
 */
export function sentenceKey(sentence: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < sentence.length; i++) {
    const code = foldCode(sentence.charCodeAt(i));
    if (code === IGNORED || !(isLetterCode(code) || isNumberCode(code))) continue;
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
