import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { kbDetails } from '@/lib/kb/details-data';
import { lookupEntry } from '@/lib/kb/lookup';
import {
  loadTrackedTerms,
  publishTrackedTerms,
  readTrackedTerms,
  TRACKED_TERMS_KEY,
} from '@/lib/my-sources/tracked-terms-store';
import type { OwnSources } from '@/lib/my-sources/card-data';
import { trackedEntryDetails, withOwnSources } from '@/lib/my-sources/entry';
import { trackedEntry } from '@/lib/my-sources/indexing';

const NO_OWN_SOURCES: OwnSources = {
  savedCount: 0,
  mentioning: [],
  independent: [],
  excerpts: [],
  statements: [],
  articles: [],
};

describe('withOwnSources', () => {
  it('adds the bundled sources that saved articles quote, once', () => {
    const base = lookupEntry(kbDetails, 'bank-of-north-dakota');
    const quoted = {
      ...NO_OWN_SOURCES,
      excerpts: [{ article: 1, start: 0, end: 1, text: 'x', highlights: [], quotes: 'forum' }],
    };
    const response = withOwnSources(base, quoted, kbDetails);
    expect(response.own).toBe(quoted);
    expect(response.sources.filter((s) => s.id === 'forum')).toHaveLength(1);
    expect(response.sources.length).toBe(new Set(response.sources.map((s) => s.id)).size);
  });
});

describe('tracked terms', () => {
  const term = {
    id: 3,
    label: 'Water compact',
    category: 'law' as const,
    aliases: ['river pact', ' ', 'RGP'],
    createdAt: Date.UTC(2026, 0, 2),
    search: null,
  };

  it('become entries with their label and aliases as forms (acronyms case-sensitive)', () => {
    expect(trackedEntry(term)).toEqual({
      id: 'tracked-3',
      category: 'law',
      label: 'Water compact',
      forms: [
        { text: 'Water compact', caseSensitive: false, shortForm: false },
        { text: 'river pact', caseSensitive: false, shortForm: false },
        { text: 'RGP', caseSensitive: true, shortForm: false },
      ],
    });
  });

  it('have a card in the reader’s words', () => {
    expect(trackedEntryDetails('tracked-3', term).summary).toBe(
      'A term you track (since 2026-01-02). Crosscheck looks for it on pages and in your saved articles, also as “river pact”, “RGP”.',
    );
  });
});

describe('the tracked terms as stored', () => {
  it.each<[unknown, boolean]>([
    [[trackedEntry({ id: 1, label: 'ab', category: 'concept', aliases: [], createdAt: 0, search: null })], true],
    [[{ id: 'x', label: 'x', category: 'concept', forms: [{ text: '' }] }], false],
    [
      [{ id: 'x', label: 'x', category: 'gossip', forms: [{ text: 'x', caseSensitive: false, shortForm: false }] }],
      false,
    ],
    ['not a list', false],
  ])('readTrackedTerms(%j) keeps it: %s', (stored, kept) => {
    expect(readTrackedTerms(stored)).toEqual(kept ? stored : []);
  });
});

describe('the published tracked terms', () => {
  beforeEach(() => fakeBrowser.reset());

  const entry = trackedEntry({
    id: 2,
    label: 'water compact',
    category: 'concept',
    aliases: [],
    createdAt: 0,
    search: null,
  });

  it('reach the background’s next start through local storage; none or unreadable is an empty list', async () => {
    expect(await loadTrackedTerms()).toEqual([]);
    await publishTrackedTerms([entry]);
    expect(await loadTrackedTerms()).toEqual([entry]);
    await fakeBrowser.storage.local.set({ [TRACKED_TERMS_KEY]: 'garbage' });
    expect(await loadTrackedTerms()).toEqual([]);
  });

  it('are written only when they change (each write wakes every tab’s storage listeners)', async () => {
    const writes: unknown[] = [];
    fakeBrowser.storage.onChanged.addListener((changes) => writes.push(changes));
    await publishTrackedTerms([entry]);
    await publishTrackedTerms([entry]);
    expect(writes).toHaveLength(1);
    await publishTrackedTerms([]);
    expect(writes).toHaveLength(2);
    expect(await loadTrackedTerms()).toEqual([]);
  });
});
