import { describe, expect, it } from 'vitest';
import { backgroundMatching } from '@/lib/services/matching-client';
import {
  accept,
  BACKGROUND,
  MAX_MATCH_REQUEST_CHARS,
  sender,
  senderKind,
  serve,
  TAB,
  UnexpectedReply,
  type BackgroundRequest,
  type MessageSender,
  type PageSummary,
  type Routes,
  type SenderKind,
} from '@/lib/services/messages';

/** A type's requests (its fields, without the type), the valid and the invalid, by name. */
type RequestTable = Readonly<Record<string, readonly [name: string, fields: object, valid: boolean][]>>;

const DESCRIPTIONS = {
  concept: 'Concept, Crosscheck highlight',
  law: 'Law or case, Crosscheck highlight',
  person: 'Person, Crosscheck highlight',
  organization: 'Organization, Crosscheck highlight',
  place: 'Place, Crosscheck highlight',
  figure: 'Figure, Crosscheck highlight',
};

const article = {
  text: 'x',
  metadata: { url: 'https://a.example/', canonical: null, title: null, author: 'A', site: null, published: null },
};
const summary: PageSummary = { site: 'a.example', active: true, scope: 'article', trackedShown: false, entries: [] };
const unlinked = {
  selection: '1919',
  figure: null,
  notFigures: [],
  linked: null,
  candidates: [],
  verdict: 'unsourced',
};
const entryResponse = { entry: { id: 'x' }, sources: [], corpusSize: 5 };

const BACKGROUND_REQUESTS: RequestTable = {
  'crosscheck:get-entry': [
    ['an id', { id: 'soft-secession' }, true],
    ['an id of 200 characters', { id: 'x'.repeat(200) }, true],
    ['an id of 201 characters', { id: 'x'.repeat(201) }, false],
    ['a number for an id', { id: 3 }, false],
    ['no id', {}, false],
  ],
  'crosscheck:get-entry-with-own': [
    ['an id', { id: 'tracked-3' }, true],
    ['an id too long', { id: 'x'.repeat(201) }, false],
    ['no id', {}, false],
  ],
  'crosscheck:match': [
    ['windows and names', { windows: ['a', 'b'], namedInFull: ['x'], withTracked: true }, true],
    ['no windows', { windows: [], namedInFull: [], withTracked: false }, true],
    ['tracked terms not said', { windows: ['a'], namedInFull: [] }, false],
    ['tracked terms not yes or no', { windows: ['a'], namedInFull: [], withTracked: 1 }, false],
    ['a window not text', { windows: ['a', 3], namedInFull: [], withTracked: false }, false],
    ['windows not a list', { windows: 'a', namedInFull: [], withTracked: false }, false],
    ['names missing', { windows: ['a'], withTracked: false }, false],
    ['a name not text', { windows: ['a'], namedInFull: [null], withTracked: false }, false],
    ['100,000 names', { windows: [], namedInFull: Array(100_000).fill('x'), withTracked: false }, true],
    ['100,001 names', { windows: [], namedInFull: Array(100_001).fill('x'), withTracked: false }, false],
    [
      'as much text as allowed, in two windows',
      { windows: ['x'.repeat(MAX_MATCH_REQUEST_CHARS - 1), 'y'], namedInFull: [], withTracked: false },
      true,
    ],
    [
      'too much text, in two windows',
      { windows: ['x'.repeat(MAX_MATCH_REQUEST_CHARS), 'y'], namedInFull: [], withTracked: false },
      false,
    ],
  ],
  'crosscheck:check-figure': [
    ['a selection in its block', { context: 'It cost $5.', start: 8, end: 10 }, true],
    ['an empty selection', { context: 'abc', start: 1, end: 1 }, true],
    ['the whole block', { context: 'abc', start: 0, end: 3 }, true],
    ['ends past the block', { context: 'abc', start: 1, end: 4 }, false],
    ['starts after it ends', { context: 'abc', start: 2, end: 1 }, false],
    ['starts before the block', { context: 'abc', start: -1, end: 1 }, false],
    ['offsets not integers', { context: 'abc', start: 0.5, end: 1 }, false],
    ['offsets as text', { context: 'abc', start: '0', end: '1' }, false],
    ['no block text', { start: 0, end: 0 }, false],
    ['a block too long', { context: 'x'.repeat(MAX_MATCH_REQUEST_CHARS + 1), start: 0, end: 1 }, false],
  ],
  'crosscheck:found': [
    ['a report', { entries: 3, differing: 0 }, true],
    ['nothing found', { entries: 0, differing: 0 }, true],
    ['the most a page can count', { entries: 999_999, differing: 999_999 }, true],
    ['a million', { entries: 1_000_000, differing: 0 }, false],
    ['a negative count', { entries: -1, differing: 0 }, false],
    ['a fraction', { entries: 1.5, differing: 0 }, false],
    ['a string', { entries: '3', differing: 0 }, false],
    ['no count of differing figures', { entries: 3 }, false],
  ],
  'crosscheck:save-tab': [
    ['a tab', { tabId: 4 }, true],
    ['tab 0', { tabId: 0 }, true],
    ['a tab as text', { tabId: '4' }, false],
    ['a negative tab', { tabId: -1 }, false],
    ['a fractional tab', { tabId: 1.5 }, false],
    ['no tab', {}, false],
  ],
  'crosscheck:my-sources-changed': [['nothing', {}, true]],
  'crosscheck:load-page-tools': [['nothing', {}, true]],
  'crosscheck:card-ticket': [['nothing', {}, true]],
  'crosscheck:card-tickets': [['nothing', {}, true]],
};

const TAB_REQUESTS: RequestTable = {
  'crosscheck:page-summary': [['nothing', {}, true]],
  'crosscheck:reveal': [
    ['an id', { id: 'soft-secession' }, true],
    ['an id too long', { id: 'x'.repeat(201) }, false],
    ['no id', {}, false],
  ],
  'crosscheck:annotate-page': [['nothing', {}, true]],
  'crosscheck:show-tracked': [['nothing', {}, true]],
  'crosscheck:toggle-highlights': [['nothing', {}, true]],
  'crosscheck:read-article': [['nothing', {}, true]],
  'crosscheck:saved-address': [['nothing', {}, true]],
  'crosscheck:tell': [
    ['a sentence', { message: 'Added to your sources.' }, true],
    ['1,000 characters', { message: 'x'.repeat(1000) }, true],
    ['1,001 characters', { message: 'x'.repeat(1001) }, false],
    ['a number', { message: 3 }, false],
    ['nothing to tell', {}, false],
  ],
  'crosscheck:check-selection': [['nothing', {}, true]],
};

/** Who may send each type: written out here, not read from the map, so a changed rule fails. */
const BACKGROUND_SENDERS: Readonly<Record<string, readonly SenderKind[]>> = {
  'crosscheck:get-entry': ['extension', 'content-script'],
  'crosscheck:get-entry-with-own': ['extension'],
  'crosscheck:match': ['content-script'],
  'crosscheck:check-figure': ['content-script'],
  'crosscheck:found': ['content-script'],
  'crosscheck:save-tab': ['extension'],
  'crosscheck:my-sources-changed': ['extension'],
  'crosscheck:load-page-tools': ['content-script'],
  'crosscheck:card-ticket': ['content-script'],
  'crosscheck:card-tickets': ['extension'],
};
const TAB_SENDERS: Readonly<Record<string, readonly SenderKind[]>> = Object.fromEntries(
  Object.keys(TAB_REQUESTS).map((type) => [type, ['extension']]),
);

/** A type's replies, the valid and the invalid; a type absent here answers nothing. */
type ReplyTable = Readonly<Record<string, readonly [name: string, reply: unknown, valid: boolean][]>>;

const BACKGROUND_REPLIES: ReplyTable = {
  'crosscheck:get-entry': [
    ['a card', entryResponse, true],
    ['an id it does not hold', { ...entryResponse, entry: null }, true],
    ['no sources list', { ...entryResponse, sources: undefined }, false],
    ['no corpus size', { entry: {}, sources: [] }, false],
    ['an entry as text', { ...entryResponse, entry: 'x' }, false],
    ['nothing (no listener)', undefined, false],
  ],
  'crosscheck:get-entry-with-own': [
    ['a card', { ...entryResponse, own: {} }, true],
    ['nothing', null, false],
  ],
  'crosscheck:match': [
    ['one list per window', { matches: [[]], namedInFull: [], timing: {} }, true],
    ['a window’s matches not a list', { matches: [{}], namedInFull: [], timing: {} }, false],
    ['no timing', { matches: [[]], namedInFull: [] }, false],
    ['a name not text', { matches: [[]], namedInFull: [1], timing: {} }, false],
    ['nothing', undefined, false],
  ],
  'crosscheck:check-figure': [
    ['nothing linked', unlinked, true],
    ['linked, with no verdict', { ...unlinked, linked: { claim: { id: 'x' }, pageFigure: {} }, verdict: null }, true],
    ['readings not a list', { ...unlinked, notFigures: undefined }, false],
    ['a linked claim without an id', { ...unlinked, linked: { claim: {} } }, false],
    ['verdict not said', { ...unlinked, verdict: undefined }, false],
  ],
  'crosscheck:save-tab': [
    ['saved', { ok: true, updated: false, title: null }, true],
    ['a problem, in words', { ok: false, problem: 'Crosscheck found no article on this page to save.' }, true],
    ['updated', { ok: true, updated: true, title: 'A title' }, true],
    ['whether updated not said', { ok: true, title: null }, false],
    ['a problem not said', { ok: false }, false],
    ['neither', { problem: 'x' }, false],
    ['nothing', undefined, false],
  ],
  'crosscheck:load-page-tools': [
    ['they ran, with their words', { highlightDescriptions: DESCRIPTIONS }, true],
    ['not in a tab', null, true],
    ['a category not described', { highlightDescriptions: { ...DESCRIPTIONS, place: undefined } }, false],
    ['a description that is not words', { highlightDescriptions: { ...DESCRIPTIONS, law: 3 } }, false],
    ['no words', {}, false],
    ['the old answer', true, false],
    ['nothing', undefined, false],
  ],
  'crosscheck:card-ticket': [
    ['a ticket', '0b8c4d2e-6f1a-4b3c-9d5e-7f8a9b0c1d2e', true],
    ['a ticket too long to be one', 'x'.repeat(65), false],
    ['nothing', undefined, false],
  ],
  'crosscheck:card-tickets': [
    ['none', [], true],
    ['some', ['a', 'b'], true],
    ['more than a tab keeps', Array.from({ length: 9 }, (_, i) => String(i)), false],
    ['not text', [1], false],
    ['nothing', undefined, false],
  ],
};

const TAB_REPLIES: ReplyTable = {
  'crosscheck:page-summary': [
    ['a summary', summary, true],
    ['entries not a list', { ...summary, entries: 3 }, false],
    ['active not yes or no', { ...summary, active: 'yes' }, false],
    ['nothing (no content script)', undefined, false],
  ],
  'crosscheck:annotate-page': [
    ['a summary', summary, true],
    ['no site', { ...summary, site: undefined }, false],
  ],
  'crosscheck:show-tracked': [
    ['a summary', summary, true],
    ['tracked terms not said', { ...summary, trackedShown: undefined }, false],
  ],
  'crosscheck:read-article': [
    ['an article', article, true],
    ['no article on the page', null, true],
    [
      'an article with a canonical address',
      { ...article, metadata: { ...article.metadata, canonical: 'https://a.example/c' } },
      true,
    ],
    [
      'an article with a numeric canonical address',
      { ...article, metadata: { ...article.metadata, canonical: 1 } },
      false,
    ],
    ['an article with a numeric author', { ...article, metadata: { ...article.metadata, author: 3 } }, false],
    ['no metadata', { text: 'x' }, false],
    ['no address', { ...article, metadata: { ...article.metadata, url: null } }, false],
    ['nothing (no content script)', undefined, false],
  ],
  'crosscheck:saved-address': [
    ['an address', 'https://a.example/', true],
    ['no article', null, true],
    ['a number', 3, false],
    ['nothing', undefined, false],
  ],
};

describe.each<[string, Routes, RequestTable, Readonly<Record<string, readonly SenderKind[]>>, ReplyTable]>([
  ['the background', BACKGROUND, BACKGROUND_REQUESTS, BACKGROUND_SENDERS, BACKGROUND_REPLIES],
  ['a tab’s content script', TAB, TAB_REQUESTS, TAB_SENDERS, TAB_REPLIES],
])('the messages %s answers', (_receiver, routes, requests, senders, replies) => {
  it('are each in these tables, with a valid request', () => {
    expect(Object.keys(requests).sort()).toEqual(Object.keys(routes).sort());
    expect(Object.keys(senders).sort()).toEqual(Object.keys(routes).sort());
    for (const table of Object.values(requests)) expect(table.some(([, , valid]) => valid)).toBe(true);
    // A type answers something exactly when it has replies here.
    const answering = Object.keys(routes).filter((type) => routes[type]!.reply !== undefined);
    expect(Object.keys(replies).sort()).toEqual(answering.sort());
  });

  const requestCases = Object.entries(requests).flatMap(([type, table]) =>
    table.map(([name, fields, valid]) => [type, name, fields, valid] as const),
  );
  it.each(requestCases)('%s: %s (accepted: %s)', (type, _name, fields, valid) => {
    const from = senders[type]![0]!;
    const accepted = accept(routes, { ...fields, type }, from);
    expect(accepted).toEqual(valid ? { ...fields, type } : null);
  });

  const senderCases = Object.keys(routes).flatMap((type) =>
    (['extension', 'content-script', 'other'] as const).map((from) => [type, from] as const),
  );
  it.each(senderCases)('%s from %s', (type, from) => {
    const [, fields] = requests[type]!.find(([, , valid]) => valid)!;
    const accepted = accept(routes, { ...fields, type }, from) !== null;
    expect(accepted).toBe(senders[type]!.includes(from));
  });

  const replyCases = Object.entries(replies).flatMap(([type, table]) =>
    table.map(([name, reply, valid]) => [type, name, reply, valid] as const),
  );
  it.each(replyCases)('%s, answered %s (taken: %s)', async (type, _name, reply, valid) => {
    const [, fields] = requests[type]!.find(([, , ok]) => ok)!;
    const send = sender(routes, async () => reply) as (type: string, fields: object) => Promise<unknown>;
    if (valid) await expect(send(type, fields)).resolves.toBe(reply);
    else await expect(send(type, fields)).rejects.toBeInstanceOf(UnexpectedReply);
  });

  it.each<[string, unknown]>([
    ['no type', { id: 'x' }],
    ['a type of neither map', { type: 'crosscheck:drop-tables' }],
    ['a type the object prototype has', { type: 'constructor' }],
    ['a prototype’s type', { type: '__proto__' }],
    ['a type not text', { type: 3 }],
    ['text', 'crosscheck:match'],
    ['nothing', null],
  ])('accepts no message with %s', (_name, message) => {
    for (const from of ['extension', 'content-script'] as const) expect(accept(routes, message, from)).toBeNull();
  });
});

describe('serve', () => {
  const background: MessageSender = { id: 'ours' };
  const calls: unknown[] = [];
  const answer = serve(TAB, {
    'crosscheck:page-summary': async () => summary,
    'crosscheck:reveal': ({ id }, from) => void calls.push(['reveal', id, from]),
    'crosscheck:annotate-page': () => summary,
    'crosscheck:show-tracked': () => {
      throw new Error('no page');
    },
    'crosscheck:toggle-highlights': () => undefined,
    'crosscheck:read-article': () => null,
    'crosscheck:saved-address': () => 'https://a.example/',
    'crosscheck:tell': () => undefined,
    'crosscheck:check-selection': () => undefined,
  });

  it('hands an accepted request to its type’s handler, with its sender, and resolves with the reply', async () => {
    await expect(answer({ type: 'crosscheck:page-summary' }, background, 'extension')).resolves.toBe(summary);
    await expect(answer({ type: 'crosscheck:annotate-page' }, background, 'extension')).resolves.toBe(summary);
    await expect(answer({ type: 'crosscheck:reveal', id: 'x' }, background, 'extension')).resolves.toBeUndefined();
    expect(calls).toEqual([['reveal', 'x', background]]);
  });

  it('answers nothing to a request it does not accept, and calls no handler', () => {
    calls.length = 0;
    expect(answer({ type: 'crosscheck:reveal', id: 'x' }, background, 'content-script')).toBeUndefined();
    expect(answer({ type: 'crosscheck:reveal' }, background, 'extension')).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('rejects when the handler throws', async () => {
    await expect(answer({ type: 'crosscheck:show-tracked' }, background, 'extension')).rejects.toThrow('no page');
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
  const through = (transport: (request: BackgroundRequest) => Promise<unknown>) =>
    backgroundMatching(sender(BACKGROUND, transport));

  it('sends its requests as messages and returns the answers', async () => {
    const sent: BackgroundRequest[] = [];
    const matching = through(async (message) => {
      sent.push(message);
      return message.type === 'crosscheck:match'
        ? { matches: [[]], namedInFull: ['a'], timing: { matcherMs: 0, matchMs: 1, figuresMs: 0 } }
        : { selection: '$5', figure: null, notFigures: [], linked: null, candidates: [], verdict: 'unsourced' };
    });
    expect((await matching.matchWindows(['text'], { namedInFull: ['b'], withTracked: true })).namedInFull).toEqual([
      'a',
    ]);
    expect((await matching.checkFigure('It cost $5.', 8, 10)).verdict).toBe('unsourced');
    expect(sent).toEqual([
      { type: 'crosscheck:match', windows: ['text'], namedInFull: ['b'], withTracked: true },
      { type: 'crosscheck:check-figure', context: 'It cost $5.', start: 8, end: 10 },
    ]);
  });

  it.each<[string, unknown]>([
    ['no answer (no listener)', undefined],
    ['a list per window missing', { matches: [], namedInFull: [], timing: {} }],
  ])('rejects an unexpected answer: %s', async (_name, answer) => {
    const matching = through(async () => answer);
    await expect(matching.matchWindows(['text'], { namedInFull: [], withTracked: false })).rejects.toThrow(
      'unexpected reply',
    );
    await expect(matching.checkFigure('abc', 0, 1)).rejects.toThrow('unexpected reply');
  });
});
