import type { ArticleForSaving } from '../my-sources/extract';
import type { HighlightDescriptions } from '../kb/category-labels';
import type { PageMatching } from '../services/matching-service';
import type { PageToolsWords } from '../services/messages';
import type { Popover } from '../card/card-host';
import type { PageSession, PageSessionDeps } from './page-session';

/**
 * The page tools: what Crosscheck needs on a page only once it has something to draw, show or
 * read there (highlights, the card, an article to save). Most pages never need them, so the
 * content script that runs on every page holds only what decides that (the settings, the article
 * finder); the tools are a script of their own (entrypoints/page-tools), which the extension's
 * background injects into the content scripts' isolated world when the content script asks.
 */
export interface PageTools {
  /** The page's one card, shared by the sessions and "Check this figure". */
  readonly popover: Popover;
  /** Crosscheck on `root`: highlights kept live, cards opened from them (see PageSession). */
  session(root: Element, options: SessionOptions): PageSession;
  /** "Check this figure" on the reader's selection; with nothing selected, the card says how to use it. */
  checkSelection(): Promise<void>;
  /** The article under `root` as the reader's library saves it. */
  articleForSaving(root: Element, isExcluded: (element: Element) => boolean): ArticleForSaving;
  /** The address this page would be saved under. */
  savedAddress(): string | null;
  destroy(): void;
}

/** What a session needs from the page's controller; the tools add the rest. */
export type SessionOptions = Omit<PageSessionDeps, 'matching' | 'popover' | 'highlightCss' | 'highlightDescriptions'>;

/** What the content script gives the tools when it takes them. */
export interface PageToolsOptions {
  /** Where the text is matched and figures are checked: the background (see matching-client.ts). */
  readonly matching: PageMatching;
  /** The card's page, `card.html`, of the extension's own origin. */
  readonly cardUrl: string;
  /** A ticket from the background for the card frame's port (see PopoverOptions.ticket). */
  readonly cardTicket: () => Promise<string>;
  /** What a screen reader hears each category's highlights are, from the background (see PageToolsWords). */
  readonly highlightDescriptions: HighlightDescriptions;
}

/** The page tools as loaded: their maker, and the words the background gave with them. */
export interface LoadedPageTools {
  readonly create: CreatePageTools;
  readonly words: PageToolsWords;
}

export type CreatePageTools = (options: PageToolsOptions) => PageTools;

/** The page tools' script in the built extension (entrypoints/page-tools), as the background injects it. */
export const PAGE_TOOLS_SCRIPT = '/page-tools.js';

/**
 * Where the tools' script leaves them for the content script: a property of the global object the
 * two share, the extension's isolated world (Chromium) or its sandbox (Firefox). The page's own
 * scripts have another global object: they can neither read this one nor set it.
 */
const shared = globalThis as { crosscheckPageTools?: unknown };

/** Called by the tools' script as it runs. */
export function publishPageTools(create: CreatePageTools): void {
  shared.crosscheckPageTools = create;
}

/**
 * Loads the page tools once, on first need: `inject` asks the background to inject their script
 * (only the extension can: a page has no way to ask it) and answers with their words, and the
 * tools it published are taken once it has run. Nothing found there before counts (an earlier copy
 * of the extension could have left one behind), and a failed load (the extension was updated or
 * removed under the page) is tried again at the next need.
 */
export function pageToolsLoader(inject: () => Promise<PageToolsWords | null>): () => Promise<LoadedPageTools> {
  let loading: Promise<LoadedPageTools> | null = null;
  const load = async (): Promise<LoadedPageTools> => {
    delete shared.crosscheckPageTools;
    const words = await inject();
    const create = shared.crosscheckPageTools;
    delete shared.crosscheckPageTools;
    if (typeof create !== 'function' || words === null) throw new Error('Crosscheck: the page tools did not load');
    return { create: create as CreatePageTools, words };
  };
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
