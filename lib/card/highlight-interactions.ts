import { isEditable, MARK_TAG } from '../article/exclusions';
import type { Category } from '../kb/types';
import type { HighlightRecord } from '../annotate/highlighter';
import type { Popover } from './card-host';

/**
 * How the reader opens cards from mark.js highlights: hover, click, keyboard focus and
 * Alt+Shift+arrows, all from the reader's own (trusted) events.
 */

/** Pointer rest before a hover opens a card: passing over a word should not flash one. */
export const HOVER_INTENT_MS = 200;

export interface InteractionDeps {
  readonly popover: Popover;
  /** Crosscheck's own record of a highlight element; undefined for anything else. */
  readonly recordFor: (element: Element) => HighlightRecord | undefined;
  /** Every highlight element Crosscheck made (any order). */
  readonly highlights: () => readonly HTMLElement[];
  /** Whether a category is shown now: hidden highlights open no card and take no focus. */
  readonly isShown: (category: Category) => boolean;
}

/** A highlight under an event: the first piece of its match, and Crosscheck's record of it. */
interface Hit {
  readonly element: HTMLElement;
  readonly record: HighlightRecord;
}

const PASSING = { focus: false, pinned: false } as const;
const PINNED = { focus: true, pinned: true } as const;

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
 * Enter/Space; a hover card closes when the pointer leaves (the card closes itself on Escape or a
 * press outside). Only the reader's own input counts: events a page's script dispatches
 * (`isTrusted` false) do nothing, and focus opens a card only when the reader's key moved it (a
 * script's `focus()` raises a trusted focus event too). All listeners are delegated on the
 * document and removed by destroy().
 */
export class HighlightInteractions {
  private readonly abort = new AbortController();
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  /** True from the reader's keydown to the end of its task, when the focus it moves lands. */
  private keyMovingFocus = false;

  constructor(private readonly deps: InteractionDeps) {
    const options = { signal: this.abort.signal, capture: true };
    // Only the reader's own input: a page's dispatched events are not trusted.
    const listen = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
      document.addEventListener(type, (event) => event.isTrusted && handler(event), options);
    listen('pointerover', (e) => this.onPointerOver(e));
    listen('pointerout', (e) => this.onPointerOut(e));
    listen('click', (e) => this.onClick(e));
    listen('keydown', (e) => this.onKeyDown(e));
    listen('focusin', (e) => this.onFocusIn(e));
  }

  destroy(): void {
    this.abort.abort();
    clearTimeout(this.hoverTimer);
  }

  /** The highlight (first piece of its match) an event target is inside, if Crosscheck made it. */
  private highlightAt(target: EventTarget | null): Hit | null {
    if (!(target instanceof Element)) return null;
    const mark = target.closest(MARK_TAG);
    const record = mark ? this.deps.recordFor(mark) : undefined;
    if (!record || !this.deps.isShown(record.entry.category)) return null;
    return { element: record.elements[0]!, record };
  }

  /** Hover and keyboard focus open a passing card; a click or Enter pins it and moves focus in. */
  private openFor({ element, record }: Hit, how: { readonly focus: boolean; readonly pinned: boolean }): void {
    clearTimeout(this.hoverTimer);
    this.deps.popover.open(element, record.entry.id, { ...how, figure: record.figure });
  }

  private onPointerOver(event: PointerEvent): void {
    if (this.deps.popover.contains(event.target)) {
      this.deps.popover.stayOpen();
      return;
    }
    const hit = this.highlightAt(event.target);
    if (!hit) return;
    this.deps.popover.stayOpen();
    if (this.deps.popover.anchor === hit.element) return;
    if (this.deps.popover.isPinned) return;
    // The card's frame loads while the pointer rests.
    this.deps.popover.prepare();
    clearTimeout(this.hoverTimer);
    this.hoverTimer = setTimeout(() => this.openFor(hit, PASSING), HOVER_INTENT_MS);
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
    if (this.deps.popover.anchor) this.deps.popover.closeSoon();
  }

  private onClick(event: MouseEvent): void {
    const hit = this.highlightAt(event.target);
    if (!hit) return;
    this.openFor(hit, PINNED);
  }

  private onKeyDown(event: KeyboardEvent): void {
    this.keyMovingFocus = true;
    setTimeout(() => (this.keyMovingFocus = false));
    const step = navigationStep(event);
    if (step !== 0 && !isTyping(event.target)) {
      if (this.moveFocus(step)) event.preventDefault();
      return;
    }
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const hit = this.highlightAt(event.target);
    if (!hit) return;
    event.preventDefault();
    this.openFor(hit, PINNED);
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
    if (this.deps.popover.isRestoringFocus || !this.keyMovingFocus) return;
    const hit = this.highlightAt(event.target);
    if (!hit || this.deps.popover.anchor === hit.element) return;
    this.deps.popover.prepare();
    this.openFor(hit, PASSING);
  }
}
