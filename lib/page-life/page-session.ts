import type { PageMatching } from '../services/matching-service';
import type { Category, EntryRef } from '../kb/types';
import type { HighlightDescriptions } from '../kb/category-labels';
import { isEditable } from '../article/exclusions';
import { isFrameworkOwned } from '../article/framework';
import { HighlightApiRenderer, supportsHighlightApi } from '../annotate/highlight-api-renderer';
import { HighlightStyles } from '../annotate/highlight-styles';
import { HighlightInteractions } from '../card/highlight-interactions';
import { LiveAnnotator } from './live-annotator';
import { MarkRenderer } from '../annotate/mark-renderer';
import type { Popover } from '../card/card-host';
import { RangeInteractions } from '../card/range-interactions';
import type { HighlightRecord } from '../annotate/renderer';

/** The highlights' stylesheets: for mark.js elements, and for the CSS Custom Highlight API's ranges. */
export interface HighlightCss {
  readonly marks: string;
  readonly ranges: string;
}

/** What Crosscheck runs for one article: its live highlights, the card and its interactions. */

export interface PageSessionDeps {
  /** Where the text is matched (see Highlighter). */
  readonly matching: PageMatching;
  /** The page's one card, shared with "Check this figure". */
  readonly popover: Popover;
  /** The highlights' stylesheets, one per way of drawing, added to the page with the first highlight (see HighlightStyles). */
  readonly highlightCss: HighlightCss;
  /** What a screen reader hears each category's highlights are (see MarkRenderer). */
  readonly highlightDescriptions: HighlightDescriptions;
  readonly isExcluded: (element: Element) => boolean;
  /** Whether a category's highlights are shown now (hidden ones open no card). */
  readonly isShown: (category: Category) => boolean;
  readonly isRendered: (element: Element) => boolean;
  /** Told after every pass over the article. */
  readonly onPass: () => void;
  /** Highlight every mention, or the first of each entry in each section (figures always). */
  readonly everyMention: boolean;
  /** Highlight the reader's tracked terms too (where the reader chose: the page can read highlights). */
  readonly withTracked: boolean;
}

/**
 * Everything Crosscheck runs for one article: highlights kept live, the card and its interactions.
 * An article a framework owns, or an editable one, is drawn with the CSS Custom Highlight API so
 * that its DOM is never touched; any other with mark.js elements, which keyboard users can reach.
 */
export class PageSession {
  readonly annotator: LiveAnnotator;
  private readonly popover: Popover;
  private readonly interactions: HighlightInteractions | RangeInteractions;

  constructor(
    readonly root: Element,
    deps: PageSessionDeps,
  ) {
    this.popover = deps.popover;
    // Drawn without touching the DOM where a framework or an editor owns it.
    const untouched = supportsHighlightApi() && (isFrameworkOwned(root) || isEditable(root));
    const rangeRenderer = untouched ? new HighlightApiRenderer() : null;
    this.annotator = new LiveAnnotator(root, deps.matching, {
      isExcluded: deps.isExcluded,
      isRendered: deps.isRendered,
      renderer: rangeRenderer ?? new MarkRenderer(deps.highlightDescriptions),
      styles: new HighlightStyles(rangeRenderer ? deps.highlightCss.ranges : deps.highlightCss.marks),
      includeEditable: untouched,
      onPass: deps.onPass,
      everyMention: deps.everyMention,
      withTracked: deps.withTracked,
    });
    const highlighter = this.annotator.highlighter;
    this.interactions = rangeRenderer
      ? new RangeInteractions({ popover: this.popover, renderer: rangeRenderer, isShown: deps.isShown })
      : new HighlightInteractions({
          popover: this.popover,
          recordFor: (element) => highlighter.recordFor(element),
          highlights: () => highlighter.highlights(),
          isShown: deps.isShown,
        });
  }

  /** One record per highlighted mention, in document order. */
  records(): HighlightRecord[] {
    return this.annotator.highlighter.records();
  }

  /** Every mention of each entry in the article, highlighted or not, in order of first mention. */
  async mentions(): Promise<{ readonly entry: EntryRef; readonly count: number }[]> {
    return [...(await this.annotator.highlighter.countMentions()).values()];
  }

  /** Scrolls to the first mention of an entry and opens its card, focused (from the popup's list). */
  reveal(entryId: string): void {
    const record = this.records().find((r) => r.entry.id === entryId);
    const anchor = record?.elements[0] ?? record?.range;
    if (!record || !anchor) return;
    const element = anchor instanceof Range ? anchor.startContainer.parentElement : anchor;
    element?.scrollIntoView({ block: 'center' });
    if (anchor instanceof HTMLElement) anchor.focus({ preventScroll: true });
    this.popover.open(anchor, entryId, { focus: true, figure: record.figure });
  }

  start(): Promise<void> {
    return this.annotator.start();
  }

  destroy(): void {
    this.interactions.destroy();
    this.popover.close({ restoreFocus: false });
    this.annotator.destroy();
  }
}
