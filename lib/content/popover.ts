import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { h, render } from 'preact';
import { EntryCard } from '@/components/EntryCard';
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

const HEADING_ID = 'crosscheck-card-heading';

/**
 * Owns the `<crosscheck-popover>` host: an open shadow root holding one card at a time, placed
 * next to its highlight by Floating UI so it flips and shifts to stay in view and follows scrolling.
 */
export class Popover {
  private host: HTMLElement | null = null;
  private panel: HTMLElement | null = null;
  private stopAutoUpdate: (() => void) | null = null;
  private anchorElement: HTMLElement | null = null;
  private entryId: string | null = null;
  private readonly cache = new Map<string, EntryResponse>();
  private restoringFocus = false;
  /** The figure the card was opened from; related entries opened from the card have none. */
  private pageFigure: { readonly entryId: string; readonly figure: PageFigure } | null = null;

  constructor(private readonly options: PopoverOptions) {}

  get anchor(): HTMLElement | null {
    return this.anchorElement;
  }

  get openEntryId(): string | null {
    return this.entryId;
  }

  /** True while close() hands focus back to the highlight, so that focus does not reopen the card. */
  get isRestoringFocus(): boolean {
    return this.restoringFocus;
  }

  /** True when `node` (from an event's composed path) is part of the card. */
  contains(node: EventTarget | null): boolean {
    return node !== null && node === this.host;
  }

  open(anchor: HTMLElement, entryId: string, { focus, figure = null }: OpenOptions): void {
    const panel = this.ensurePanel();
    this.anchorElement = anchor;
    this.entryId = entryId;
    this.pageFigure = figure ? { entryId, figure } : null;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = autoUpdate(anchor, panel, () => void this.place());
    this.show(entryId);
    if (focus) panel.focus({ preventScroll: true });
  }

  /** Closes the card; with `restoreFocus`, focus goes back to the highlight that opened it. */
  close({ restoreFocus }: { restoreFocus: boolean }): void {
    if (!this.panel || !this.entryId) return;
    const anchor = this.anchorElement;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    render(null, this.panel);
    this.panel.hidden = true;
    this.entryId = null;
    this.anchorElement = null;
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
    this.stopAutoUpdate?.();
    if (this.panel) render(null, this.panel);
    this.host?.remove();
    this.host = null;
    this.panel = null;
    this.entryId = null;
    this.anchorElement = null;
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
    shadow.append(panel);
    // On <html>, not <body>: a page that zooms or transforms its body must not move the card.
    document.documentElement.append(host);
    this.host = host;
    this.panel = panel;
    return panel;
  }

  private show(entryId: string): void {
    const cached = this.cache.get(entryId);
    this.renderCard(entryId, cached);
    if (cached) return;
    this.options.loadEntry(entryId).then(
      (response) => {
        this.cache.set(entryId, response);
        if (this.entryId === entryId) this.renderCard(entryId, response);
      },
      () => {
        if (this.entryId === entryId) this.renderCard(entryId, { entry: null, sources: [], corpusSize: 0 });
      },
    );
  }

  private renderCard(entryId: string, response: EntryResponse | undefined): void {
    const panel = this.panel;
    if (!panel) return;
    panel.hidden = false;
    render(
      h(EntryCard, {
        key: entryId,
        entry: response?.entry,
        sources: response?.sources ?? [],
        corpusSize: response?.corpusSize ?? 0,
        readerLanguage: document.documentElement.lang || navigator.language,
        pageFigure: this.pageFigure?.entryId === entryId ? this.pageFigure.figure : null,
        headingId: HEADING_ID,
        onClose: () => this.close({ restoreFocus: true }),
        onOpenEntry: (id: string) => {
          this.entryId = id;
          this.show(id);
          panel.focus({ preventScroll: true });
        },
      }),
      panel,
    );
    void this.place();
  }

  private async place(): Promise<void> {
    const anchor = this.anchorElement;
    const panel = this.panel;
    if (!anchor || !panel || panel.hidden) return;
    const { x, y } = await computePosition(anchor, panel, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply: ({ availableHeight }) => {
            panel.style.maxHeight = `${Math.max(120, Math.min(availableHeight, 448))}px`;
          },
        }),
      ],
    });
    panel.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }
}
