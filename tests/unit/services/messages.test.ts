import { describe, expect, it } from 'vitest';
import { backgroundMatching } from '@/lib/services/matching-client';
import {
  isFigureCheck,
  isFigureCheckRequest,
  isMatchRequest,
  isWindowMatches,
  MAX_MATCH_REQUEST_CHARS,
  senderKind,
  type FigureCheckRequest,
  type MessageSender,
  type SenderKind,
  type MatchRequest,
  type PrepareMatchingRequest,
} from '@/lib/services/messages';

describe('matching requests, as the background checks them', () => {
  it.each<[string, unknown, boolean]>([
    [
      'windows and names',
      { type: 'crosscheck:match', windows: ['a', 'b'], namedInFull: ['x'], withTracked: true },
      true,
    ],
    ['no windows', { type: 'crosscheck:match', windows: [], namedInFull: [], withTracked: false }, true],
    ['tracked terms not said', { type: 'crosscheck:match', windows: ['a'], namedInFull: [] }, false],
    [
      'tracked terms not yes or no',
      { type: 'crosscheck:match', windows: ['a'], namedInFull: [], withTracked: 1 },
      false,
    ],
    ['another type', { type: 'crosscheck:get-entry', windows: [], namedInFull: [] }, false],
    ['a window not text', { type: 'crosscheck:match', windows: ['a', 3], namedInFull: [], withTracked: false }, false],
    ['names missing', { type: 'crosscheck:match', windows: ['a'], withTracked: false }, false],
    [
      'too much text',
      {
        type: 'crosscheck:match',
        windows: ['x'.repeat(MAX_MATCH_REQUEST_CHARS + 1)],
        namedInFull: [],
        withTracked: false,
      },
      false,
    ],
    ['not an object', 'crosscheck:match', false],
  ])('%s', (_name, message, expected) => {
    expect(isMatchRequest(message)).toBe(expected);
  });

  it.each<[string, unknown, boolean]>([
    ['a selection in its block', { type: 'crosscheck:check-figure', context: 'It cost $5.', start: 8, end: 10 }, true],
    ['an empty selection', { type: 'crosscheck:check-figure', context: 'abc', start: 1, end: 1 }, true],
    ['ends past the block', { type: 'crosscheck:check-figure', context: 'abc', start: 1, end: 4 }, false],
    ['starts after it ends', { type: 'crosscheck:check-figure', context: 'abc', start: 2, end: 1 }, false],
    ['offsets not integers', { type: 'crosscheck:check-figure', context: 'abc', start: 0.5, end: 1 }, false],
    ['no block text', { type: 'crosscheck:check-figure', start: 0, end: 0 }, false],
  ])('%s', (_name, message, expected) => {
    expect(isFigureCheckRequest(message)).toBe(expected);
  });

  it.each<[string, unknown, number, boolean]>([
    ['one list per window', { matches: [[], []], namedInFull: [], timing: {} }, 2, true],
    ['a list short', { matches: [[]], namedInFull: [], timing: {} }, 2, false],
    ['no timing', { matches: [[]], namedInFull: [] }, 1, false],
    ['nothing', undefined, 1, false],
  ])('answer: %s', (_name, message, windows, expected) => {
    expect(isWindowMatches(message, windows)).toBe(expected);
  });
});

describe('a figure check, as the content script checks it', () => {
  const unlinked = {
    selection: '1919',
    figure: null,
    notFigures: [],
    linked: null,
    candidates: [],
    verdict: 'unsourced',
  };
  it.each<[string, unknown, boolean]>([
    ['nothing linked', unlinked, true],
    ['linked, with no verdict', { ...unlinked, linked: { claim: { id: 'x' }, pageFigure: {} }, verdict: null }, true],
    ['readings not a list', { ...unlinked, notFigures: undefined }, false],
    ['a linked claim without an id', { ...unlinked, linked: { claim: {} } }, false],
    ['verdict not said', { ...unlinked, verdict: undefined }, false],
  ])('%s', (_name, message, expected) => {
    expect(isFigureCheck(message)).toBe(expected);
  });
});

describe('senderKind: who a message is from, as the background and the content script classify it', () => {
  const id = 'our-id';
  const chromium = 'chrome-extension://our-id/';
  const firefox = 'moz-extension://0b5e1c2d-uuid/';
  const page = 'https://news.example/article';
  it.each<[string, MessageSender, string, SenderKind]>([
    ['Chromium: the background’s worker', { id, url: `${chromium}background.js` }, chromium, 'extension'],
    ['Firefox: the background page', { id, url: `${firefox}_generated_background_page.html` }, firefox, 'extension'],
    ['the background, no address', { id }, chromium, 'extension'],
    ['Chromium: the toolbar popup', { id, url: `${chromium}popup.html` }, chromium, 'extension'],
    [
      'Chromium: the popup opened in a tab',
      { id, url: `${chromium}popup.html?tab=3`, tab: { id: 4 } },
      chromium,
      'extension',
    ],
    [
      'Firefox: the popup opened in a tab',
      { id, url: `${firefox}popup.html?tab=3`, tab: { id: 4 } },
      firefox,
      'extension',
    ],
    ['Firefox: the options page in a tab', { id, url: `${firefox}options.html`, tab: { id: 5 } }, firefox, 'extension'],
    ['the card’s frame, in the page’s tab', { id, url: `${firefox}card.html`, tab: { id: 3 } }, firefox, 'extension'],
    ['Chromium: our content script', { id, url: page, tab: { id: 3 } }, chromium, 'content-script'],
    ['Firefox: our content script', { id, url: page, tab: { id: 3 } }, firefox, 'content-script'],
    ['ours, a page’s address without a tab', { id, url: page }, chromium, 'other'],
    ['ours, a tab without an address', { id, tab: { id: 3 } }, chromium, 'other'],
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }, chromium, 'other'],
    ['another extension naming our origin', { id: 'other', url: `${chromium}popup.html` }, chromium, 'other'],
    ['another extension’s content script', { id: 'other', url: page, tab: { id: 3 } }, chromium, 'other'],
    [
      'a look-alike of our origin is a page, in a tab',
      { id, url: 'chrome-extension://our-id.evil/', tab: { id: 3 } },
      chromium,
      'content-script',
    ],
    ['Chromium’s origin in Firefox', { id, url: `${chromium}popup.html`, tab: { id: 3 } }, firefox, 'content-script'],
    ['no id', { url: `${chromium}popup.html` }, chromium, 'other'],
  ])('%s', (_name, sender, ownOrigin, expected) => {
    expect(senderKind(sender, id, ownOrigin)).toBe(expected);
  });
});

describe('backgroundMatching', () => {
  it('sends its requests as messages and returns the answers', async () => {
    const sent: (MatchRequest | FigureCheckRequest | PrepareMatchingRequest)[] = [];
    const matching = backgroundMatching(async (message) => {
      sent.push(message);
      return message.type === 'crosscheck:match'
        ? { matches: [[]], namedInFull: ['a'], timing: { matcherMs: 0, matchMs: 1, figuresMs: 0 } }
        : { selection: '$5', figure: null, notFigures: [], linked: null, candidates: [], verdict: 'unsourced' };
    });
    matching.prepare();
    expect((await matching.matchWindows(['text'], ['b'], true)).namedInFull).toEqual(['a']);
    expect((await matching.checkFigure('It cost $5.', 8, 10)).verdict).toBe('unsourced');
    expect(sent).toEqual([
      { type: 'crosscheck:prepare-matching' },
      { type: 'crosscheck:match', windows: ['text'], namedInFull: ['b'], withTracked: true },
      { type: 'crosscheck:check-figure', context: 'It cost $5.', start: 8, end: 10 },
    ]);
  });

  it.each<[string, unknown]>([
    ['no answer (no listener)', undefined],
    ['a list per window missing', { matches: [], namedInFull: [], timing: {} }],
  ])('rejects an unexpected answer: %s', async (_name, answer) => {
    const matching = backgroundMatching(async () => answer);
    matching.prepare(); // answers nothing, asks nothing back
    await expect(matching.matchWindows(['text'], [], false)).rejects.toThrow('unexpected reply');
    await expect(matching.checkFigure('abc', 0, 1)).rejects.toThrow('unexpected reply');
  });

  it('prepares without failing when nobody answers', async () => {
    const matching = backgroundMatching(() => Promise.reject(new Error('Could not establish connection.')));
    expect(() => matching.prepare()).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0)); // no unhandled rejection follows
  });
});
