import type { PageMatcher } from '../kb/page-matcher';
import type { EntryResponse } from '../messages';
import { HighlightInteractions } from './highlight-interactions';
import { LiveAnnotator } from './live-annotator';
import { Popover } from './popover';

export interface PageSessionDeps {
  readonly matcher: PageMatcher;
  readonly cardCss: string;
  readonly loadEntry: (id: string) => Promise<EntryResponse>;
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
    this.popover = new Popover({ css: deps.cardCss, loadEntry: deps.loadEntry });
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
    this.popover.destroy();
    this.annotator.destroy();
  }
}
