import { savedAddress } from './metadata';

/**
 * What a page declares about itself, made safe to keep, export and show: saving and importing a
 * knowledge pack both go through here, so whatever is stored fits the pack's schema and every pack
 * Crosscheck exports imports again. Cleaning is idempotent: cleaned text cleans to itself.
 */

/** Longest declared text kept, per field, in UTF-16 units (a cut one ends with "…"). */
export const DECLARED_LIMITS = { title: 300, author: 200, site: 120, published: 64 } as const;

export type DeclaredField = keyof typeof DECLARED_LIMITS;

/** A saved article's metadata as stored and exported: the address it is saved under and its declared fields. */
export interface KeptMetadata {
  readonly url: string;
  readonly title: string | null;
  readonly author: string | null;
  readonly site: string | null;
  readonly published: string | null;
}

/** Whitespace and line or paragraph separators: one space. */
const SPACES = /[\s\u2028\u2029]+/g;
/**
 * Removed: control characters; bidi embeddings, overrides and isolates (an unterminated one
 * reverses whatever is shown after it); the deprecated format characters and interlinear
 * annotations. Direction marks and joiners stay: they are part of how some scripts are written.
 */
const UNSAFE = /[\p{Cc}\u202a-\u202e\u2066-\u206f\ufff9-\ufffb]/gu;
/** Half of a surrogate pair, alone: it cannot be shown, and would not survive every JSON writer. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe to show: unsafe characters gone, lone surrogates replaced, spaces collapsed, trimmed. */
export function cleanText(value: string): string {
  return value.replace(SPACES, ' ').replace(UNSAFE, '').replace(LONE_SURROGATE, '\ufffd').replace(SPACES, ' ').trim();
}

/** Declared text as kept: cleaned (see cleanText), at most `limit` units; null when empty. */
export function cleanDeclared(value: string | null, limit: number): string | null {
  if (value === null) return null;
  let text = cleanText(value);
  if (text.length > limit) {
    let cut = text.slice(0, limit - 1);
    // Never split a surrogate pair.
    if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
    text = `${cut.trimEnd()}…`;
  }
  return text === '' ? null : text;
}

/** The metadata an article is kept with, or null when its address cannot be kept (not http(s), too long). */
export function keptMetadata(metadata: KeptMetadata & { readonly canonical?: string | null }): KeptMetadata | null {
  const url = savedAddress(metadata);
  if (url === null) return null;
  return {
    url,
    title: cleanDeclared(metadata.title, DECLARED_LIMITS.title),
    author: cleanDeclared(metadata.author, DECLARED_LIMITS.author),
    site: cleanDeclared(metadata.site, DECLARED_LIMITS.site),
    published: cleanDeclared(metadata.published, DECLARED_LIMITS.published),
  };
}
