import { backgroundMatching } from '@/lib/services/matching-client';
import { BACKGROUND, sender } from '@/lib/services/messages';

/**
 * Wakes the background as a page starts loading: Chromium stops an idle service worker after 30 s,
 * so a reader who spent a while on one article finds it stopped on the next. Starting it and
 * loading its matcher while the page loads, rather than once the article is found, keeps that
 * start off the wait for the highlights. It sends no page text, and nothing else runs this early:
 * it sends at once, before the page's own scripts run (waiting for the settings would wait for
 * them), and the background decides from the settings whether to warm the matching up as well
 * (see background.ts).
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  // It does one thing once: no need to tell the page's window it started (WXT's default).
  noScriptStartedPostMessage: true,
  main() {
    backgroundMatching(sender(BACKGROUND, (request) => browser.runtime.sendMessage(request))).prepare();
  },
});
