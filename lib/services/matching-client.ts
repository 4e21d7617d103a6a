import type { FigureCheck } from '../matching/figure-check';
import type { PageMatching, WindowMatches } from './matching-service';
import {
  isFigureCheck,
  isWindowMatches,
  PREPARE_MATCHING,
  type FigureCheckRequest,
  type MatchRequest,
  type PrepareMatchingRequest,
} from './messages';

/**
 * Matching done by the extension's background (see entrypoints/background.ts): the page's text is
 * sent there, within the browser, and the matches come back. The knowledge base, its automaton
 * and the number parser then never load, compile or run in the page: its main thread only reads
 * the text and draws, and the background's engine stays warm from one page to the next.
 */
export function backgroundMatching(
  send: (message: MatchRequest | FigureCheckRequest | PrepareMatchingRequest) => Promise<unknown>,
): PageMatching {
  return {
    prepare() {
      send(PREPARE_MATCHING).catch(() => undefined);
    },
    async matchWindows(windows, namedInFull, withTracked): Promise<WindowMatches> {
      const answer = await send({ type: 'crosscheck:match', windows, namedInFull, withTracked });
      if (!isWindowMatches(answer, windows.length)) throw new Error('Crosscheck: unexpected reply from the background');
      return answer;
    },
    async checkFigure(context, start, end): Promise<FigureCheck> {
      const answer = await send({ type: 'crosscheck:check-figure', context, start, end });
      if (!isFigureCheck(answer)) throw new Error('Crosscheck: unexpected reply from the background');
      return answer;
    },
  };
}
