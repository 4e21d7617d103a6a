import type { PageMatcher } from '../kb/page-matcher';
import type { Category } from '../kb/types';
import type { HighlightRecord } from './highlighter';
import { HighlightInteractions } from './highlight-interactions';
import { LiveAnnotator } from './live-annotator';
import { Popover } from './popover';

export interface PageSessionDeps {
  readonly matcher: PageMatcher;
  /** The page's one card, shared with "Check this figure". */
  readonly popover: Popover;
  readonly isExcluded: (element: Element) => boolean;
  /** Whether a category's highlights are shown now (hidden ones open no card). */
  readonly isShown: (category: Category) => boolean;
  readonly isRendered: (element: Element) => boolean;
}

/** Everything Crosscheck runs for one article: highlights kept live, the card and its interactions. */
export class PageSession {
  readonly annotator: LiveAnnotator;
  private readonly popover: Popover;
  private readonly interactions: HighlightInteractions;

  constructor(
    readonly root: Element,
    deps: PageSessionDeps,
  ) {
    this.annotator = new LiveAnnotator(root, deps.matcher, {
      isExcluded: deps.isExcluded,
      isRendered: deps.isRendered,
    });
    this.popover = deps.popover;
    const highlighter = this.annotator.highlighter;
    this.interactions = new HighlightInteractions({
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

  /** Scrolls to the first mention of an entry and opens its card, focused (from the popup's list). */
  reveal(entryId: string): void {
    const first = this.records().find((record) => record.entry.id === entryId)?.elements[0];
    if (!first) return;
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
    this.popover.open(first, entryId, { focus: true, figure: this.annotator.highlighter.recordFor(first)?.figure });
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
