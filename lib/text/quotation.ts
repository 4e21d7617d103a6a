import { foldForm } from './fold';

/**
 * Finds passages that a later source reproduces from an earlier one, from the texts alone: runs
 * of shared word n-grams. A mention inside such a passage is the original author's, not a second
 * independent voice.
 */

export interface ReproducedPassage {
  readonly start: number;
  readonly end: number;
  /** The id of the earliest source that has this text. */
  readonly original: string;
}

export interface QuotationOptions {
  /** Words per shared n-gram: long enough that stock phrases do not count. */
  readonly ngram: number;
  /** Fewest words a reproduced passage must have. */
  readonly minWords: number;
  /** Unshared words allowed inside a passage (an edited or elided quotation). */
  readonly maxGap: number;
}

export const DEFAULT_QUOTATION_OPTIONS: QuotationOptions = { ngram: 8, minWords: 12, maxGap: 4 };

export interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

// Each Han character is a word; elsewhere, runs of letters and digits.
const WORD = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;

/** The words quotation detection compares, folded like every matcher's (exported for the saved articles' fingerprints). */
export function tokenize(text: string): Token[] {
  return Array.from(text.matchAll(WORD), (m) => ({
    word: foldForm(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

export function ngramKeys(tokens: readonly Token[], n: number): string[] {
  const keys: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) {
    keys.push(
      tokens
        .slice(i, i + n)
        .map((t) => t.word)
        .join(' '),
    );
  }
  return keys;
}

/** A text as quotation detection reads it: its words and their n-grams. */
export interface ReadText {
  readonly tokens: readonly Token[];
  readonly keys: readonly string[];
  readonly keySet: ReadonlySet<string>;
}

export function readText(text: string, options: QuotationOptions = DEFAULT_QUOTATION_OPTIONS): ReadText {
  const tokens = tokenize(text);
  const keys = ngramKeys(tokens, options.ngram);
  return { tokens, keys, keySet: new Set(keys) };
}

/**
 * `sources` must be in chronological order (the manifest's order): of two sources sharing a
 * passage, the earlier one is taken as the original. `read` lets a caller comparing the same texts
 * again and again (an import) keep them read.
 */
export function findReproducedPassages(
  sources: readonly { readonly id: string; readonly text: string }[],
  options: QuotationOptions = DEFAULT_QUOTATION_OPTIONS,
  read: (text: string) => ReadText = (text) => readText(text, options),
  /** The sources whose passages are wanted (all by default): the others are only compared with. */
  wanted: (id: string) => boolean = () => true,
): Map<string, ReproducedPassage[]> {
  const result = new Map<string, ReproducedPassage[]>();
  const last = sources.findLastIndex((source) => wanted(source.id));
  const readings: ReadText[] = [];
  for (let index = 0; index <= last; index++) {
    const source = sources[index]!;
    const reading = read(source.text);
    if (wanted(source.id)) {
      // Each n-gram's earliest source is looked up in the earlier texts' own sets, kept read: an
      // import compares each article with ten others, and copying their n-grams into one map
      // every time was most of its work.
      const earliest = (key: string) => readings.findIndex((earlier) => earlier.keySet.has(key));
      result.set(source.id, passagesOf(reading, earliest, sources, options));
    }
    readings.push(reading);
  }
  return result;
}

/** The passages of one source's text that an earlier source (in `earliest`) holds too. */
function passagesOf(
  { tokens, keys }: ReadText,
  earliest: (key: string) => number,
  sources: readonly { readonly id: string }[],
  options: QuotationOptions,
): ReproducedPassage[] {
  // originOf[t]: index of the earliest earlier source sharing an n-gram that covers token t.
  const originOf = new Int32Array(tokens.length).fill(-1);
  keys.forEach((key, position) => {
    const origin = earliest(key);
    if (origin === -1) return;
    for (let t = position; t < position + options.ngram; t++) {
      if (originOf[t] === -1 || origin < originOf[t]!) originOf[t] = origin;
    }
  });
  const passages: ReproducedPassage[] = [];
  let t = 0;
  while (t < tokens.length) {
    if (originOf[t] === -1) {
      t++;
      continue;
    }
    const origin = originOf[t]!;
    let last = t;
    let probe = t + 1;
    while (probe < tokens.length && probe - last <= options.maxGap + 1) {
      if (originOf[probe] === origin) last = probe;
      else if (originOf[probe] !== -1) break;
      probe++;
    }
    if (last - t + 1 >= options.minWords) {
      passages.push({ start: tokens[t]!.start, end: tokens[last]!.end, original: sources[origin]!.id });
    }
    t = last + 1;
  }
  return passages;
}
