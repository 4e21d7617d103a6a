import { TicketBook } from '@/lib/services/card-tickets';
import { badgeFor } from '@/lib/services/badge';
import { t } from '@/lib/i18n';
import { kbDetails } from '@/lib/kb/details-data';
import { highlightDescriptions } from '@/lib/kb/category-labels';
import { kbIndex } from '@/lib/kb/index-data';
import { precompiledPageMatcher } from '@/lib/matching/page-matcher-data';
import { trackingEngine } from '@/lib/services/matching-service';
import { bundledSourceTexts } from '@/lib/kb/source-texts-data';
import {
  BACKGROUND,
  TAB,
  sender,
  senderKind,
  serve,
  type FoundReport,
  type SaveReply,
  type TabRequest,
} from '@/lib/services/messages';
import { MySourcesDatabase } from '@/lib/my-sources/db';
import { MySourcesService } from '@/lib/services/library-service';
import { loadTrackedTerms, publishTrackedTerms } from '@/lib/my-sources/tracked-terms-store';
import { isActiveOn } from '@/lib/settings/schema';
import { peekSettings } from '@/lib/settings/store';
import { PAGE_TOOLS_SCRIPT } from '@/lib/page-life/page-tools-loader';

/** The context-menu items and keyboard commands (see wxt.config.ts). */
const CHECK_FIGURE_MENU_ID = 'crosscheck-check-figure';
const SAVE_ARTICLE_MENU_ID = 'crosscheck-save-article';
const TRACK_TERM_MENU_ID = 'crosscheck-track-term';
const CHECK_FIGURE_COMMAND = 'check-figure';
const TOGGLE_HIGHLIGHTS_COMMAND = 'toggle-highlights';

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

  /** A tab's own content script reports what it found; the badge is that tab's only. */
  const showBadge = (tabId: number | undefined, found: FoundReport) => {
    if (tabId === undefined) return;
    const badge = badgeFor(found);
    const action = browser.action ?? browser.browserAction;
    void Promise.all([
      action.setBadgeText({ tabId, text: badge.text }),
      action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      action.setTitle({ tabId, title: badge.title }),
    ]).catch(() => undefined); // the tab may have closed meanwhile
  };

  const tell = (tabId: number | undefined, request: TabRequest, frameId = 0) => {
    if (tabId === undefined || tabId < 0) return;
    // A tab without our content script (a browser page, a store page) has nobody to answer.
    browser.tabs.sendMessage(tabId, request, { frameId }).catch(() => undefined);
  };
  const readArticle = (tabId: number) =>
    sender(TAB, (request) => browser.tabs.sendMessage(tabId, request, { frameId: 0 }))('crosscheck:read-article');

  // Each type is answered only to the senders its route names (see BACKGROUND in messages.ts):
  // the reader's library only ever to the extension's own pages, matching and the badge only to
  // our content scripts; anything else (another extension, a page) gets no answer.
  // Which port offer a card's frame may take: only one carrying a ticket issued here.
  const cardTickets = new TicketBook();
  const answer = serve(BACKGROUND, {
    'crosscheck:get-entry': ({ id }) => mySources.entry(id),
    'crosscheck:get-entry-with-own': ({ id }) => mySources.entryWithOwn(id),
    // A page where the content script found something to do gets the page tools, in the frame that
    // asked only; the answer comes once they have run (see page-tools-loader.ts), with their words.
    'crosscheck:load-page-tools': async (_request, sender) => {
      if (sender.tab?.id === undefined) return null;
      const target = { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] };
      await browser.scripting.executeScript({ target, files: [PAGE_TOOLS_SCRIPT] });
      return { highlightDescriptions: highlightDescriptions() };
    },
    'crosscheck:match': ({ windows, namedInFull, withTracked }) =>
      matching.matchWindows(windows, { namedInFull, withTracked }),
    'crosscheck:check-figure': ({ context, start, end }) => matching.checkFigure(context, start, end),
    'crosscheck:found': (found, sender) => showBadge(sender.tab?.id, found),
    'crosscheck:save-tab': ({ tabId }) => mySources.save(() => readArticle(tabId)),
    'crosscheck:my-sources-changed': () => void mySources.changed(),
    'crosscheck:card-ticket': (_request, sender) =>
      sender.tab?.id === undefined ? '' : cardTickets.issue(sender.tab.id),
    'crosscheck:card-tickets': (_request, sender) =>
      sender.tab?.id === undefined ? [] : cardTickets.ticketsOf(sender.tab.id),
  });
  browser.tabs.onRemoved.addListener((tabId) => cardTickets.forget(tabId));

  // A tab starting to load a page wakes the background (Chromium stops an idle service worker after
  // 30 s), which loads its matcher while the page loads, not once its content script asks: nothing
  // runs in the page for it. The warm-up (about 20 ms) waits for the settings and runs only for a
  // page Crosscheck annotates.
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    const url = change.url ?? tab.url ?? '';
    if (change.status !== 'loading' || !/^https?:/.test(url)) return;
    matching.prepare();
    matching.warmUp(async () => isActiveOn(await peekSettings(), url));
  });
  const ownOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    answer(message, sender, senderKind(sender, browser.runtime.id, ownOrigin)),
  );

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: CHECK_FIGURE_MENU_ID, title: t('menu.checkFigure'), contexts: ['selection'] });
    browser.contextMenus.create({ id: TRACK_TERM_MENU_ID, title: t('menu.track'), contexts: ['selection'] });
    browser.contextMenus.create({ id: SAVE_ARTICLE_MENU_ID, title: t('menu.save'), contexts: ['page'] });
  });

  const outcome = (reply: SaveReply) => (reply.ok ? t(reply.updated ? 'save.updated' : 'save.added') : reply.problem);

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CHECK_FIGURE_MENU_ID) tell(tab?.id, { type: 'crosscheck:check-selection' }, info.frameId);
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
    if (command === CHECK_FIGURE_COMMAND) tell(tab?.id, { type: 'crosscheck:check-selection' });
    if (command === TOGGLE_HIGHLIGHTS_COMMAND) tell(tab?.id, { type: 'crosscheck:toggle-highlights' });
  });
});
