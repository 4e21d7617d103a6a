import cardCss from '@/components/entry-card.css?inline';
import { checkSelection } from '@/lib/content/figure-check';
import { PageSession } from '@/lib/content/page-session';
import { Popover } from '@/lib/content/popover';
import { kbIndex } from '@/lib/kb/index-data';
import { createPageMatcher } from '@/lib/kb/page-matcher';
import { entryRequest, isCheckSelectionRequest, isEntryResponse } from '@/lib/messages';
import { findArticleRoot, isArticleFurniture } from '@/lib/page/article';
import { isRendered } from '@/lib/page/exclusions';
import './highlights.css';

/** A page that renders its article after load gets one more look this long after start. */
const LATE_ARTICLE_RETRY_MS = 1500;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const matcher = createPageMatcher(kbIndex);
    const popover = new Popover({
      css: cardCss,
      loadEntry: async (id: string) => {
        const response: unknown = await browser.runtime.sendMessage(entryRequest(id));
        if (!isEntryResponse(response)) throw new Error('Crosscheck: unexpected reply from the background');
        return response;
      },
    });
    const deps = { matcher, popover, isExcluded: isArticleFurniture, isRendered };
    let session: PageSession | null = null;
    const attach = () => {
      const root = findArticleRoot(document);
      if (root === session?.root) return;
      session?.destroy();
      session = root ? new PageSession(root, deps) : null;
      void session?.start();
    };
    attach();
    if (!session) ctx.setTimeout(attach, LATE_ARTICLE_RETRY_MS);
    ctx.addEventListener(window, 'wxt:locationchange', attach);

    // "Check this figure", from the context menu or the keyboard command, by way of the background.
    const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      if (sender.id !== browser.runtime.id || sender.tab !== undefined || !isCheckSelectionRequest(message)) return;
      const result = checkSelection(matcher, window.getSelection());
      if (result) popover.openCheck(result.range, result.check);
    };
    browser.runtime.onMessage.addListener(onMessage);

    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      session?.destroy();
      popover.destroy();
    });
  },
});
