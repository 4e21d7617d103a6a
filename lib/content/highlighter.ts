import Mark from 'mark.js';
import { matchTerms, type TermMatcher } from '../kb/term-matcher';
import type { Category, IndexedEntry } from '../kb/types';
import { isSkippedElement, MARK_TAG } from '../page/exclusions';
import { collectText, toRawRange } from '../page/text-collector';

/** What Crosscheck itself recorded about a highlight: the card trusts this, never the page's attributes. */
export interface HighlightRecord {
  readonly entry: IndexedEntry;
  /** Every element of one match (a match across inline elements is wrapped piece by piece). */
  readonly elements: HTMLElement[];
}

export interface HighlighterOptions {
  /** Asks the browser whether an element renders (injected so tests can run without layout). */
  readonly isHidden?: (element: Element) => boolean;
}

interface PendingRange {
  start: number;
  length: number;
  readonly record: HighlightRecord;
}

/**
 * Owns the highlights in one article: finds terms in one pass over its text, wraps them with one
 * mark.js call, and can put the page back exactly as it was.
 */
export class Highlighter {
  private readonly records = new WeakMap<Element, HighlightRecord>();
  private readonly marks: HTMLElement[] = [];
  /** Text nodes our wrapping split off; restoring merges them back into their original node. */
  private readonly splitPieces = new WeakSet<Text>();
  /** Entries named in full so far on this page (unlocks their short forms). */
  private readonly namedInFull = new Set<string>();

  constructor(
    private readonly root: Element,
    private readonly matcher: TermMatcher,
    private readonly options: HighlighterOptions = {},
  ) {}

  /**
   * Highlights what is not highlighted yet under `scope` (the article by default). Running it
   * again over the same text adds nothing. Returns the new records.
   */
  annotate(scope: Element = this.root): HighlightRecord[] {
    const startedAt = performance.now();
    const isHidden = this.options.isHidden;
    const collected = collectText(scope, (element) => isSkippedElement(element, isHidden));
    const matches = matchTerms(this.matcher, collected.text, this.namedInFull);
    const ranges: PendingRange[] = matches.map((match) => ({
      ...toRawRange(collected, match.start, match.end),
      record: { entry: match.entry, elements: [] },
    }));
    if (ranges.length > 0) {
      new Mark(scope as HTMLElement).markRanges(ranges, {
        element: MARK_TAG,
        each: (element, range) => {
          const { record } = range as unknown as PendingRange;
          this.decorate(element as HTMLElement, record.entry, record.elements.length === 0);
          record.elements.push(element as HTMLElement);
          this.records.set(element, record);
          this.marks.push(element as HTMLElement);
          const after = element.nextSibling;
          if (after?.nodeType === 3 && !collected.rawNodes.has(after as Text)) this.splitPieces.add(after as Text);
        },
      });
    }
    performance.measure('crosscheck:annotate', { start: startedAt, end: performance.now() });
    return ranges.map((r) => r.record).filter((record) => record.elements.length > 0);
  }

  /** The record behind a highlight element, or undefined for anything Crosscheck did not create. */
  recordFor(element: Element): HighlightRecord | undefined {
    return this.records.get(element);
  }

  /** All highlight elements in document order of creation (first piece of each match first). */
  highlights(): readonly HTMLElement[] {
    return this.marks.filter((mark) => mark.isConnected);
  }

  /** Removes every highlight and merges the text back, leaving the DOM as it was. */
  destroy(): void {
    const parents = new Set<Node>();
    for (const mark of this.marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      const text = document.createTextNode(mark.textContent ?? '');
      this.splitPieces.add(text);
      parent.replaceChild(text, mark);
      parents.add(parent);
    }
    this.marks.length = 0;
    for (const parent of parents) {
      let current: Text | null = null;
      for (let child = parent.firstChild; child !== null;) {
        const next = child.nextSibling;
        if (child.nodeType === 3) {
          const text = child as Text;
          if (current !== null && this.splitPieces.has(text)) {
            current.appendData(text.data);
            parent.removeChild(text);
          } else {
            current = text;
          }
        } else {
          current = null;
        }
        child = next;
      }
    }
  }

  private decorate(element: HTMLElement, entry: IndexedEntry, first: boolean): void {
    element.setAttribute('data-crosscheck-id', entry.id);
    element.setAttribute('data-crosscheck-category', entry.category satisfies Category);
    if (first) {
      // Focusable by script (keyboard navigation) without joining the page's tab order.
      element.tabIndex = -1;
      element.setAttribute('role', 'button');
      element.setAttribute('aria-haspopup', 'dialog');
    } else {
      element.setAttribute('data-crosscheck-continued', '');
    }
  }
}
