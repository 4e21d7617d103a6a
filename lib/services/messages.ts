import type { FigureCheck } from '../matching/figure-check';
import type { WindowMatches } from './matching-service';
import type { Category } from '../kb/types';
import type { EntryResponse } from '../my-sources/entry';
import type { ArticleForSaving } from '../my-sources/extract';

/**
 * Messages between the content script and the background. Every receiver checks the shape (and
 * the background the sender) before acting: a page cannot talk to the extension.
 */

/** For messages that are their type alone. */
const hasType = (message: unknown, type: string): boolean =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;

export interface EntryRequest {
  readonly type: 'crosscheck:get-entry';
  readonly id: string;
}

export function entryRequest(id: string): EntryRequest {
  return { type: 'crosscheck:get-entry', id };
}

/** A card's data with what the reader's library adds: answered to the extension's own pages only. */
export interface EntryWithOwnRequest {
  readonly type: 'crosscheck:get-entry-with-own';
  readonly id: string;
}

export function entryWithOwnRequest(id: string): EntryWithOwnRequest {
  return { type: 'crosscheck:get-entry-with-own', id };
}

const isIdRequest = (message: unknown, type: string): boolean => {
  if (typeof message !== 'object' || message === null) return false;
  const { type: actual, id } = message as Record<string, unknown>;
  return actual === type && typeof id === 'string' && id.length <= 200;
};

export function isEntryRequest(message: unknown): message is EntryRequest {
  return isIdRequest(message, 'crosscheck:get-entry');
}

export function isEntryWithOwnRequest(message: unknown): message is EntryWithOwnRequest {
  return isIdRequest(message, 'crosscheck:get-entry-with-own');
}

export function isEntryResponse(message: unknown): message is EntryResponse {
  if (typeof message !== 'object' || message === null) return false;
  const { entry, sources, corpusSize } = message as Record<string, unknown>;
  return typeof entry === 'object' && Array.isArray(sources) && typeof corpusSize === 'number';
}

/** From a content script to the background as it starts: get ready to match (see PageMatching.prepare). */
export interface PrepareMatchingRequest {
  readonly type: 'crosscheck:prepare-matching';
}

export const PREPARE_MATCHING: PrepareMatchingRequest = { type: 'crosscheck:prepare-matching' };

export function isPrepareMatchingRequest(message: unknown): message is PrepareMatchingRequest {
  return hasType(message, PREPARE_MATCHING.type);
}

/**
 * From a content script to the background: inject the page tools into my frame (see
 * lib/page-life/page-tools-loader.ts). The answer comes once they have run.
 */
export interface LoadPageToolsRequest {
  readonly type: 'crosscheck:load-page-tools';
}

export const LOAD_PAGE_TOOLS: LoadPageToolsRequest = { type: 'crosscheck:load-page-tools' };

export function isLoadPageToolsRequest(message: unknown): message is LoadPageToolsRequest {
  return hasType(message, LOAD_PAGE_TOOLS.type);
}

/** From a content script to the background: match windows of the page's text (see PageMatching). */
export interface MatchRequest {
  readonly type: 'crosscheck:match';
  readonly windows: readonly string[];
  readonly namedInFull: readonly string[];
  /** Whether the reader's tracked terms are matched too (see PageMatching.matchWindows). */
  readonly withTracked: boolean;
}

/** Characters of text in one request, at most: a pass sends a long article in batches far smaller. */
export const MAX_MATCH_REQUEST_CHARS = 4_000_000;

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

export function isMatchRequest(message: unknown): message is MatchRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, windows, namedInFull, withTracked } = message as Record<string, unknown>;
  return (
    type === 'crosscheck:match' &&
    typeof withTracked === 'boolean' &&
    isStringArray(windows) &&
    windows.reduce((sum, text) => sum + text.length, 0) <= MAX_MATCH_REQUEST_CHARS &&
    isStringArray(namedInFull) &&
    namedInFull.length <= 100_000
  );
}

/** The background's answer to a MatchRequest of `windows` windows. */
export function isWindowMatches(message: unknown, windows: number): message is WindowMatches {
  if (typeof message !== 'object' || message === null) return false;
  const { matches, namedInFull, timing } = message as Record<string, unknown>;
  return (
    Array.isArray(matches) &&
    matches.length === windows &&
    matches.every(Array.isArray) &&
    isStringArray(namedInFull) &&
    typeof timing === 'object' &&
    timing !== null
  );
}

/** From a content script to the background: "Check this figure" on the selection, in its block's text. */
export interface FigureCheckRequest {
  readonly type: 'crosscheck:check-figure';
  readonly context: string;
  readonly start: number;
  readonly end: number;
}

export function isFigureCheckRequest(message: unknown): message is FigureCheckRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, context, start, end } = message as Record<string, unknown>;
  return (
    type === 'crosscheck:check-figure' &&
    typeof context === 'string' &&
    context.length <= MAX_MATCH_REQUEST_CHARS &&
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    (start as number) >= 0 &&
    (start as number) <= (end as number) &&
    (end as number) <= context.length
  );
}

export function isFigureCheck(message: unknown): message is FigureCheck {
  if (typeof message !== 'object' || message === null) return false;
  const { selection, notFigures, linked, candidates, verdict } = message as Record<string, unknown>;
  const linkedClaim = (linked as { claim?: { id?: unknown } } | null)?.claim;
  return (
    typeof selection === 'string' &&
    Array.isArray(notFigures) &&
    (linked === null || (typeof linked === 'object' && typeof linkedClaim?.id === 'string')) &&
    Array.isArray(candidates) &&
    (verdict === null || typeof verdict === 'string')
  );
}

/** The context-menu item and the keyboard command (see wxt.config.ts) for "Check this figure". */
export const CHECK_FIGURE_MENU_ID = 'crosscheck-check-figure';
export const CHECK_FIGURE_COMMAND = 'check-figure';

/** Sent by the background to a tab when the reader asks to check the selected figure. */
export interface CheckSelectionRequest {
  readonly type: 'crosscheck:check-selection';
}

export const CHECK_SELECTION: CheckSelectionRequest = { type: 'crosscheck:check-selection' };

export function isCheckSelectionRequest(message: unknown): message is CheckSelectionRequest {
  return hasType(message, CHECK_SELECTION.type);
}

/** From the popup to the current tab. */
export type TabRequest =
  | { readonly type: 'crosscheck:page-summary' }
  | { readonly type: 'crosscheck:reveal'; readonly id: string }
  | { readonly type: 'crosscheck:annotate-page' }
  /** Highlight the reader's tracked terms on this page, until it is reloaded (the reader asked in the popup). */
  | { readonly type: 'crosscheck:show-tracked' }
  | { readonly type: 'crosscheck:toggle-highlights' }
  /** The article's text and the page's declared metadata, for saving it (null without an article). */
  | { readonly type: 'crosscheck:read-article' }
  /** Only the address the article would be saved under (see savedAddress; null without an article). */
  | { readonly type: 'crosscheck:saved-address' }
  /** Says something to the reader on the page (the outcome of a context-menu action). */
  | { readonly type: 'crosscheck:tell'; readonly message: string };

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

const TAB_REQUEST_TYPES = new Set([
  'crosscheck:page-summary',
  'crosscheck:reveal',
  'crosscheck:annotate-page',
  'crosscheck:show-tracked',
  'crosscheck:toggle-highlights',
  'crosscheck:read-article',
  'crosscheck:saved-address',
  'crosscheck:tell',
]);

export function isTabRequest(message: unknown): message is TabRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, id } = message as Record<string, unknown>;
  if (typeof type !== 'string' || !TAB_REQUEST_TYPES.has(type)) return false;
  if (type === 'crosscheck:tell') {
    const text = (message as Record<string, unknown>).message;
    return typeof text === 'string' && text.length <= 1000;
  }
  return type !== 'crosscheck:reveal' || (typeof id === 'string' && id.length <= 200);
}

export function isPageSummary(message: unknown): message is PageSummary {
  if (typeof message !== 'object' || message === null) return false;
  const { site, active, scope, trackedShown, entries } = message as Record<string, unknown>;
  return (
    typeof site === 'string' &&
    typeof active === 'boolean' &&
    typeof scope === 'string' &&
    typeof trackedShown === 'boolean' &&
    Array.isArray(entries)
  );
}

export const TOGGLE_HIGHLIGHTS_COMMAND = 'toggle-highlights';

/** From a tab's content script to the background: what the toolbar badge should say for that tab. */
export interface FoundReport {
  readonly type: 'crosscheck:found';
  /** Distinct entries highlighted on the page (0 where Crosscheck is paused or found nothing). */
  readonly entries: number;
  /** Figures on the page that differ from what the sources state. */
  readonly differing: number;
}

export function isFoundReport(message: unknown): message is FoundReport {
  if (typeof message !== 'object' || message === null) return false;
  const { type, entries, differing } = message as Record<string, unknown>;
  const count = (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) < 1e6;
  return type === 'crosscheck:found' && count(entries) && count(differing);
}

export function isArticleForSaving(message: unknown): message is ArticleForSaving {
  if (typeof message !== 'object' || message === null) return false;
  const { text, metadata } = message as Record<string, unknown>;
  if (typeof text !== 'string' || typeof metadata !== 'object' || metadata === null) return false;
  const { url, canonical, title, author, site, published } = metadata as Record<string, unknown>;
  const textOrNull = (value: unknown) => value === null || typeof value === 'string';
  return typeof url === 'string' && [canonical, title, author, site, published].every(textOrNull);
}

/** Who sent a message, as the browser says (runtime.MessageSender). */
export interface MessageSender {
  readonly id?: string;
  readonly url?: string;
  readonly tab?: unknown;
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

/** The context-menu items for the reader's own sources. */
export const SAVE_ARTICLE_MENU_ID = 'crosscheck-save-article';
export const TRACK_TERM_MENU_ID = 'crosscheck-track-term';

/** From extension pages and content scripts to the background, about the reader's own sources. */
export type MySourcesRequest =
  /** Save the article in this tab (the popup's "Add to my sources"). */
  | { readonly type: 'crosscheck:save-tab'; readonly tabId: number }
  /** An extension page changed tracked terms or imported a pack: recompile, and search what is to search. */
  | { readonly type: 'crosscheck:my-sources-changed' };

export function isMySourcesRequest(message: unknown): message is MySourcesRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, tabId } = message as Record<string, unknown>;
  if (type === 'crosscheck:save-tab') return Number.isInteger(tabId) && (tabId as number) >= 0;
  return type === 'crosscheck:my-sources-changed';
}

/** The outcome of saving an article, as the reader is told it. */
export type SaveReply =
  | { readonly ok: true; readonly updated: boolean; readonly title: string | null }
  | { readonly ok: false; readonly problem: string };

export function isSaveReply(message: unknown): message is SaveReply {
  if (typeof message !== 'object' || message === null) return false;
  const { ok, problem } = message as Record<string, unknown>;
  return ok === true || (ok === false && typeof problem === 'string');
}
