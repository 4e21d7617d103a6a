import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInWebAddress } from '@/lib/text/web-addresses';
import { createTermMatcher, matchTerms } from '@/lib/matching/term-matcher';
import type { IndexedEntry } from '@/lib/kb/types';

/** Whether the first `word` in `text` lies inside an address. */
const inAddress = (text: string, word: string) => {
  const start = text.indexOf(word);
  if (start === -1) throw new Error(`no ${word} in ${text}`);
  return isInWebAddress(text, start, start + word.length);
};

describe('isInWebAddress', () => {
  it.each<[string, string, string, boolean]>([
    ['an address with a scheme', 'https://cmarmitage.substack.com/p/its-time', 'substack', true],
    ['its path', 'https://example.org/p/california-reserves', 'california', true],
    ['another scheme, a port', 'ftp://localhost:8080/texas', 'texas', true],
    ['starting www.', 'See www.texas.gov for more', 'texas', true],
    ['a bare domain', 'cmarmitage.substack.com', 'substack', true],
    ['a bare domain in a sentence, with a path', 'Read cmarmitage.substack.com/p/x today.', 'substack', true],
    ['a capitalised bare domain', 'Substack.com reported it', 'Substack', true],
    ['a bare domain ending a sentence', 'It is on texas.gov.', 'texas', true],
    ['after Chinese text without a space', '原始链接:https://cmarmitage.substack.com/p/x', 'substack', true],
    ['an e-mail address', 'Write to newsom@gov.ca.gov today', 'newsom', true],
    ['an e-mail address’s domain', 'Write to press@substack.com.', 'substack', true],
    ['a handle', 'Follow @Texas for updates', 'Texas', true],
    ['a handle on its server', '@oregon@mastodon.social', 'oregon', true],
    ['an obfuscated address’s domain', 'contact @ memedata.com', 'memedata', true],
    ['a word in prose', 'Substack is a platform.', 'Substack', false],
    ['a word before a full stop', 'It happened in Texas. The state', 'Texas', false],
    ['a missing space after a full stop', 'It happened in Texas.The state', 'Texas', false],
    ['words joined by a slash', 'Texas/California', 'California', false],
    ['an abbreviation before', 'the U.S. Senate', 'Senate', false],
    ['a word in brackets', 'the state (Texas) said', 'Texas', false],
    ['a hyphenated compound', 'pro-California policies', 'California', false],
    ['a lone at sign', 'contact @ memedata.com', 'contact', false],
    ['Chinese beside an address', '见加州,https://x.com/a', '加州', false],
    ['the whole address is the match', 'memedata.com', 'memedata.com', false],
  ])('%s', (_name, text, word, expected) => {
    expect(inAddress(text, word)).toBe(expected);
  });
});

const entries: IndexedEntry[] = [
  ['substack', 'Substack'],
  ['texas', 'Texas'],
  ['california', 'California'],
].map(([id, label]) => ({
  id: id!,
  category: 'organization' as const,
  label: label!,
  forms: [{ text: label!, caseSensitive: false, shortForm: false }],
}));
const matcher = createTermMatcher(entries);
const found = (text: string) =>
  matchTerms(matcher, text, new Set()).map((m) => `${m.entry.id}:${text.slice(m.start, m.end)}`);

describe('terms in addresses', () => {
  it.each<[string, string, string[]]>([
    ['the name in prose, not in its address', 'Substack (cmarmitage.substack.com) hosts it.', ['substack:Substack']],
    ['not in a link’s path', 'See https://example.org/texas-and-california now.', []],
    ['not in an e-mail address or a handle', 'Mail texas@example.org or @California.', []],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  // Addresses in lowercase, as they are mostly written: a capitalised word before a name would
  // make it part of a longer name (the look-alike guard), which is another rule.
  const word = fc.constantFrom('substack', 'texas', 'california');
  const label = fc.stringMatching(/^[a-z0-9]{1,8}$/);
  const address = fc.oneof(
    fc.tuple(word, label).map(([w, l]) => `https://${l}.${w}.com/${l}`),
    fc.tuple(word, label).map(([w, l]) => `https://${l}.org/${w}/${l}`),
    fc.tuple(word, label).map(([w, l]) => `${l}.${w}.org`),
    fc.tuple(word, label).map(([w, l]) => `www.${w}.net/${l}`),
    fc.tuple(word, label).map(([w, l]) => `${w}.${l}@${l}.org`),
    fc.tuple(word, label).map(([w, l]) => `${l}@${w}.co.uk`),
    fc.tuple(word, label).map(([w, l]) => `@${w}_${l}`),
  );
  const prose = fc.constantFrom('read', 'the', 'report', 'on', 'and', 'Texas', 'Substack', 'said', '.', ',');

  it('finds a name in the prose around an address and never inside it', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(prose, address), { minLength: 1, maxLength: 12 }), (words) => {
        const text = words.join(' ');
        const addresses: [number, number][] = [];
        let at = 0;
        for (const w of words) {
          if (/[.@/]\w/.test(w)) addresses.push([at, at + w.length]);
          at += w.length + 1;
        }
        const matches = matchTerms(matcher, text, new Set());
        for (const m of matches) expect(addresses.some(([s, e]) => s <= m.start && m.end <= e)).toBe(false);
        const proseNames = words.filter((w) => w === 'Texas' || w === 'Substack').length;
        expect(matches).toHaveLength(proseNames);
      }),
    );
  });
});
