import cardCss from '@/components/entry-card.css?inline';
import { PageController } from '@/lib/content/page-controller';
import { Popover } from '@/lib/content/popover';
import { loadPageMatcher, type PageMatcher } from '@/lib/kb/page-matcher';
import { precompiledPageMatcher } from '@/lib/kb/page-matcher-data';
import type { IndexedEntry } from '@/lib/kb/types';
import { entryRequest, isCheckSelectionRequest, isEntryResponse, isTabRequest } from '@/lib/messages';
import { loadTrackedTerms } from '@/lib/my-sources/tracked-terms-store';
import { isArticleFurniture } from '@/lib/page/article';
import { isRendered } from '@/lib/page/exclusions';
import { loadSettings, watchSettings } from '@/lib/settings/store';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const popover = new Popover({
      css: cardCss,
      loadEntry: async (id: string) => {
        const response: unknown = await browser.runtime.sendMessage(entryRequest(id));
        if (!isEntryResponse(response)) throw new Error('Crosscheck: unexpected reply from the background');
        return response;
      },
    });
    let tracked: IndexedEntry[] = [];
    let matcher: PageMatcher | undefined;
    const page = new PageController({
      matcher: () => (matcher ??= loadPageMatcher(precompiledPageMatcher, tracked)),
      popover,
      isExcluded: isArticleFurniture,
      isRendered,
      // A closed background (an update, a reload) leaves nobody to set the badge: nothing to do.
      report: (found) => void browser.runtime.sendMessage(found).catch(() => undefined),
    });
    ctx.onInvalidated(() => {
      page.destroy();
      popover.destroy();
    });

    // Messages from our own popup and background only: never from a page. Replies are synchronous
    // (sendResponse, not a returned promise: the content script has no polyfill, see wxt.config.ts).
    const onMessage = (
      message: unknown,
      sender: { id?: string; tab?: unknown },
      sendResponse: (reply: unknown) => void,
    ): undefined => {
      if (sender.id !== browser.runtime.id || sender.tab !== undefined) return;
      if (isCheckSelectionRequest(message)) page.checkSelection();
      else if (isTabRequest(message)) sendResponse(page.handle(message));
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    ctx.onInvalidated(watchSettings((settings) => page.applySettings(settings)));

    // The reader's tracked terms, read once with the settings: matched in the same pass as the knowledge base.
    const [settings, terms] = await Promise.all([loadSettings(), loadTrackedTerms()]);
    tracked = terms;
    page.applySettings(settings);
    ctx.addEventListener(window, 'wxt:locationchange', () => page.attach());
  },
});
