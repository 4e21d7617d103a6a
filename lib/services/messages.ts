import type { FigureCheck } from '../matching/figure-check';
import type { WindowMatches } from './matching-service';
import { CATEGORIES, type Category } from '../kb/types';
import type { HighlightDescriptions } from '../kb/category-labels';
import type { EntryResponse } from '../my-sources/entry';
import type { ArticleForSaving } from '../my-sources/extract';
import { TICKETS_PER_TAB } from './card-tickets';
import {
  anyList,
  either,
  exactly,
  fields,
  integer,
  isObject,
  list,
  nullOr,
  number,
  text,
  trusted,
  where,
  yesNo,
  type Shape,
  type ShapeOf,
} from './shapes';

/**
 * The messages the parts of the extension send one another, one map per receiver: what the
 * background answers (asked by content scripts and by the extension's pages: popup, options,
 * track form, the card's frame), and what a tab's content script answers (asked by the popup and
 * the background). Each message type names its request's fields, its reply, and who may send it.
 * The receiver checks the sender and the request's shape before acting (`serve`), so a page
 * cannot talk to the extension; the sender checks the reply's shape (`sender`).
 */

/** One message type: who may send it, what its request carries, and what its receiver answers. */
export interface Route {
  /** The senders allowed (see senderKind); any other gets no answer. */
  readonly from: readonly SenderKind[];
  /** The request's fields besides its type. */
  readonly request: Shape<object>;
  /** What the receiver answers; absent when it answers nothing. */
  readonly reply?: Shape<unknown>;
}

export type Routes = Readonly<Record<string, Route>>;

/** A request's fields besides its type. */
export type Fields<M extends Routes, T extends keyof M> = ShapeOf<M[T]['request']>;

/** A request of type `T` (of any type in `M`, by default): its fields and its type. */
export type Request<M extends Routes, T extends keyof M = keyof M> = T extends keyof M & string
  ? { readonly type: T } & Fields<M, T>
  : never;

/** What the receiver answers to a request of type `T` (undefined: nothing). */
export type Reply<M extends Routes, T extends keyof M> = M[T]['reply'] extends Shape<infer R> ? R : undefined;

type Handler<Asked, Answer> = (request: Asked, sender: MessageSender) => Answer | Promise<Answer>;

/** How a receiver answers each type of `M`, told the request and who sent it. */
export type Handlers<M extends Routes> = {
  readonly [T in keyof M & string]: M[T]['reply'] extends Shape<infer R>
    ? Handler<Request<M, T>, R>
    : Handler<Request<M, T>, void>;
};

/** Characters of text in one request, at most: a pass sends a long article in batches far smaller. */
export const MAX_MATCH_REQUEST_CHARS = 4_000_000;

const NONE = fields({});
const entryId = text({ max: 200 });
const cardTicket = text({ max: 64 });
const OURS: readonly SenderKind[] = ['extension', 'content-script'];
const EXTENSION: readonly SenderKind[] = ['extension'];
const CONTENT_SCRIPT: readonly SenderKind[] = ['content-script'];

const entryResponse = trusted<EntryResponse>(
  // `entry` is null for an id the knowledge base does not hold.
  fields({ entry: nullOr(isObject), sources: anyList, corpusSize: number }),
);

/** The background's answer to a match request: one list of matches per window (matching-client.ts counts them). */
const windowMatches = trusted<WindowMatches>(
  fields({ matches: list(anyList), namedInFull: list(text()), timing: isObject }),
);

const figureCheck = trusted<FigureCheck>(
  fields({
    selection: text(),
    notFigures: anyList,
    linked: nullOr(fields({ claim: fields({ id: text() }) })),
    candidates: anyList,
    verdict: nullOr(text()),
  }),
);

/** The outcome of saving an article, as the reader is told it. */
export type SaveReply =
  | { readonly ok: true; readonly updated: boolean; readonly title: string | null }
  | { readonly ok: false; readonly problem: string };

const saveReply: Shape<SaveReply> = either(
  fields({ ok: exactly(true), updated: yesNo, title: nullOr(text()) }),
  fields({ ok: exactly(false), problem: text() }),
);

/**
 * The words the page tools say without being asked, from the background with the tools: a page's
 * first `browser.i18n` call would load the extension's whole catalogue into the page's process.
 */
export interface PageToolsWords {
  readonly highlightDescriptions: HighlightDescriptions;
}

const pageToolsWords: Shape<PageToolsWords> = fields({
  highlightDescriptions: trusted<HighlightDescriptions>(
    fields(Object.fromEntries(CATEGORIES.map((category) => [category, text({ max: 200 })]))),
  ),
});

/** Badges count up to 999+: a count past a million is no page's. */
const count = integer({ min: 0, max: 999_999 });

/** What the background answers, with runtime.sendMessage. */
export const BACKGROUND = {
  /** A card's data from the knowledge base alone. */
  'crosscheck:get-entry': { from: OURS, request: fields({ id: entryId }), reply: entryResponse },
  /**
   * A card's data with what the reader's library adds: to the extension's own pages only (the
   * card's frame among them), never to a content script, which shares its page with the page's
   * own scripts.
   */
  'crosscheck:get-entry-with-own': { from: EXTENSION, request: fields({ id: entryId }), reply: entryResponse },
  /** Match windows of the page's text (see PageMatching.matchWindows). */
  'crosscheck:match': {
    from: CONTENT_SCRIPT,
    request: where(
      fields({ windows: list(text()), namedInFull: list(text(), { max: 100_000 }), withTracked: yesNo }),
      ({ windows }) => windows.reduce((sum, window) => sum + window.length, 0) <= MAX_MATCH_REQUEST_CHARS,
    ),
    reply: windowMatches,
  },
  /** "Check this figure" on the selection, `start`…`end` in its block's text `context`. */
  'crosscheck:check-figure': {
    from: CONTENT_SCRIPT,
    request: where(
      fields({ context: text({ max: MAX_MATCH_REQUEST_CHARS }), start: integer({ min: 0 }), end: integer({ min: 0 }) }),
      ({ context, start, end }) => start <= end && end <= context.length,
    ),
    reply: figureCheck,
  },
  /**
   * What the toolbar badge should say for the sender's tab: distinct entries highlighted (0 where
   * Crosscheck is paused or found nothing), and figures that differ from what the sources state.
   */
  'crosscheck:found': { from: CONTENT_SCRIPT, request: fields({ entries: count, differing: count }) },
  /** Save the article in this tab (the popup's "Add to my sources"). */
  'crosscheck:save-tab': { from: EXTENSION, request: fields({ tabId: integer({ min: 0 }) }), reply: saveReply },
  /** An extension page changed tracked terms or imported a pack: recompile, and search what is to search. */
  'crosscheck:my-sources-changed': { from: EXTENSION, request: NONE },
  /**
   * Inject the page tools into the sender's frame (see lib/page-life/page-tools-loader.ts), answered
   * once they have run with the words they say; null for a sender outside a tab.
   */
  'crosscheck:load-page-tools': { from: CONTENT_SCRIPT, request: NONE, reply: nullOr(pageToolsWords) },
  /** A ticket for the card frame a content script is about to connect (see card-tickets.ts). */
  'crosscheck:card-ticket': { from: CONTENT_SCRIPT, request: NONE, reply: cardTicket },
  /** To the card's frame: the tickets issued in its tab, so it takes only a port that carries one. */
  'crosscheck:card-tickets': { from: EXTENSION, request: NONE, reply: list(cardTicket, { max: TICKETS_PER_TAB }) },
} as const satisfies Routes;

/** An entry mentioned on the page, as the content script reports it: the popup adds its label. */
export interface MentionedEntry {
  readonly id: string;
  readonly category: Category;
  readonly count: number;
}

/** An entry mentioned on the page, as the popup lists it. */
export interface FoundEntry extends MentionedEntry {
  readonly label: string;
}

/** What the content script reports about its page to the popup. */
export interface PageSummary {
  readonly site: string;
  /** False when Crosscheck is off or paused on this site. */
  readonly active: boolean;
  /** What is being annotated: the detected article, the whole page on request, or nothing. */
  readonly scope: 'article' | 'page' | 'none';
  /** Whether the reader's tracked terms are highlighted here (by the settings, or on request). */
  readonly trackedShown: boolean;
  /** Every entry named, tracked terms included even where they are not highlighted (the popup says so). */
  readonly entries: readonly MentionedEntry[];
}

const pageSummary = trusted<PageSummary>(
  fields({ site: text(), active: yesNo, scope: text(), trackedShown: yesNo, entries: anyList }),
);

const articleForSaving = trusted<ArticleForSaving>(
  fields({
    text: text(),
    metadata: fields({
      url: text(),
      canonical: nullOr(text()),
      title: nullOr(text()),
      author: nullOr(text()),
      site: nullOr(text()),
      published: nullOr(text()),
    }),
  }),
);

/**
 * What a tab's content script answers, with tabs.sendMessage: only ever to the extension's own
 * popup, pages and background.
 */
export const TAB = {
  'crosscheck:page-summary': { from: EXTENSION, request: NONE, reply: pageSummary },
  /** Scroll to an entry's first highlight and open its card. */
  'crosscheck:reveal': { from: EXTENSION, request: fields({ id: entryId }) },
  /** Annotate the whole page, not only the article found (the reader asked in the popup). */
  'crosscheck:annotate-page': { from: EXTENSION, request: NONE, reply: pageSummary },
  /** Highlight the reader's tracked terms on this page, until it is reloaded (the reader asked in the popup). */
  'crosscheck:show-tracked': { from: EXTENSION, request: NONE, reply: pageSummary },
  /** The keyboard command: hide or show every highlight on this page. */
  'crosscheck:toggle-highlights': { from: EXTENSION, request: NONE },
  /** The article's text and the page's declared metadata, for saving it (null without an article). */
  'crosscheck:read-article': { from: EXTENSION, request: NONE, reply: nullOr(articleForSaving) },
  /** Only the address the article would be saved under (see savedAddress; null without an article). */
  'crosscheck:saved-address': { from: EXTENSION, request: NONE, reply: nullOr(text()) },
  /** Say something to the reader on the page (the outcome of a context-menu action). */
  'crosscheck:tell': { from: EXTENSION, request: fields({ message: text({ max: 1000 }) }) },
  /** "Check this figure" on the reader's selection (the context menu or the keyboard command). */
  'crosscheck:check-selection': { from: EXTENSION, request: NONE },
} as const satisfies Routes;

export type BackgroundRequest<T extends keyof typeof BACKGROUND = keyof typeof BACKGROUND> = Request<
  typeof BACKGROUND,
  T
>;
export type TabRequest<T extends keyof typeof TAB = keyof typeof TAB> = Request<typeof TAB, T>;
/** What a content script tells the background for its tab's badge. */
export type FoundReport = Fields<typeof BACKGROUND, 'crosscheck:found'>;

/** Who sent a message, as the browser says (runtime.MessageSender). */
export interface MessageSender {
  readonly id?: string;
  readonly url?: string;
  readonly tab?: { readonly id?: number };
  /** The frame of its tab the sender runs in (0: the top frame). */
  readonly frameId?: number;
}

/**
 * Where a message came from: `extension`, Crosscheck's background or one of its pages (popup,
 * options, track form, the card's frame); `content-script`, Crosscheck's script in a web page's
 * tab; `other`, anything else (another extension, a page), which gets no answer.
 */
export type SenderKind = 'extension' | 'content-script' | 'other';

/**
 * Classifies a sender by its address, not by whether it has a tab: Firefox gives a message from an
 * extension page open in a tab `sender.tab` (both browsers do for the card's frame, which sits in
 * the page's tab). An extension page's address is in the extension's own origin (`ownOrigin`,
 * `runtime.getURL('/')`); a content script's is its page's, in a tab. A sender of ours with neither
 * address nor tab is the background.
 */
export function senderKind(sender: MessageSender, ownId: string, ownOrigin: string): SenderKind {
  if (sender.id !== ownId) return 'other';
  if (sender.url === undefined) return sender.tab === undefined ? 'extension' : 'other';
  if (sender.url.startsWith(ownOrigin)) return 'extension';
  return sender.tab === undefined ? 'other' : 'content-script';
}

/** The request `message` is, when it is one of `routes`' types, of its shape, from a sender allowed to send it; else null. */
export function accept<M extends Routes>(routes: M, message: unknown, from: SenderKind): Request<M> | null {
  if (!isObject(message)) return null;
  const { type } = message as { readonly type?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(routes, type)) return null;
  const route = routes[type]!;
  return route.from.includes(from) && route.request(message) ? (message as Request<M>) : null;
}

/**
 * A receiver of `routes`: hands an accepted request (see `accept`) to its type's handler and
 * resolves with the handler's reply (undefined for a type that answers nothing); undefined for a
 * message it does not accept, which then gets no answer.
 */
export function serve<M extends Routes>(
  routes: M,
  handlers: Handlers<M>,
): (message: unknown, sender: MessageSender, from: SenderKind) => Promise<unknown> | undefined {
  return (message, sender, from) => {
    const request = accept(routes, message, from);
    if (request === null) return undefined;
    const handle = handlers[request.type as keyof M & string] as (request: unknown, sender: MessageSender) => unknown;
    try {
      return Promise.resolve(handle(request, sender));
    } catch (error) {
      return Promise.reject(error);
    }
  };
}

/** `send(type, fields)` to a receiver of `routes`, resolving with its reply once the reply's shape is checked. */
export type Send<M extends Routes> = <T extends keyof M & string>(
  type: T,
  ...fields: object extends Fields<M, T> ? [fields?: Fields<M, T>] : [fields: Fields<M, T>]
) => Promise<Reply<M, T>>;

/** A reply of the wrong shape: from a receiver of another version, or from nobody. */
export class UnexpectedReply extends Error {
  constructor(type: string) {
    super(`Crosscheck: unexpected reply to ${type}`);
  }
}

/**
 * How to send to a receiver of `routes` through `transport` (runtime.sendMessage, tabs.sendMessage
 * to one tab): a reply of the wrong shape rejects with UnexpectedReply.
 */
export function sender<M extends Routes>(routes: M, transport: (request: Request<M>) => Promise<unknown>): Send<M> {
  return async (type, ...[fields]) => {
    const reply = await transport({ ...fields, type } as Request<M>);
    const check = routes[type]!.reply;
    if (check && !check(reply)) throw new UnexpectedReply(type);
    return reply as never;
  };
}
