import type { PageMatcher } from '../kb/page-matcher';
import { HighlightInteractions } from './highlight-interactions';
import { LiveAnnotator } from './live-annotator';
import { Popover } from './popover';

export interface PageSessionDeps {
  readonly matcher: PageMatcher;
  /** The page's one card, shared with "Check this figure". */
  readonly popover: Popover;
  readonly isExcluded: (element: Element) => boolean;
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
    });
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
