import type { FigureCheck } from '../matching/figure-check';
import type { PageFigure } from '../matching/page-matcher';
import { TRACKED_ID_PREFIX } from '../my-sources/types';

/**
 * The card lives in a frame of the extension's own origin (`card.html`), which no page can read;
 * the content script places that frame next to a highlight and talks to it over a MessageChannel.
 *
 * A page can reach the frame too (it is in the page's DOM, and `card.html` is web-accessible so
 * that the page may embed it), so the channel is designed to carry nothing private in either
 * direction: the content script sends only what the page already shows (which highlight, its
 * figure, the page's language), and the frame answers only with sizes computed from the bundled
 * knowledge base, which is the same for every reader. What the reader's library adds to a card is
 * loaded by the frame itself, from the background, and drawn inside the frame's scrolling body.
 */

/** What a card shows: an entry (maybe opened from a figure on the page), a figure check, or a notice. */
export type CardContent =
  | { readonly kind: 'entry'; readonly entryId: string; readonly figure: PageFigure | null }
  | { readonly kind: 'check'; readonly check: FigureCheck }
  | { readonly kind: 'notice'; readonly message: string };

/** From the content script to the card frame. */
export type ToCard =
  | {
      readonly type: 'crosscheck-card:show';
      /** Numbers each card shown, so a size that arrives late for an earlier card is ignored. */
      readonly seq: number;
      readonly content: CardContent;
      /** The page's language: excerpts in it come first. */
      readonly readerLanguage: string;
      /** Move focus into the card (opened by click or keyboard, not by hover). */
      readonly focus: boolean;
      /** Widest the card may be, in CSS pixels: 26rem, or less in a narrow window. */
      readonly maxWidth: number;
    }
  | { readonly type: 'crosscheck-card:hide' };

/** From the card frame to the content script: sizes, and the reader's wish to close or keep it. */
export type FromCard =
  | { readonly type: 'crosscheck-card:size'; readonly seq: number; readonly width: number; readonly height: number }
  | { readonly type: 'crosscheck-card:close'; readonly restoreFocus: boolean }
  /** The pointer entered or left the card (a hover card stays while the pointer is on it). */
  | { readonly type: 'crosscheck-card:pointer'; readonly inside: boolean };

/**
 * The first message on the frame's window: it carries the port every later message uses, and a
 * ticket the background issued to the content script, without which the frame takes no port (a
 * page posts from the same window; see lib/services/card-tickets.ts).
 */
export const CARD_PORT_MESSAGE = 'crosscheck-card:port';

/**
 * The size of a card whose content is the reader's own (a tracked term, the outcome of saving an
 * article): the same whatever it says, so the frame's size tells the page nothing.
 */
export const PRIVATE_CARD_SIZE = { width: 352, height: 240 } as const;
export const NOTICE_CARD_SIZE = { width: 352, height: 120 } as const;

/** A card whose every word is the reader's own: its size must not depend on what it says. */
export function isPrivateContent(content: CardContent): boolean {
  return content.kind === 'entry' && content.entryId.startsWith(TRACKED_ID_PREFIX);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function isToCard(message: unknown): message is ToCard {
  if (!isRecord(message)) return false;
  if (message.type === 'crosscheck-card:hide') return true;
  const { type, seq, content, readerLanguage, focus, maxWidth } = message;
  return (
    type === 'crosscheck-card:show' &&
    Number.isInteger(seq) &&
    typeof maxWidth === 'number' &&
    maxWidth > 0 &&
    typeof readerLanguage === 'string' &&
    typeof focus === 'boolean' &&
    isCardContent(content)
  );
}

function isCardContent(content: unknown): content is CardContent {
  if (!isRecord(content)) return false;
  switch (content.kind) {
    case 'entry':
      return typeof content.entryId === 'string' && content.entryId.length <= 200 && typeof content.figure === 'object';
    case 'check':
      return isRecord(content.check) && typeof content.check.selection === 'string';
    case 'notice':
      return typeof content.message === 'string' && content.message.length <= 1000;
    default:
      return false;
  }
}

export function isFromCard(message: unknown): message is FromCard {
  if (!isRecord(message)) return false;
  switch (message.type) {
    case 'crosscheck-card:size':
      return (
        Number.isInteger(message.seq) &&
        [message.width, message.height].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)
      );
    case 'crosscheck-card:close':
      return typeof message.restoreFocus === 'boolean';
    case 'crosscheck-card:pointer':
      return typeof message.inside === 'boolean';
    default:
      return false;
  }
}
