import { kbDetails } from '@/lib/kb/details-data';
import { lookupEntry } from '@/lib/kb/lookup';
import { CHECK_FIGURE_COMMAND, CHECK_FIGURE_MENU_ID, CHECK_SELECTION, isEntryRequest } from '@/lib/messages';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts and pages may ask; anything else gets no answer.
    if (sender.id !== browser.runtime.id || !isEntryRequest(message)) return undefined;
    return Promise.resolve(lookupEntry(kbDetails, message.id));
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: CHECK_FIGURE_MENU_ID,
      title: 'Check this figure with Crosscheck',
      contexts: ['selection'],
    });
  });

  const askTab = (tabId: number | undefined, frameId?: number) => {
    if (tabId === undefined || tabId < 0) return;
    // A tab without our content script (a browser page, a store page) has nobody to answer.
    browser.tabs.sendMessage(tabId, CHECK_SELECTION, { frameId: frameId ?? 0 }).catch(() => undefined);
  };
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CHECK_FIGURE_MENU_ID) askTab(tab?.id, info.frameId);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === CHECK_FIGURE_COMMAND) askTab(tab?.id);
  });
});
