import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { t } from '../i18n';
import { CARD_PORT_MESSAGE, isFromCard, type CardContent, type FromCard, type ToCard } from './protocol';
import type { FigureCheck } from '../matching/figure-check';
import type { PageFigure } from '../matching/page-matcher';
import { POPOVER_TAG } from '../article/exclusions';

/**
 * The card's host in the page (`<crosscheck-popover>`): its frame of the extension's own origin,
 * placed beside a highlight or selection, opened, kept and closed.
 */

export interface PopoverOptions {
  /** The host's stylesheet, adopted into its shadow root (not subject to the page's CSP). */
  readonly css: string;
  /** The card's page, `card.html`, of the extension's own origin. */
  readonly frameUrl: string;
  /** A ticket from the background for the frame's port: the frame takes no port without one. */
  readonly ticket: () => Promise<string>;
}

export interface OpenOptions {
  /** Move focus into the card (opened by click or keyboard, not by hover). */
  readonly focus: boolean;
  /** For a figure highlight: the page's value and verdict, from Crosscheck's own record. */
  readonly figure?: PageFigure | null;
  /** Opened by a click or a key: the card stays until Escape, Close or a press outside. */
  readonly pinned?: boolean;
}

/**
 * A highlight, or a selection's range: anything with a box on screen; or, for a check asked with
 * nothing selected, the top of the viewport.
 */
export type Anchor = HTMLElement | Range | typeof VIEWPORT_TOP;

/** The anchor of a card that belongs to nothing on the page. */
export const VIEWPORT_TOP = 'viewport-top';

/** A card is at most this tall (28rem): longer content scrolls under its fixed header. */
const MAX_CARD_HEIGHT = 448;
/** Below this a card is not worth reading: it may then overflow the viewport rather than shrink. */
const MIN_CARD_HEIGHT = 160;
/** The widest card (26rem). */
const MAX_CARD_WIDTH = 416;
/** Grace period to travel from the highlight into the card. */
export const HOVER_LEAVE_MS = 300;

/**
 * Owns the `<crosscheck-popover>` host: an open shadow root holding an iframe of the extension's
 * own `card.html`, where the card is drawn (see lib/card/protocol.ts for why, and what crosses).
 * The frame is made on the first sign that a card is wanted and kept for the page's life; it is
 * placed next to its anchor by Floating UI, flipping and shifting to stay in view, at the size the
 * frame reports. It closes on Escape (focus back to the highlight), Close, or a press outside, and
 * a hover card when the pointer has left both the highlight and the card for a moment.
 */
export class Popover {
  private host: HTMLElement | null = null;
  private frame: HTMLIFrameElement | null = null;
  private liveRegion: HTMLElement | null = null;
  private port: MessagePort | null = null;
  /** What to send once the frame's port is open. */
  private pending: ToCard | null = null;
  private seq = 0;
  private size: { width: number; height: number } | null = null;
  private stopAutoUpdate: (() => void) | null = null;
  private anchorNode: Anchor | null = null;
  private focusOnShow = false;
  private pinned = false;
  private leaveTimer: ReturnType<typeof setTimeout> | undefined;
  private restoringFocus = false;
  private readonly abort = new AbortController();
  private readonly frameOrigin: string;

  constructor(private readonly options: PopoverOptions) {
    this.frameOrigin = new URL(options.frameUrl).origin;
    const listen = { signal: this.abort.signal, capture: true };
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.isTrusted && event.key === 'Escape' && this.isOpen) this.close({ restoreFocus: true });
      },
      listen,
    );
    document.addEventListener(
      'pointerdown',
      (event) => {
        if (!event.isTrusted || !this.isOpen) return;
        const path = event.composedPath();
        if (this.host && path.includes(this.host)) return;
        if (this.anchorNode instanceof HTMLElement && path.includes(this.anchorNode)) return;
        this.close({ restoreFocus: false });
      },
      listen,
    );
  }

  get isOpen(): boolean {
    return this.anchorNode !== null;
  }

  /** True while a card opened by a click or a key is shown: the pointer leaving does not close it. */
  get isPinned(): boolean {
    return this.isOpen && this.pinned;
  }

  /** The highlight the card belongs to (null for a figure check or when closed). */
  get anchor(): HTMLElement | null {
    return this.anchorNode instanceof HTMLElement ? this.anchorNode : null;
  }

  /** True while close() hands focus back to the highlight, so that focus does not reopen the card. */
  get isRestoringFocus(): boolean {
    return this.restoringFocus;
  }

  /** True when `node` (from an event's target or composed path) is the card. */
  contains(node: EventTarget | null): boolean {
    return node !== null && node === this.host;
  }

  /** Makes the frame ahead of the first card (a pointer on a highlight): its page loads meanwhile. */
  prepare(): void {
    this.ensureFrame();
  }

  open(anchor: Anchor, entryId: string, { focus, figure = null, pinned = focus }: OpenOptions): void {
    this.show(anchor, { kind: 'entry', entryId, figure }, { focus, pinned });
  }

  /**
   * Shows a figure check next to the selection it was asked about (at the top of the viewport when
   * nothing was selected); focus moves into the card.
   */
  openCheck(selection: Range | typeof VIEWPORT_TOP, check: FigureCheck): void {
    this.show(selection, { kind: 'check', check }, { focus: true, pinned: true });
  }

  /**
   * A short message at the top of the viewport (the outcome of a context-menu action such as "Add
   * this article to my sources"), said to screen readers by the card; focus stays where it was.
   */
  openNotice(message: string): void {
    this.show(VIEWPORT_TOP, { kind: 'notice', message }, { focus: false, pinned: true });
  }

  /** Says `message` to screen readers through a polite live region beside the card. */
  announce(message: string): void {
    this.ensureFrame();
    const region = this.liveRegion!;
    region.textContent = '';
    // A new text node after a turn, so that repeating the same message is announced again.
    setTimeout(() => (region.textContent = message), 50);
  }

  /** A hover card closes after a moment unless the pointer comes back to it or its highlight. */
  closeSoon(): void {
    clearTimeout(this.leaveTimer);
    if (!this.isOpen || this.pinned) return;
    this.leaveTimer = setTimeout(() => this.close({ restoreFocus: false }), HOVER_LEAVE_MS);
  }

  /** The pointer came back: the card stays. */
  stayOpen(): void {
    clearTimeout(this.leaveTimer);
  }

  /** Closes the card; with `restoreFocus`, focus goes back to the highlight that opened it. */
  close({ restoreFocus }: { restoreFocus: boolean }): void {
    if (!this.isOpen) return;
    const anchor = this.anchor;
    clearTimeout(this.leaveTimer);
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    this.anchorNode = null;
    this.pinned = false;
    this.size = null;
    this.setVisible(false);
    this.send({ type: 'crosscheck-card:hide' });
    if (restoreFocus && anchor?.isConnected) {
      this.restoringFocus = true;
      try {
        anchor.focus({ preventScroll: true });
      } finally {
        this.restoringFocus = false;
      }
    }
  }

  destroy(): void {
    this.abort.abort();
    clearTimeout(this.leaveTimer);
    this.stopAutoUpdate?.();
    this.port?.close();
    this.host?.remove();
    this.host = null;
    this.frame = null;
    this.port = null;
    this.anchorNode = null;
  }

  private show(anchor: Anchor, content: CardContent, { focus, pinned }: { focus: boolean; pinned: boolean }): void {
    this.ensureFrame();
    clearTimeout(this.leaveTimer);
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    this.anchorNode = anchor;
    this.pinned = pinned;
    this.focusOnShow = focus;
    this.size = null;
    // Hidden until the frame says how big this card is.
    this.setVisible(false);
    this.send({
      type: 'crosscheck-card:show',
      seq: ++this.seq,
      content,
      readerLanguage: document.documentElement.lang || navigator.language,
      focus,
      maxWidth: Math.min(MAX_CARD_WIDTH, window.innerWidth - 16),
    });
  }

  private send(message: ToCard): void {
    if (this.port) this.port.postMessage(message);
    else if (message.type === 'crosscheck-card:show') this.pending = message;
    else this.pending = null;
  }

  private onFrameMessage(message: FromCard): void {
    switch (message.type) {
      case 'crosscheck-card:size':
        if (message.seq !== this.seq || !this.anchorNode) return;
        this.size = { width: message.width, height: message.height };
        this.stopAutoUpdate ??= autoUpdate(this.reference(this.anchorNode), this.frame!, () => void this.place());
        void this.place().then(() => {
          if (!this.isOpen || this.seq !== message.seq) return;
          this.setVisible(true);
          if (this.focusOnShow) {
            this.focusOnShow = false;
            this.frame?.focus({ preventScroll: true });
          }
        });
        return;
      case 'crosscheck-card:close':
        this.close(message);
        return;
      case 'crosscheck-card:pointer':
        if (message.inside) this.stayOpen();
        else this.closeSoon();
        return;
    }
  }

  private setVisible(visible: boolean): void {
    this.frame?.classList.toggle('open', visible);
  }

  /** Floating UI's view of the anchor: a selection range is a virtual element in its container. */
  private reference(anchor: Anchor): HTMLElement | VirtualElement {
    if (anchor instanceof HTMLElement) return anchor;
    if (anchor === VIEWPORT_TOP) {
      const rect = () => new DOMRect(window.innerWidth / 2, 8, 0, 0);
      return { getBoundingClientRect: rect, getClientRects: () => [rect()] };
    }
    const container = anchor.commonAncestorContainer;
    return {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
      contextElement: container instanceof Element ? container : (container.parentElement ?? undefined),
    };
  }

  private ensureFrame(): HTMLIFrameElement {
    if (this.frame && this.host?.isConnected) return this.frame;
    this.host?.remove();
    this.port?.close();
    this.port = null;
    const host = document.createElement(POPOVER_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(this.options.css);
    shadow.adoptedStyleSheets = [sheet];
    const frame = document.createElement('iframe');
    frame.title = t('card.frameTitle');
    frame.setAttribute('allow', '');
    frame.addEventListener('load', (event) => {
      if (event.isTrusted && this.frame === frame) void this.connect(frame);
    });
    frame.src = this.options.frameUrl;
    const live = document.createElement('div');
    live.className = 'visually-hidden';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    shadow.append(frame, live);
    this.liveRegion = live;
    // On <html>, not <body>: a page that zooms or transforms its body must not move the card.
    document.documentElement.append(host);
    this.host = host;
    this.frame = frame;
    return frame;
  }

  /** Hands the frame its port, with a fresh ticket, as its page loads (again if the page reloads it). */
  private async connect(frame: HTMLIFrameElement): Promise<void> {
    this.port?.close();
    this.port = null;
    const ticket = await this.options.ticket().catch(() => null);
    // Gone meanwhile, or no background to vouch for the port: no card on this page.
    if (ticket === null || this.frame !== frame) return;
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }) => {
      if (isFromCard(data)) this.onFrameMessage(data);
    };
    frame.contentWindow?.postMessage({ type: CARD_PORT_MESSAGE, ticket }, this.frameOrigin, [channel.port2]);
    this.port = channel.port1;
    if (this.pending) this.port.postMessage(this.pending);
    this.pending = null;
  }

  private async place(): Promise<void> {
    const anchor = this.anchorNode;
    const frame = this.frame;
    const natural = this.size;
    if (!anchor || !frame || !natural) return;
    // Placed at its natural height (capped), so that flipping compares the room above and below
    // with the whole card, not with a card squeezed by its last placement.
    const height = Math.min(natural.height, MAX_CARD_HEIGHT);
    frame.style.width = `${natural.width}px`;
    frame.style.height = `${height}px`;
    const { x, y } = await computePosition(this.reference(anchor), frame, {
      strategy: 'fixed',
      placement: anchor === VIEWPORT_TOP ? 'bottom' : 'bottom-start',
      middleware: [
        offset(6),
        // Below if the card fits there, else above if it fits, else the side with more room;
        // only the cross axis shifts, so the card never covers the highlighted line.
        flip({ padding: 8, fallbackStrategy: 'bestFit', crossAxis: false }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply: ({ availableHeight }) => {
            frame.style.height = `${Math.min(height, Math.max(MIN_CARD_HEIGHT, availableHeight))}px`;
          },
        }),
      ],
    });
    frame.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }
}
