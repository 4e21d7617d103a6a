import { badgeFor } from '@/lib/badge';
import { kbDetails } from '@/lib/kb/details-data';
import { lookupEntry } from '@/lib/kb/lookup';
import {
  CHECK_FIGURE_COMMAND,
  CHECK_FIGURE_MENU_ID,
  CHECK_SELECTION,
  isEntryRequest,
  isFoundReport,
  TOGGLE_HIGHLIGHTS_COMMAND,
  type TabRequest,
} from '@/lib/messages';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts and pages may ask; anything else gets no answer.
    if (sender.id !== browser.runtime.id || !isEntryRequest(message)) return undefined;
    return Promise.resolve(lookupEntry(kbDetails, message.id));
  });

  // A tab's own content script reports what it found; the badge is that tab's only.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const tabId = sender.tab?.id;
    if (sender.id !== browser.runtime.id || tabId === undefined || !isFoundReport(message)) return undefined;
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
  });

  const tell = (tabId: number | undefined, message: TabRequest | typeof CHECK_SELECTION, frameId = 0) => {
    if (tabId === undefined || tabId < 0) return;
    // A tab without our content script (a browser page, a store page) has nobody to answer.
    browser.tabs.sendMessage(tabId, message, { frameId }).catch(() => undefined);
  };
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CHECK_FIGURE_MENU_ID) tell(tab?.id, CHECK_SELECTION, info.frameId);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === CHECK_FIGURE_COMMAND) tell(tab?.id, CHECK_SELECTION);
    if (command === TOGGLE_HIGHLIGHTS_COMMAND) tell(tab?.id, { type: 'crosscheck:toggle-highlights' });
  });
});
