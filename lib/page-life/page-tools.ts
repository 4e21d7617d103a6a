import { t } from '../i18n';
import type { FigureCheck } from '../matching/figure-check';
import { articleForSaving } from '../my-sources/extract';
import { pageSavedAddress } from '../my-sources/metadata';
import { checkSelection } from '../card/selected-figure';
import { Popover, VIEWPORT_TOP } from '../card/card-host';
import { PageSession, type HighlightCss } from './page-session';
import type { PageTools, PageToolsOptions } from './page-tools-loader';

/** The check of an empty selection. */
const NOTHING_SELECTED: FigureCheck = {
  selection: '',
  figure: null,
  notFigures: [],
  linked: null,
  candidates: [],
  verdict: 'unsourced',
};

export interface PageToolsStyles {
  /** The card host's stylesheet (see PopoverOptions). */
  readonly cardCss: string;
  /** The highlights' stylesheets (see PageSessionDeps). */
  readonly highlightCss: HighlightCss;
}

/** The page tools (see page-tools-loader.ts); the card's host element and frame are made when a card is first wanted. */
export function createPageTools(
  { matching, cardUrl, cardTicket, highlightDescriptions }: PageToolsOptions,
  { cardCss, highlightCss }: PageToolsStyles,
): PageTools {
  // The card is drawn in the extension's own frame, which the page cannot read.
  const popover = new Popover({ css: cardCss, frameUrl: cardUrl, ticket: cardTicket });
  return {
    popover,
    session: (root, options) =>
      new PageSession(root, { ...options, matching, popover, highlightCss, highlightDescriptions }),
    async checkSelection() {
      let result: Awaited<ReturnType<typeof checkSelection>>;
      try {
        result = await checkSelection(matching, window.getSelection());
      } catch {
        // Nobody answered: the extension was updated or removed under the page.
        popover.openNotice(t('card.checkFailed'));
        return;
      }
      // Asked with nothing selected: the card says how to use it rather than nothing happening.
      if (result) popover.openCheck(result.range, result.check);
      else popover.openCheck(VIEWPORT_TOP, NOTHING_SELECTED);
    },
    articleForSaving: (root, isExcluded) => articleForSaving(root, isExcluded, document, location.href),
    savedAddress: () => pageSavedAddress(document, location.href),
    destroy: () => popover.destroy(),
  };
}
