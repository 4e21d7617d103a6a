import { describe, expect, it } from 'vitest';
import { backgroundMatching } from '@/lib/content/background-matching';
import {
  isFigureCheck,
  isFigureCheckRequest,
  isMatchRequest,
  isWindowMatches,
  MAX_MATCH_REQUEST_CHARS,
  type FigureCheckRequest,
  type MatchRequest,
  type PrepareMatchingRequest,
} from '@/lib/messages';

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
