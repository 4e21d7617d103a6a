import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { h, render, type ComponentChild } from 'preact';
import { EntryCard } from '@/components/EntryCard';
import { FigureCheckCard } from '@/components/FigureCheckCard';
import type { FigureCheck } from '../figures/check';
import type { PageFigure } from '../kb/page-matcher';
import type { EntryResponse } from '../messages';
import { POPOVER_TAG } from '../page/exclusions';

export interface PopoverOptions {
  /** The card's stylesheet, adopted into the shadow root (not subject to the page's CSP). */
  readonly css: string;
  readonly loadEntry: (id: string) => Promise<EntryResponse>;
}

export interface OpenOptions {
  /** Move focus into the card (opened by click or keyboard, not by hover). */
  readonly focus: boolean;
  /** For a figure highlight: the page's value and verdict, from Crosscheck's own record. */
  readonly figure?: PageFigure | null;
}

/** What the card shows: an entry (maybe opened from a figure on the page), or a figure check. */
type Content =
  | { readonly kind: 'entry'; readonly entryId: string; readonly figure: PageFigure | null }
  | { readonly kind: 'check'; readonly check: FigureCheck }
  | { readonly kind: 'notice'; readonly message: string };

/**
 * A highlight, or a selection's range: anything with a box on screen; or, for a check asked with
 * nothing selected, the top of the viewport.
 */
export type Anchor = HTMLElement | Range | typeof VIEWPORT_TOP;

/** The anchor of a card that belongs to nothing on the page. */
export const VIEWPORT_TOP = 'viewport-top';

const HEADING_ID = 'crosscheck-card-heading';
/** A card is at most this tall (28rem): longer content scrolls under its fixed header. */
const MAX_CARD_HEIGHT = 448;
/** Below this a card is not worth reading: it may then overflow the viewport rather than shrink. */
const MIN_CARD_HEIGHT = 160;
const MISSING: EntryResponse = { entry: null, sources: [], corpusSize: 0 };

/**
 * Owns the `<crosscheck-popover>` host: an open shadow root holding one card at a time, placed
 * next to its anchor by Floating UI so it flips and shifts to stay in view and follows scrolling.
 * It closes itself on Escape (focus back to the highlight) and on a press outside.
 */
export class Popover {
  private host: HTMLElement | null = null;
  private liveRegion: HTMLElement | null = null;
  private panel: HTMLElement | null = null;
  private stopAutoUpdate: (() => void) | null = null;
  private anchorNode: Anchor | null = null;
  private content: Content | null = null;
  /** The cards a reader left by following related entries, most recent last: Back returns to them. */
  private history: Content[] = [];
  private readonly cache = new Map<string, EntryResponse>();
  /** Entries whose loading failed while this card was open (tried again next time it opens). */
  private readonly failed = new Set<string>();
  private restoringFocus = false;
  private readonly abort = new AbortController();

  constructor(private readonly options: PopoverOptions) {
    const listen = { signal: this.abort.signal, capture: true };
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape' && this.isOpen) this.close({ restoreFocus: true });
      },
      listen,
    );
    document.addEventListener(
      'pointerdown',
      (event) => {
        if (!this.isOpen) return;
        const path = event.composedPath();
        if (this.host && path.includes(this.host)) return;
        if (this.anchorNode instanceof HTMLElement && path.includes(this.anchorNode)) return;
        this.close({ restoreFocus: false });
      },
      listen,
    );
  }

  get isOpen(): boolean {
    return this.content !== null;
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

  open(anchor: Anchor, entryId: string, { focus, figure = null }: OpenOptions): void {
    this.show(anchor, { kind: 'entry', entryId, figure }, focus);
  }

  /**
   * Shows a figure check next to the selection it was asked about (at the top of the viewport when
   * nothing was selected); focus moves into the card.
   */
  openCheck(selection: Range | typeof VIEWPORT_TOP, check: FigureCheck): void {
    this.show(selection, { kind: 'check', check }, true);
  }

  /**
   * A short message at the top of the viewport (the outcome of a context-menu action such as "Add
   * this article to my sources"), also said to screen readers; focus stays where it was.
   */
  openNotice(message: string): void {
    this.show(VIEWPORT_TOP, { kind: 'notice', message }, false);
    this.announce(message);
  }

  /** Says `message` to screen readers through a polite live region in the card's shadow root. */
  announce(message: string): void {
    this.ensurePanel();
    const region = this.liveRegion!;
    region.textContent = '';
    // A new text node after a turn, so that repeating the same message is announced again.
    setTimeout(() => (region.textContent = message), 50);
  }

  /** Closes the card; with `restoreFocus`, focus goes back to the highlight that opened it. */
  close({ restoreFocus }: { restoreFocus: boolean }): void {
    if (!this.panel || !this.content) return;
    const anchor = this.anchor;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    render(null, this.panel);
    this.panel.hidden = true;
    this.content = null;
    this.history = [];
    this.anchorNode = null;
    this.failed.clear();
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
    this.stopAutoUpdate?.();
    if (this.panel) render(null, this.panel);
    this.host?.remove();
    this.host = null;
    this.panel = null;
    this.content = null;
    this.anchorNode = null;
  }

  private show(anchor: Anchor, content: Content, focus: boolean): void {
    const panel = this.ensurePanel();
    this.anchorNode = anchor;
    this.content = content;
    this.history = [];
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = autoUpdate(this.reference(anchor), panel, () => void this.place());
    this.renderContent();
    if (focus) panel.focus({ preventScroll: true });
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

  private ensurePanel(): HTMLElement {
    if (this.panel && this.host?.isConnected) return this.panel;
    this.host?.remove();
    const host = document.createElement(POPOVER_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(this.options.css);
    shadow.adoptedStyleSheets = [sheet];
    const panel = document.createElement('div');
    panel.className = 'popover';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-labelledby', HEADING_ID);
    panel.setAttribute('aria-describedby', `${HEADING_ID}-summary`);
    panel.tabIndex = -1;
    panel.hidden = true;
    const live = document.createElement('div');
    live.className = 'visually-hidden';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    shadow.append(panel, live);
    this.liveRegion = live;
    // On <html>, not <body>: a page that zooms or transforms its body must not move the card.
    document.documentElement.append(host);
    this.host = host;
    this.panel = panel;
    return panel;
  }

  private openEntry = (id: string): void => {
    if (this.content) this.history.push(this.content);
    this.content = { kind: 'entry', entryId: id, figure: null };
    this.renderContent();
    this.panel?.focus({ preventScroll: true });
  };

  private back = (): void => {
    const previous = this.history.pop();
    if (!previous) return;
    this.content = previous;
    this.renderContent();
    this.panel?.focus({ preventScroll: true });
  };

  private renderContent(): void {
    const panel = this.panel;
    const content = this.content;
    if (!panel || !content) return;
    panel.hidden = false;
    render(this.card(content), panel);
    void this.place();
  }

  private card(content: Content): ComponentChild {
    const onClose = () => this.close({ restoreFocus: true });
    const previous = this.history[this.history.length - 1];
    const onBack = previous && { label: this.titleOf(previous), go: this.back };
    if (content.kind === 'notice') {
      return h(
        'div',
        { class: 'card notice-card' },
        h('p', { id: HEADING_ID, class: 'summary' }, content.message),
        h('button', { type: 'button', class: 'close', 'aria-label': 'Close', onClick: onClose }, '×'),
      );
    }
    if (content.kind === 'check') {
      return h(FigureCheckCard, {
        check: content.check,
        headingId: HEADING_ID,
        onClose,
        onOpenEntry: this.openEntry,
      });
    }
    const { entryId, figure } = content;
    const response = this.cache.get(entryId) ?? (this.failed.has(entryId) ? MISSING : undefined);
    if (!response) this.load(entryId);
    return h(EntryCard, {
      key: entryId,
      entry: response?.entry,
      sources: response?.sources ?? [],
      corpusSize: response?.corpusSize ?? 0,
      readerLanguage: document.documentElement.lang || navigator.language,
      headingId: HEADING_ID,
      pageFigure: figure,
      onClose,
      onOpenEntry: this.openEntry,
      onBack,
      own: response?.own,
    });
  }

  /** What a card in the history is called, for its Back button. */
  private titleOf(content: Content): string {
    if (content.kind === 'check') return 'Check this figure';
    if (content.kind === 'notice') return 'Crosscheck';
    return this.cache.get(content.entryId)?.entry?.label ?? 'the previous card';
  }

  private load(entryId: string): void {
    const stillShowing = () => this.content?.kind === 'entry' && this.content.entryId === entryId;
    this.options.loadEntry(entryId).then(
      (response) => {
        this.cache.set(entryId, response);
        if (stillShowing()) this.renderContent();
      },
      () => {
        this.failed.add(entryId);
        if (stillShowing()) this.renderContent();
      },
    );
  }

  private async place(): Promise<void> {
    const anchor = this.anchorNode;
    const panel = this.panel;
    if (!anchor || !panel || panel.hidden) return;
    // Measured at its natural height (the stylesheet caps it), so that flipping compares the room
    // above and below with the whole card, not with a card squeezed by its last placement.
    panel.style.maxHeight = '';
    const { x, y } = await computePosition(this.reference(anchor), panel, {
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
            panel.style.maxHeight = `${Math.max(MIN_CARD_HEIGHT, Math.min(availableHeight, MAX_CARD_HEIGHT))}px`;
          },
        }),
      ],
    });
    panel.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }
}
