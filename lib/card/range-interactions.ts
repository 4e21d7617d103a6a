import type { Category } from '../kb/types';
import type { HighlightApiRenderer } from '../annotate/highlight-api-renderer';
import { HOVER_INTENT_MS } from './highlight-interactions';
import type { Popover } from './card-host';
import type { HighlightRecord } from '../annotate/renderer';

/**
 * How the reader opens cards from highlights drawn with the CSS Custom Highlight API, which have no
 * element: the pointer is hit-tested against their ranges.
 */

export interface RangeInteractionDeps {
  readonly popover: Popover;
  readonly renderer: HighlightApiRenderer;
  readonly isShown: (category: Category) => boolean;
}

/**
 * Opens cards for highlights drawn with the CSS Custom Highlight API, which have no element to
 * listen on: the pointer is hit-tested against the ranges (hover after an intent delay, click to
 * pin). Keyboard focus is not possible on a range; the popup's list reaches these entries instead.
 * Only the reader's own pointer counts (`isTrusted`): a page's synthetic events open nothing.
 */
export class RangeInteractions {
  private readonly abort = new AbortController();
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private hovered: HighlightRecord | undefined;

  constructor(private readonly deps: RangeInteractionDeps) {
    const options = { signal: this.abort.signal, capture: true, passive: true };
    document.addEventListener('pointermove', (e) => this.onPointerMove(e), options);
    document.addEventListener('click', (e) => this.onClick(e), { signal: this.abort.signal, capture: true });
  }

  destroy(): void {
    this.abort.abort();
    cancelAnimationFrame(this.frame);
    clearTimeout(this.hoverTimer);
  }

  private recordAt(x: number, y: number): HighlightRecord | undefined {
    const record = this.deps.renderer.recordAt(x, y);
    return record && this.deps.isShown(record.entry.category) ? record : undefined;
  }

  /** Opens the card of `record`: pinned, with focus in it, when the reader clicked. */
  private open(record: HighlightRecord, { clicked }: { clicked: boolean }): void {
    clearTimeout(this.hoverTimer);
    this.deps.popover.open(record.range!, record.entry.id, { focus: clicked, pinned: clicked, figure: record.figure });
  }

  private onPointerMove(event: PointerEvent): void {
    if (this.frame || !event.isTrusted) return;
    const { clientX, clientY, target } = event;
    // One hit test per frame at most: pointermove fires far more often than that.
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.deps.popover.contains(target)) {
        this.deps.popover.stayOpen();
        return;
      }
      const record = this.recordAt(clientX, clientY);
      if (record === this.hovered) return;
      this.hovered = record;
      clearTimeout(this.hoverTimer);
      if (record) {
        this.deps.popover.stayOpen();
        if (this.deps.popover.isPinned) return;
        // The card's frame loads while the pointer rests.
        this.deps.popover.prepare();
        this.hoverTimer = setTimeout(() => this.open(record, { clicked: false }), HOVER_INTENT_MS);
      } else {
        this.deps.popover.closeSoon();
      }
    });
  }

  private onClick(event: MouseEvent): void {
    if (!event.isTrusted || this.deps.popover.contains(event.target)) return;
    const record = this.recordAt(event.clientX, event.clientY);
    if (!record) return;
    this.open(record, { clicked: true });
  }
}
