import cardCss from '@/components/entry-card.css?inline';
import { backgroundMatching } from '@/lib/content/background-matching';
import { PageController } from '@/lib/content/page-controller';
import { Popover } from '@/lib/content/popover';
import {
  entryRequest,
  isCheckSelectionRequest,
  isEntryResponse,
  isFromExtension,
  isTabRequest,
  type MessageSender,
} from '@/lib/messages';
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
    // The knowledge base and the reader's tracked terms live in the background, warm across pages;
    // a background the browser stopped was woken as the page started loading (see wake.content.ts).
    const matching = backgroundMatching((message) => browser.runtime.sendMessage(message));
    const page = new PageController({
      matching,
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

    // Messages from our own popup, pages and background only: never from a page. Replies go through
    // sendResponse, the channel kept open by returning true (the content script has no polyfill,
    // so a returned promise would not be awaited; see wxt.config.ts).
    const ownOrigin = browser.runtime.getURL('/');
    const onMessage = (
      message: unknown,
      sender: MessageSender,
      sendResponse: (reply: unknown) => void,
    ): true | undefined => {
      if (!isFromExtension(sender, browser.runtime.id, ownOrigin)) return undefined;
      if (isCheckSelectionRequest(message)) void page.checkSelection();
      if (!isTabRequest(message)) return undefined;
      void page.handle(message).then(sendResponse, () => sendResponse(null));
      return true;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    ctx.onInvalidated(watchSettings((settings) => page.applySettings(settings)));

    page.applySettings(await loadSettings());
    ctx.addEventListener(window, 'wxt:locationchange', () => page.attach());
  },
});
