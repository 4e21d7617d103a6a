import { isLetterCode, isMarkCode, isNumberCode } from './letters';

/**
 * Character folding shared by every matcher: the knowledge-base build and the background (which
 * matches pages' text) see text through the same lens, so a form that matches in a seed file
 * matches on a page.
 *
 * Folding is one UTF-16 unit in, one out, so offsets never shift; runs of spaces are collapsed by
 * the automaton as it reads, not here. Invisible format characters (soft hyphen, zero-width space,
 * joiners, word joiner, direction marks, a BOM inside text) fold to IGNORED: the automaton reads past
 * them, so "Gav\u00ADin New\u200Bsom" is "Gavin Newsom", and a match still spans them. Full-width
 * ASCII forms (U+FF01–U+FF5E, on CJK pages) fold to their ASCII forms: "Ｃａｌｉｆｏｒｎｉａ" is "California".
 */

/** Stands between blocks and around skipped regions: no pattern contains it, so no match crosses it. */
export const BARRIER = '\u0000';

const SPACE = 0x20;
const APOSTROPHE = 0x27;
const QUOTE = 0x22;
const HYPHEN = 0x2d;

/** What an invisible unit folds to: no pattern contains it, and the automaton skips it. */
export const IGNORED = -1;

/** Soft hyphen, zero-width and bidi format characters: invisible inside a word, never part of a name. */
export function isIgnorable(code: number): boolean {
  return (
    code === 0xad ||
    (code >= 0x200b && code <= 0x200f) || // ZWSP, ZWNJ, ZWJ, LRM, RLM
    (code >= 0x202a && code <= 0x202e) || // bidi embeddings and overrides
    (code >= 0x2060 && code <= 0x2064) || // word joiner, invisible operators
    (code >= 0x2066 && code <= 0x2069) || // bidi isolates
    code === 0xfeff || // BOM / zero-width no-break space inside text
    code === 0x034f || // combining grapheme joiner
    code === 0x061c || // Arabic letter mark
    code === 0x180e // Mongolian vowel separator
  );
}

function foldUnit(code: number): number {
  switch (code) {
    // Every dash or hyphen variant reads as a hyphen; foldAt decides whether it joins words.
    case 0x2d:
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xfe58:
    case 0xfe63:
    case 0xff0d:
      return HYPHEN;
    case 0x2018:
    case 0x2019:
    case 0x201b:
    case 0x2032:
    case 0xff07:
      return APOSTROPHE;
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x2033:
    case 0xff02:
      return QUOTE;
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return SPACE;
    default:
      if (code >= 0x2000 && code <= 0x200a) return SPACE;
      if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0; // full-width ASCII
      if (code < 0xad) return code;
      if (isIgnorable(code)) return IGNORED;
      return code;
  }
}

/** Folds punctuation and spacing variants but keeps case: used to check case-sensitive forms. */
export const foldKeepingCase: (code: number) => number = foldUnit;

/**
 * Folds the unit at `text[index]` in context: a hyphen or dash between two word characters joins
 * a compound and reads as a space ("anti-commandeering" = "anti commandeering" = "anti–commandeering");
 * a free-standing dash ("soft — secession") stays punctuation, so no term matches across it.
 */
export function foldAt(text: string, index: number, fold: (code: number) => number = foldCode): number {
  const unit = text.charCodeAt(index);
  const code = unit < 0x80 && fold === foldCode ? ASCII_FOLDED[unit]! : fold(unit);
  if (code !== HYPHEN) return code;
  return isWordAt(text, index - 1, -1) && isWordAt(text, index + 1, 1) ? SPACE : HYPHEN;
}

/**
 * Whether the first visible unit at `index` or beyond it in direction `step` (1 or -1) is a word
 * unit: invisible units are read past, so "New\u00ADsom" is one word.
 */
export function isWordAt(text: string, index: number, step: 1 | -1): boolean {
  while (index >= 0 && index < text.length && isIgnorable(text.charCodeAt(index))) index += step;
  return index >= 0 && index < text.length && isWordUnit(text[index]!);
}

const lowerCache = new Map<number, number>();

/** Folds punctuation, spacing and case. */
export function foldCode(code: number): number {
  const folded = foldUnit(code);
  if (folded < 0x41) return folded;
  if (folded <= 0x5a) return folded + 32; // ASCII fast path
  if (folded < 0xc0) return folded;
  let lower = lowerCache.get(folded);
  if (lower === undefined) {
    const text = String.fromCharCode(folded).toLowerCase();
    // Keep the unit when lowercasing would change the length ("İ"), so offsets stay aligned.
    lower = text.length === 1 ? text.charCodeAt(0) : folded;
    lowerCache.set(folded, lower);
  }
  return lower;
}

/** foldCode of every ASCII unit: a page's text is mostly read through this table. */
const ASCII_FOLDED = Int16Array.from({ length: 0x80 }, (_, unit) => foldCode(unit));

/**
 * Folds a whole form the way the automaton reads text: runs of spaces collapse to one, and
 * leading and trailing space go. `fold` is `foldCode`, or `foldKeepingCase` for case checks.
 */
export function foldForm(form: string, fold: (code: number) => number = foldCode): string {
  let out = '';
  let previousWasSpace = true; // also trims leading space
  for (let i = 0; i < form.length; i++) {
    const code = foldAt(form, i, fold);
    if (code === IGNORED) continue;
    if (code === SPACE) {
      if (previousWasSpace) continue;
      previousWasSpace = true;
    } else {
      previousWasSpace = false;
    }
    out += String.fromCharCode(code);
  }
  return out.endsWith(' ') ? out.slice(0, -1) : out;
}

let noSpacingScript: RegExp | null = null;

/**
 * True for letters, digits and marks of scripts that separate words with spaces. Scripts written
 * without spaces (Chinese, Japanese, Thai) have no word boundaries to check. Those scripts start at
 * U+0E00 (Thai): below it the answer needs no Unicode expression.
 */
export function isWordUnit(char: string): boolean {
  const code = char.charCodeAt(0);
  if (!(isLetterCode(code) || isNumberCode(code) || isMarkCode(code) || code === 0x5f)) return false;
  if (code < 0xe00) return true;
  noSpacingScript ??=
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
  return !noSpacingScript.test(char);
}
