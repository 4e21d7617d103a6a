import { BARRIER } from './fold';

/**
 * Cuts the sentence around a mention, as offsets into the source: an excerpt is always a
 * verbatim span, so the card can show it as the source wrote it.
 */

const TERMINATORS = new Set(['.', '!', '?', '。', '！', '？']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', '」', '』']);
/** Abbreviations whose full stop does not end a sentence ("Printz v. United States"). */
const ABBREVIATIONS = new Set([
  'v',
  'vs',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'gov',
  'sen',
  'rep',
  'gen',
  'u.s',
  'no',
  'inc',
  'co',
  'corp',
  'dept',
  'etc',
  'e.g',
  'i.e',
]);

/** Longest excerpt, in UTF-16 units, before it is trimmed to a window around the mention. */
export const MAX_EXCERPT_LENGTH = 360;

/** The letters and dots just before a full stop, lowercased: the abbreviation it may end ("gov", "u.s"). */
function abbreviationBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  return text.slice(i, dot).toLowerCase();
}

/** Letters, digits and the space: most of a text, and none of them can end a sentence. */
function isPlainUnit(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || code === 0x20 || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)
  );
}

function endsSentence(text: string, i: number, options: SentenceOptions): boolean {
  if (isPlainUnit(text.charCodeAt(i))) return false;
  const char = text[i]!;
  if (char === BARRIER || (char === '\n' && options.linesAreParagraphs !== false)) return true;
  if (CLOSERS.has(char)) {
    // A closing quote or bracket after a terminator ends the sentence too: 'fight back.” During'.
    let before = i - 1;
    while (before >= 0 && CLOSERS.has(text[before]!)) before--;
    const followedBySpace = i + 1 >= text.length || /\s/.test(text[i + 1]!);
    return before >= 0 && TERMINATORS.has(text[before]!) && followedBySpace && endsSentence(text, before, options);
  }
  if (!TERMINATORS.has(char)) return false;
  if (char === '.' || char === '!' || char === '?') {
    let next = i + 1;
    while (next < text.length && CLOSERS.has(text[next]!)) next++;
    if (next < text.length && !/\s/.test(text[next]!)) return false;
    if (char === '.') {
      const word = abbreviationBefore(text, i);
      if (ABBREVIATIONS.has(word) || (/^\p{Lu}$/u.test(text.slice(i - 1, i)) && word.length <= 1)) return false;
      if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false; // initials: "J.B."
    }
  }
  return true;
}

export interface SentenceOptions {
  /**
   * Whether a line break ends a paragraph, and so a sentence: in a source file a line is a
   * paragraph (the default); in a page's text (false) it is layout whitespace, since HTML wraps
   * its paragraphs' source freely.
   */
  readonly linesAreParagraphs?: boolean;
}

/** A page's text, whose line breaks are layout (see SentenceOptions). */
export const PAGE_TEXT: SentenceOptions = { linesAreParagraphs: false };

/**
 * The [start, end) of the sentence containing text.slice(start, end), trimmed of spaces. A BARRIER
 * (a blanked passage that is not article text, or a block edge on a page) bounds a sentence, and
 * so does a line break where lines are paragraphs.
 */
export function sentenceAround(
  text: string,
  start: number,
  end: number,
  options: SentenceOptions = {},
): [number, number] {
  let from = start;
  while (from > 0 && !endsSentence(text, from - 1, options)) from--;
  let to = end;
  while (to < text.length && !endsSentence(text, to, options)) to++;
  if (to < text.length && text[to] !== '\n') {
    to++;
    while (to < text.length && CLOSERS.has(text[to]!)) to++;
  }
  while (from < start && /\s/.test(text[from]!)) from++;
  while (to > end && /\s/.test(text[to - 1]!)) to--;
  return [from, to];
}

/**
 * The excerpt for a mention: its sentence, or where the sentence is long, a window around the
 * mention cut at spaces.
 */
export function excerptAround(text: string, start: number, end: number): [number, number] {
  const [from, to] = sentenceAround(text, start, end);
  if (to - from <= MAX_EXCERPT_LENGTH) return [from, to];
  const room = Math.max(0, Math.floor((MAX_EXCERPT_LENGTH - (end - start)) / 2));
  let windowStart = Math.max(from, start - room);
  let windowEnd = Math.min(to, end + room);
  if (windowStart > from) {
    const space = text.indexOf(' ', windowStart);
    if (space !== -1 && space < start) windowStart = space + 1;
  }
  if (windowEnd < to) {
    const space = text.lastIndexOf(' ', windowEnd);
    if (space >= end) windowEnd = space;
  }
  return [windowStart, windowEnd];
}

/** Fewer words than this and an excerpt is a title or a label, not something a source says. */
const SENTENCE_WORDS = 8;

/**
 * Whether an excerpt is a sentence: enough words, and it ends like one. A title ("The Case for Soft
 * Secession") is not, and makes a poorer excerpt.
 */
export function isSentenceExcerpt(text: string): boolean {
  return (text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= SENTENCE_WORDS && /[.!?。！？]["'”’)）]*$/u.test(text);
}
