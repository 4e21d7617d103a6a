import type { PageMatching } from './matching-service';
import { UnexpectedReply, type BACKGROUND, type Send } from './messages';

/**
 * The content script's client of the matching service: the page's text is sent to the extension's
 * background (see entrypoints/background.ts), within the browser, and the matches come back. The
 * knowledge base, its automaton and the number parser then never load, compile or run in the page:
 * its main thread only reads the text and draws, and the background's engine stays warm from one
 * page to the next.
 */

/** Matching done by the background, asked through `send` (runtime.sendMessage). */
export function backgroundMatching(send: Send<typeof BACKGROUND>): PageMatching {
  return {
    async matchWindows(windows, { namedInFull, withTracked }) {
      const answer = await send('crosscheck:match', { windows, namedInFull, withTracked });
      // One list of matches per window sent.
      if (answer.matches.length !== windows.length) throw new UnexpectedReply('crosscheck:match');
      return answer;
    },
    checkFigure: (context, start, end) => send('crosscheck:check-figure', { context, start, end }),
  };
}
