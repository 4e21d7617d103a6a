/**
 * The writing systems told apart where a page mixes languages without saying so (an aggregator's
 * Chinese summary above an English article): Chinese characters with the Japanese kana and Korean
 * Hangul written beside them, Latin letters, and the letters of other alphabets.
 */
export type Script = 'han' | 'latin' | 'other';

// Character classes by range, not Unicode properties: a content script reads them in a page's
// first pass, where compiling a property expression costs most of a millisecond, and a regular
// expression runs natively where a loop over code points runs cold.
const LETTERS: Readonly<Record<Script, string>> = {
  han: String.raw`[\u1100-\u11ff\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fd-\u30ff\u3105-\u312f\u3131-\u318e\u31a0-\u31bf\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97c\uac00-\ud7a3\uf900-\ufa6d\ufa70-\ufad9\uff66-\uff6f\uff71-\uff9d\uffa0-\uffbe\uffc2-\uffc7\uffca-\uffcf\uffd2-\uffd7\uffda-\uffdc]|[\ud840-\ud8bf][\udc00-\udfff]`,
  latin: String.raw`[a-zA-Z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\uff21-\uff3a\uff41-\uff5a]`,
  // Greek, Cyrillic, Armenian, Hebrew, Arabic, the Indic scripts, Thai, Lao, Georgian, Ethiopic, Cherokee.
  other: String.raw`[\u0370-\u03ff\u0400-\u052f\u0531-\u058f\u05d0-\u05ea\u0620-\u064a\u066e-\u06d3\u0900-\u0dff\u0e01-\u0e30\u0e40-\u0e46\u0e81-\u0eb0\u10a0-\u10ff\u1200-\u139f\u1f00-\u1fff]`,
};
const SCRIPTS = ['han', 'latin', 'other'] as const;
/** Whether a text holds a letter of the script: most blocks hold letters of one script alone. */
const HOLDS = Object.fromEntries(SCRIPTS.map((s) => [s, new RegExp(LETTERS[s])])) as Record<Script, RegExp>;
const EVERY = Object.fromEntries(SCRIPTS.map((s) => [s, new RegExp(LETTERS[s], 'g')])) as Record<Script, RegExp>;

/**
 * The script most of the letters of `text` are written in; null when it holds none of these. The
 * caller passes a block's opening, not all of it, to bound the cost on a long one.
 */
export function mainScript(text: string): Script | null {
  const held = scriptsIn(text);
  if (held.length <= 1) return held[0] ?? null;
  let main: Script | null = null;
  let most = 0;
  for (const script of held) {
    // What the letters removed leave: one string, where matching them all would make one per letter.
    const count = text.length - text.replace(EVERY[script], '').length;
    if (count > most) [main, most] = [script, count];
  }
  return main;
}

/**
 * The one script `text` holds letters of, or null when it holds several or none: a window of a
 * page's text in one script tells the script of every block in it, with no block read again.
 */
export function singleScript(text: string): Script | null {
  const held = scriptsIn(text);
  return held.length === 1 ? held[0]! : null;
}

function scriptsIn(text: string): Script[] {
  return SCRIPTS.filter((script) => HOLDS[script].test(text));
}
