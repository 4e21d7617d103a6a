import type { Category } from '../kb/types';
import type { HighlightRecord, PendingHighlight, Renderer } from './renderer';

/**
 * The renderer that draws with the CSS Custom Highlight API, for regions a framework or an editor
 * owns: ranges registered by name, the page's DOM never touched.
 */

/**
 * The names the stylesheet styles with `::highlight(…)` (part of the observable contract): one per
 * category, and for a checked figure one per verdict, as its `data-crosscheck-verdict` would say,
 * so that a tool reading `CSS.highlights` sees what a reader sees.
 */
export function highlightName(category: Category, verdict?: 'matches' | 'differs' | 'unsourced'): string {
  return category === 'figure' && verdict ? `crosscheck-figure-${verdict}` : `crosscheck-${category}`;
}

/** Whether this browser has the CSS Custom Highlight API. */
export function supportsHighlightApi(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/**
 * Draws highlights with the CSS Custom Highlight API: ranges styled by the browser, the DOM left
 * exactly as it is. For regions a framework owns (its next render must find its own nodes) or a
 * reader edits. Cards open by hit-testing the pointer against the ranges (`recordAt`).
 */
export class HighlightApiRenderer implements Renderer {
  private readonly highlights = new Map<string, Highlight>();
  private readonly records: HighlightRecord[] = [];

  render(_scope: Element, slice: readonly PendingHighlight[]): void {
    this.prune();
    for (const pending of slice) {
      const { record } = pending;
      if (
        this.records.some(
          (r) => r.range!.startContainer === pending.node && r.range!.startOffset === pending.startOffset,
        )
      ) {
        continue; // already drawn: a framework-owned region is never marked in the DOM, so check here
      }
      const range = document.createRange();
      range.setStart(pending.node, pending.startOffset);
      range.setEnd(pending.lastNode, pending.endOffset);
      record.range = range;
      this.highlightFor(record).add(range);
      this.records.push(record);
    }
  }

  /** The record whose range lies under the viewport point (x, y), if any. */
  recordAt(x: number, y: number): HighlightRecord | undefined {
    this.prune();
    const inside = (rect: DOMRect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
    return this.records.find((record) => [...record.range!.getClientRects()].some(inside));
  }

  remove(records: readonly HighlightRecord[]): void {
    for (const record of records) {
      const index = this.records.indexOf(record);
      if (index < 0) continue;
      for (const highlight of this.highlights.values()) highlight.delete(record.range!);
      record.range = null;
      this.records.splice(index, 1);
    }
  }

  destroy(): void {
    for (const [name, highlight] of this.highlights) {
      highlight.clear();
      if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
    }
    this.highlights.clear();
    this.records.length = 0;
  }

  private highlightFor(record: HighlightRecord): Highlight {
    const name = highlightName(record.entry.category, record.figure?.verdict?.verdict);
    let highlight = this.highlights.get(name);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(name, highlight);
      CSS.highlights.set(name, highlight);
    }
    return highlight;
  }

  /** Forgets ranges whose text the framework has replaced. */
  private prune(): void {
    for (let i = this.records.length - 1; i >= 0; i--) {
      const range = this.records[i]!.range!;
      if (range.startContainer.isConnected && !range.collapsed) continue;
      for (const highlight of this.highlights.values()) highlight.delete(range);
      this.records.splice(i, 1);
    }
  }
}
