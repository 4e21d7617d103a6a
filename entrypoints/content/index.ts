import cardCss from '@/components/entry-card.css?inline';
import { HighlightInteractions } from '@/lib/content/highlight-interactions';
import { Highlighter } from '@/lib/content/highlighter';
import { Popover } from '@/lib/content/popover';
import { kbIndex } from '@/lib/kb/index-data';
import { createTermMatcher } from '@/lib/kb/term-matcher';
import { entryRequest, isEntryResponse } from '@/lib/messages';
import { findArticleRoot, isArticleFurniture } from '@/lib/page/article';
import { isRenderedHidden } from '@/lib/page/exclusions';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const root = findArticleRoot(document);
    if (!root) return;
    const matcher = createTermMatcher(kbIndex.entries);
    const highlighter = new Highlighter(root, matcher, {
      isHidden: (element) => isArticleFurniture(element) || isRenderedHidden(element),
    });
    const popover = new Popover({
      css: cardCss,
      loadEntry: async (id) => {
        const response: unknown = await browser.runtime.sendMessage(entryRequest(id));
        if (!isEntryResponse(response)) throw new Error('Crosscheck: unexpected reply from the background');
        return response;
      },
    });
    const interactions = new HighlightInteractions({ popover, recordFor: (element) => highlighter.recordFor(element) });
    highlighter.annotate();
    ctx.onInvalidated(() => {
      interactions.destroy();
      popover.destroy();
      highlighter.destroy();
    });
  },
});
