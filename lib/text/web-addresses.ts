/**
 * Web addresses, e-mail addresses and handles: text that names a site or an account, not the thing
 * a word in it names ("cmarmitage.substack.com" is not Substack the company, "@Texas" not the
 * state). Neither a term nor a figure is read inside one; the number parser and the term matcher
 * share these patterns (case-insensitive).
 */
export type WebAddressKind = 'web address' | 'e-mail address' | 'handle';

/** Each kind of address and its pattern: the number parser says which a number was read in. */
export const WEB_ADDRESS_PATTERNS: readonly (readonly [WebAddressKind, string])[] = [
  // An address with a scheme, or starting www.
  ['web address', String.raw`(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"']+`],
  ['e-mail address', String.raw`(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+`],
  // A handle, with the server it is on when it says so ("@jane", "@jane@mastodon.social").
  ['handle', String.raw`(?<![\w@.+-])@\w+(?:@[\w-]+(?:\.[\w-]+)+)?`],
  // A bare domain, with its path: the usual endings only, so that "Texas.The" (a missing space) stays text.
  [
    'web address',
    String.raw`(?<![\w@.-])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|mil|io|co|uk|us|eu|de|fr|cn|ca|au|jp|info|news|tv|ai|app|dev|social|blog)\b(?:[\/?#][^\s<>"']*)?`,
  ],
];

const WEB_ADDRESS = new RegExp(WEB_ADDRESS_PATTERNS.map(([, pattern]) => pattern).join('|'), 'gi');

/** Text this far either side of a match is read to find the address around it: addresses are shorter. */
const MAX_ADDRESS_CHARS = 2048;

/** Whether a unit can stand inside an address next to a word: printable ASCII (addresses hold no space). */
const mayBeAddress = (code: number): boolean => code > 0x20 && code < 0x7f;
/** Spaces and the matcher's BARRIER (below U+0021) end an address, as every other space does. */
const endsAddress = (code: number): boolean => code <= 0x20 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a);

/**
 * Whether `text.slice(start, end)` lies inside a web address, e-mail address or handle that is
 * longer than it: a match the address is made of alone (a form that is itself a domain) stays.
 */
export function isInWebAddress(text: string, start: number, end: number): boolean {
  // A match inside an address has one of its characters beside it: most matches have a space.
  if (!mayBeAddress(text.charCodeAt(start - 1)) && !mayBeAddress(text.charCodeAt(end))) return false;
  let from = start;
  while (from > 0 && start - from < MAX_ADDRESS_CHARS && !endsAddress(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < MAX_ADDRESS_CHARS && !endsAddress(text.charCodeAt(to))) to++;
  const around = text.slice(from, to);
  WEB_ADDRESS.lastIndex = 0;
  for (let found = WEB_ADDRESS.exec(around); found !== null; found = WEB_ADDRESS.exec(around)) {
    const addressStart = from + found.index;
    const addressEnd = addressStart + found[0].length;
    if (addressStart >= end) break;
    if (addressStart <= start && end <= addressEnd && addressEnd - addressStart > end - start) return true;
  }
  return false;
}
