import { badgeFor } from '@/lib/services/badge';
import { kbDetails } from '@/lib/kb/details-data';
import { kbIndex } from '@/lib/kb/index-data';
import { precompiledPageMatcher } from '@/lib/matching/page-matcher-data';
import { trackingEngine } from '@/lib/services/matching-service';
import { bundledSourceTexts } from '@/lib/kb/source-texts-data';
import {
  CHECK_FIGURE_COMMAND,
  CHECK_FIGURE_MENU_ID,
  CHECK_SELECTION,
  isEntryRequest,
  isEntryWithOwnRequest,
  isFigureCheckRequest,
  isFoundReport,
  isLoadPageToolsRequest,
  isMatchRequest,
  isPrepareMatchingRequest,
  isMySourcesRequest,
  SAVE_ARTICLE_MENU_ID,
  TOGGLE_HIGHLIGHTS_COMMAND,
  TRACK_TERM_MENU_ID,
  senderKind,
  type MessageSender,
  type SaveReply,
  type TabRequest,
} from '@/lib/services/messages';
import { MySourcesDatabase } from '@/lib/my-sources/db';
import { MySourcesService } from '@/lib/services/library-service';
import { loadTrackedTerms, publishTrackedTerms } from '@/lib/my-sources/tracked-terms-store';
import { isActiveOn } from '@/lib/settings/schema';
import { peekSettings } from '@/lib/settings/store';
import { PAGE_TOOLS_SCRIPT } from '@/lib/page-life/page-tools-loader';

export default defineBackground(() => {
  // Every tab's text is matched here, by one engine kept warm from page to page: the knowledge
  // base's matcher with the reader's tracked terms, loaded on the first request. Each request says
  // whether its page may have the tracked terms (the content script knows the reader's choice).
  // A bundled source's text warms the matching's code up as a page wakes the worker (see warmUp).
  const { engine: matching, track } = trackingEngine(
    precompiledPageMatcher,
    loadTrackedTerms,
    bundledSourceTexts[0]?.text.slice(0, 5000),
  );
  const mySources = new MySourcesService(
    new MySourcesDatabase(),
    kbIndex,
    kbDetails,
    bundledSourceTexts,
    async (entries) => {
      track(entries);
      await publishTrackedTerms(entries);
    },
  );
  // The matcher gets the tracked terms from the database, and a search cut short (the worker stopped) resumes.
  void mySources.changed();

  const ownOrigin = browser.runtime.getURL('/');
  const kindOf = (sender: MessageSender) => senderKind(sender, browser.runtime.id, ownOrigin);
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts and pages may ask; anything else gets no answer.
    const kind = kindOf(sender);
    if (kind === 'other') return undefined;
    if (isEntryRequest(message)) return Promise.resolve(mySources.entry(message.id));
    // The reader's library only ever goes to the extension's own pages (the card's frame among
    // them), never to a content script, which shares its page with the page's own scripts.
    if (isEntryWithOwnRequest(message) && kind === 'extension') return mySources.entryWithOwn(message.id);
    return undefined;
  });

  // Our own content scripts ask for their page's matches and figure checks.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (kindOf(sender) !== 'content-script') return undefined;
    // Woken as a page starts loading: the matcher loads at once; the warm-up (about 20 ms) waits
    // for the settings and runs only for a page Crosscheck annotates.
    if (isPrepareMatchingRequest(message)) {
      matching.prepare();
      matching.warmUp(async () => isActiveOn(await peekSettings(), sender.url ?? ''));
    }
    // A page where the content script found something to do gets the page tools, in the frame that
    // asked only; the answer comes once they have run (see page-tools-loader.ts).
    const tabId = sender.tab?.id;
    if (isLoadPageToolsRequest(message) && tabId !== undefined)
      return browser.scripting
        .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [PAGE_TOOLS_SCRIPT] })
        .then(() => true);
    if (isMatchRequest(message))
      return matching.matchWindows(message.windows, message.namedInFull, message.withTracked);
    if (isFigureCheckRequest(message)) return matching.checkFigure(message.context, message.start, message.end);
    return undefined;
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Saving and changes come from our own pages (popup, options, track form), never a tab's script.
    if (!isMySourcesRequest(message) || kindOf(sender) !== 'extension') return undefined;
    if (message.type === 'crosscheck:save-tab') return mySources.save(() => readArticle(message.tabId));
    void mySources.changed();
    return undefined;
  });

  // A tab's own content script reports what it found; the badge is that tab's only.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const tabId = sender.tab?.id;
    if (kindOf(sender) !== 'content-script' || tabId === undefined || !isFoundReport(message)) return undefined;
    const badge = badgeFor(message);
    const action = browser.action ?? browser.browserAction;
    void Promise.all([
      action.setBadgeText({ tabId, text: badge.text }),
      action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      action.setTitle({ tabId, title: badge.title }),
    ]).catch(() => undefined); // the tab may have closed meanwhile
    return undefined;
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: CHECK_FIGURE_MENU_ID,
      title: 'Check this figure with Crosscheck',
      contexts: ['selection'],
    });
    browser.contextMenus.create({ id: TRACK_TERM_MENU_ID, title: 'Track with Crosscheck', contexts: ['selection'] });
    browser.contextMenus.create({
      id: SAVE_ARTICLE_MENU_ID,
      title: 'Add this article to my sources',
      contexts: ['page'],
    });
  });

  const tell = (tabId: number | undefined, message: TabRequest | typeof CHECK_SELECTION, frameId = 0) => {
    if (tabId === undefined || tabId < 0) return;
    // A tab without our content script (a browser page, a store page) has nobody to answer.
    browser.tabs.sendMessage(tabId, message, { frameId }).catch(() => undefined);
  };
  const readArticle = (tabId: number) =>
    browser.tabs.sendMessage(tabId, { type: 'crosscheck:read-article' } satisfies TabRequest, { frameId: 0 });
  const outcome = (reply: SaveReply) =>
    reply.ok ? (reply.updated ? 'Updated in your sources.' : 'Added to your sources.') : reply.problem;

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CHECK_FIGURE_MENU_ID) tell(tab?.id, CHECK_SELECTION, info.frameId);
    if (info.menuItemId === SAVE_ARTICLE_MENU_ID && tab?.id !== undefined) {
      const tabId = tab.id;
      void mySources
        .save(() => readArticle(tabId))
        .then((reply) => tell(tabId, { type: 'crosscheck:tell', message: outcome(reply) }));
    }
    if (info.menuItemId === TRACK_TERM_MENU_ID) {
      // The form proposes the selection as the label; the reader picks a category there.
      const label = encodeURIComponent((info.selectionText ?? '').slice(0, 200));
      void browser.windows.create({
        url: browser.runtime.getURL(`/track.html?label=${label}`),
        type: 'popup',
        width: 460,
        height: 600,
      });
    }
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === CHECK_FIGURE_COMMAND) tell(tab?.id, CHECK_SELECTION);
    if (command === TOGGLE_HIGHLIGHTS_COMMAND) tell(tab?.id, { type: 'crosscheck:toggle-highlights' });
  });
});
