import cardCss from '@/components/entry-card.css?inline';
import { PageSession } from '@/lib/content/page-session';
import { kbIndex } from '@/lib/kb/index-data';
import { createPageMatcher } from '@/lib/kb/page-matcher';
import { entryRequest, isEntryResponse } from '@/lib/messages';
import { findArticleRoot, isArticleFurniture } from '@/lib/page/article';
import { isRendered } from '@/lib/page/exclusions';
import './highlights.css';

/** A page that renders its article after load gets one more look this long after start. */
const LATE_ARTICLE_RETRY_MS = 1500;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const deps = {
      matcher: createPageMatcher(kbIndex),
      cardCss,
      isExcluded: isArticleFurniture,
      isRendered,
      loadEntry: async (id: string) => {
        const response: unknown = await browser.runtime.sendMessage(entryRequest(id));
        if (!isEntryResponse(response)) throw new Error('Crosscheck: unexpected reply from the background');
        return response;
      },
    };
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
    ctx.onInvalidated(() => session?.destroy());
  },
});
