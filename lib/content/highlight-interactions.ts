import { isEditable, MARK_TAG } from '../page/exclusions';
import type { Category } from '../kb/types';
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
  /** Every highlight element Crosscheck made (any order). */
  readonly highlights: () => readonly HTMLElement[];
  /** Whether a category is shown now: hidden highlights open no card and take no focus. */
  readonly isShown: (category: Category) => boolean;
}

/** Alt+Shift+↓ / Alt+Shift+↑: next / previous highlight, without putting highlights in the tab order. */
export function navigationStep(event: KeyboardEvent): 1 | -1 | 0 {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return 0;
  return event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
}

/** Keys typed into a form field or an editor are the page's, not navigation. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof Element && (target.closest('input, textarea, select') !== null || isEditable(target));
}

/**
 * Opens cards from highlights: hover (after an intent delay), click (pinned), keyboard focus and
 * Enter/Space; closes a hover card when the pointer leaves (the card closes itself on Escape or a
 * press outside). All listeners are delegated on the document and removed by destroy().
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
    if (!record || !this.deps.isShown(record.entry.category)) return null;
    return { element: record.elements[0]!, record };
  }

  private openFor(element: HTMLElement, record: HighlightRecord, focus: boolean): void {
    clearTimeout(this.leaveTimer);
    clearTimeout(this.hoverTimer);
    this.deps.popover.open(element, record.entry.id, { focus, figure: record.figure });
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
    if (this.pinned && this.deps.popover.isOpen) return;
    clearTimeout(this.hoverTimer);
    this.hoverTimer = setTimeout(() => {
      this.pinned = false;
      this.openFor(hit.element, hit.record, false);
    }, HOVER_INTENT_MS);
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
    if (this.pinned || !this.deps.popover.anchor) return;
    clearTimeout(this.leaveTimer);
    this.leaveTimer = setTimeout(() => this.deps.popover.close({ restoreFocus: false }), HOVER_LEAVE_MS);
  }

  private onClick(event: MouseEvent): void {
    const hit = this.highlightAt(event.target);
    if (!hit) return;
    this.pinned = true;
    this.openFor(hit.element, hit.record, true);
  }

  private onKeyDown(event: KeyboardEvent): void {
    const step = navigationStep(event);
    if (step !== 0 && !isTyping(event.target)) {
      if (this.moveFocus(step)) event.preventDefault();
      return;
    }
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const hit = this.highlightAt(event.target);
    if (!hit) return;
    event.preventDefault();
    this.pinned = true;
    this.openFor(hit.element, hit.record, true);
  }

  /** Focuses the next or previous visible highlight (the first piece of each match); opens its card. */
  private moveFocus(step: 1 | -1): boolean {
    const marks = this.deps
      .highlights()
      .filter((mark) => {
        const record = this.deps.recordFor(mark);
        return (
          record?.elements[0] === mark && this.deps.isShown(record.entry.category) && mark.getClientRects().length > 0
        );
      })
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    if (marks.length === 0) return false;
    const current = marks.indexOf(document.activeElement as HTMLElement);
    const next =
      current === -1
        ? step === 1
          ? (marks.find((m) => m.getBoundingClientRect().top >= 0) ?? marks[0]!)
          : marks[marks.length - 1]!
        : marks[(current + step + marks.length) % marks.length]!;
    next.scrollIntoView({ block: 'center', behavior: 'instant' });
    next.focus({ preventScroll: true });
    return true;
  }

  private onFocusIn(event: FocusEvent): void {
    if (this.deps.popover.isRestoringFocus) return;
    const hit = this.highlightAt(event.target);
    if (!hit || this.deps.popover.anchor === hit.element) return;
    this.pinned = false;
    this.openFor(hit.element, hit.record, false);
  }
}
