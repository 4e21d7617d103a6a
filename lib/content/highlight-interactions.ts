import { MARK_TAG } from '../page/exclusions';
import type { HighlightRecord } from './highlighter';
import type { Popover } from './popover';

/** Pointer rest before a hover opens a card: passing over a word should not flash one. */
export const HOVER_INTENT_MS = 200;
/** Grace period to travel from the highlight into the card. */
export const HOVER_LEAVE_MS = 300;

export interface InteractionDeps {
  readonly popover: Popover;
  /** Crosscheck's own record of a highlight element; undefined for anything else. */
  readonly recordFor: (element: Element) => HighlightRecord | undefined;
}

/**
 * Opens cards from highlights: hover (after an intent delay), click (pinned), keyboard focus and
 * Enter/Space; closes them on Escape, on a click outside, or when the pointer leaves. All
 * listeners are delegated on the document and removed by destroy().
 */
export class HighlightInteractions {
  private readonly abort = new AbortController();
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private leaveTimer: ReturnType<typeof setTimeout> | undefined;
  private pinned = false;

  constructor(private readonly deps: InteractionDeps) {
    const options = { signal: this.abort.signal, capture: true };
    document.addEventListener('pointerover', (e) => this.onPointerOver(e), options);
    document.addEventListener('pointerout', (e) => this.onPointerOut(e), options);
    document.addEventListener('click', (e) => this.onClick(e), options);
    document.addEventListener('keydown', (e) => this.onKeyDown(e), options);
    document.addEventListener('focusin', (e) => this.onFocusIn(e), options);
  }

  destroy(): void {
    this.abort.abort();
    clearTimeout(this.hoverTimer);
    clearTimeout(this.leaveTimer);
  }

  /** The highlight (first piece of its match) an event target is inside, if Crosscheck made it. */
  private highlightAt(target: EventTarget | null): { element: HTMLElement; record: HighlightRecord } | null {
    if (!(target instanceof Element)) return null;
    const mark = target.closest(MARK_TAG);
    const record = mark ? this.deps.recordFor(mark) : undefined;
    if (!record) return null;
    return { element: record.elements[0]!, record };
  }

  private openFor(element: HTMLElement, record: HighlightRecord, focus: boolean): void {
    clearTimeout(this.leaveTimer);
    clearTimeout(this.hoverTimer);
    this.deps.popover.open(element, record.entry.id, { focus });
  }

  private onPointerOver(event: PointerEvent): void {
    if (this.deps.popover.contains(event.target)) {
      clearTimeout(this.leaveTimer);
      return;
    }
    const hit = this.highlightAt(event.target);
    if (!hit) return;
    clearTimeout(this.leaveTimer);
    if (this.deps.popover.anchor === hit.element) return;
    if (this.pinned && this.deps.popover.openEntryId) return;
    clearTimeout(this.hoverTimer);
    this.hoverTimer = setTimeout(() => this.openFor(hit.element, hit.record, false), HOVER_INTENT_MS);
  }

  private onPointerOut(event: PointerEvent): void {
    const leavingCard = this.deps.popover.contains(event.target);
    const leavingHighlight = this.highlightAt(event.target) !== null;
    if (!leavingCard && !leavingHighlight) return;
    if (
      this.deps.popover.contains(event.relatedTarget) ||
      this.highlightAt(event.relatedTarget)?.element === this.deps.popover.anchor
    )
      return;
    clearTimeout(this.hoverTimer);
    if (this.pinned) return;
    clearTimeout(this.leaveTimer);
    this.leaveTimer = setTimeout(() => this.deps.popover.close({ restoreFocus: false }), HOVER_LEAVE_MS);
  }

  private onClick(event: MouseEvent): void {
    if (this.deps.popover.contains(event.target)) return;
    const hit = this.highlightAt(event.target);
    if (hit) {
      this.pinned = true;
      this.openFor(hit.element, hit.record, true);
      return;
    }
    if (this.deps.popover.openEntryId) {
      this.pinned = false;
      this.deps.popover.close({ restoreFocus: false });
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.deps.popover.openEntryId) {
      this.pinned = false;
      this.deps.popover.close({ restoreFocus: true });
      return;
    }
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const hit = this.highlightAt(event.target);
    if (!hit) return;
    event.preventDefault();
    this.pinned = true;
    this.openFor(hit.element, hit.record, true);
  }

  private onFocusIn(event: FocusEvent): void {
    if (this.deps.popover.isRestoringFocus) return;
    const hit = this.highlightAt(event.target);
    if (!hit || this.deps.popover.anchor === hit.element) return;
    this.pinned = false;
    this.openFor(hit.element, hit.record, false);
  }
}
