import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { backgroundMatching } from '@/lib/services/matching-client';
import { ignoreForgedRestarts } from '@/lib/page-life/forged-restarts';
import { PageController } from '@/lib/page-life/page-controller';
import { pageToolsLoader } from '@/lib/page-life/page-tools-loader';
import { BACKGROUND, sender, senderKind, serve, TAB, type MessageSender } from '@/lib/services/messages';
import { isArticleFurniture } from '@/lib/article/finder';
import { isRendered } from '@/lib/article/exclusions';
import { loadSettings, watchSettings } from '@/lib/settings/store';

/**
 * Runs on every page, so it holds only what decides whether there is anything to do (the reader's
 * settings, the article finder) and answers the popup; drawing and the card come with the page
 * tools (entrypoints/page-tools), which the background injects when this script asks for them.
 * No stylesheet is declared for every page: the highlights bring theirs.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT's default posts this script's start, with the extension's id, to the page's window.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    ignoreForgedRestarts(
      // WXT's own name for the event (private in its types, public at run time); an e2e test replays it.
      (ContentScriptContext as unknown as { readonly SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE,
      () => browser.runtime?.id !== undefined,
      ctx.signal,
    );
    // The knowledge base and the reader's tracked terms live in the background, warm across pages;
    // a background the browser stopped was woken as the page started loading (see background.ts, tabs.onUpdated).
    const toBackground = sender(BACKGROUND, (request) => browser.runtime.sendMessage(request));
    // The extension's own origin, asked once: each call of an extension API crosses into its bindings.
    const ownOrigin = browser.runtime.getURL('/');
    const matching = backgroundMatching(toBackground);
    const loadTools = pageToolsLoader(() => toBackground('crosscheck:load-page-tools'));
    const page = new PageController({
      loadTools: async () => {
        const { create, words } = await loadTools();
        return create({
          matching,
          cardUrl: `${ownOrigin}card.html`,
          cardTicket: () => toBackground('crosscheck:card-ticket'),
          highlightDescriptions: words.highlightDescriptions,
        });
      },
      isExcluded: isArticleFurniture,
      isRendered,
      // A closed background (an update, a reload) leaves nobody to set the badge: nothing to do.
      report: (found) => void toBackground('crosscheck:found', found).catch(() => undefined),
    });
    ctx.onInvalidated(() => page.destroy());

    // Messages from our own popup, pages and background only: never from a page. Replies go through
    // sendResponse, the channel kept open by returning true (the content script has no polyfill,
    // so a returned promise would not be awaited; see wxt.config.ts).
    const answer = serve(TAB, page.answers);
    const onMessage = (
      message: unknown,
      from: MessageSender,
      sendResponse: (reply: unknown) => void,
    ): true | undefined => {
      const reply = answer(message, from, senderKind(from, browser.runtime.id, ownOrigin));
      if (reply === undefined) return undefined;
      void reply.then(sendResponse, () => sendResponse(null));
      return true;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    ctx.onInvalidated(watchSettings((settings) => page.applySettings(settings)));

    page.applySettings(await loadSettings());
    ctx.addEventListener(window, 'wxt:locationchange', () => page.attach());
  },
});
