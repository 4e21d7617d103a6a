/**
 * Word-level comparison of two texts as bags of words (the extraction suite's measure): recall is
 * the share of the reference's words found in ours, precision the share of ours that the
 * reference has. Han and kana characters count one by one, as those scripts have no spaces.
 */

const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{M}\p{N}]+/gu;

export function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const [word] of text.normalize('NFKC').toLowerCase().matchAll(WORD)) bag.set(word, (bag.get(word) ?? 0) + 1);
  return bag;
}

const size = (bag: ReadonlyMap<string, number>) => [...bag.values()].reduce((sum, n) => sum + n, 0);

export interface WordScore {
  readonly recall: number;
  readonly precision: number;
  /** Words in the reference and in ours. */
  readonly expectedWords: number;
  readonly ourWords: number;
}

export function compareWords(ours: string, expected: string): WordScore {
  const a = wordBag(ours);
  const b = wordBag(expected);
  let shared = 0;
  for (const [word, count] of b) shared += Math.min(count, a.get(word) ?? 0);
  const ourWords = size(a);
  const expectedWords = size(b);
  return {
    recall: expectedWords === 0 ? 1 : shared / expectedWords,
    precision: ourWords === 0 ? (expectedWords === 0 ? 1 : 0) : shared / ourWords,
    expectedWords,
    ourWords,
  };
}
