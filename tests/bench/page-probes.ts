/**
 * What a reader feels while a long pass runs, read by the page itself: a script in the page's own
 * <head> (main world) that starts while the page parses, before the content script (document_idle),
 * and records every frame, every firing of a 20 ms interval timer and every key press's input delay.
 */
import { median } from '../harness/median';

/** The page's own timer interval, as a page's clock or carousel would have. */
export const TIMER_INTERVAL_MS = 20;

export interface ProbeRecord {
  /** performance.now() at each requestAnimationFrame callback. */
  readonly frames: number[];
  /** performance.now() at each firing of setInterval(…, TIMER_INTERVAL_MS). */
  readonly ticks: number[];
  /** Per keydown: [event.timeStamp, delay until its handler ran]. */
  readonly inputs: [number, number][];
}

const PROBE_SCRIPT = `<script>(() => {
  const probe = { frames: [], ticks: [], inputs: [] };
  window.__crosscheckProbe = probe;
  const frame = () => {
    probe.frames.push(performance.now());
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  setInterval(() => probe.ticks.push(performance.now()), ${TIMER_INTERVAL_MS});
  // event.timeStamp is when the browser received the input: the handler's start minus it is the input delay.
  addEventListener('keydown', (event) => probe.inputs.push([event.timeStamp, performance.now() - event.timeStamp]), true);
})();</script>`;

/** `html` with the probe as the first thing in its <head>. */
export function withProbes(html: string): string {
  if (/<head\b[^>]*>/i.test(html)) return html.replace(/<head\b[^>]*>/i, (head) => `${head}${PROBE_SCRIPT}`);
  return html.replace(/<html\b[^>]*>/i, (tag) => `${tag}<head>${PROBE_SCRIPT}</head>`);
}

export interface ResponsivenessDuringPass {
  /** Key presses handled whose input arrived during the pass. */
  readonly inputs: number;
  readonly inputDelayMaxMs: number | null;
  readonly inputDelayMedianMs: number | null;
  /** The longest time between two frames within the pass. */
  readonly longestFrameGapMs: number | null;
  /** The longest wait between two firings of the timer within the pass, beyond its interval. */
  readonly timerLatenessMaxMs: number | null;
}

/**
 * The longest interval between consecutive times, counting only its part within [from, to]: a gap
 * that began before the pass (the page's own loading) counts from the pass's start.
 */
function longestGap(times: readonly number[], from: number, to: number): number | null {
  let longest: number | null = null;
  for (let i = 1; i < times.length; i++) {
    if (times[i]! < from || times[i - 1]! > to) continue;
    longest = Math.max(longest ?? 0, Math.min(times[i]!, to) - Math.max(times[i - 1]!, from));
  }
  return longest;
}

/** Reads the probe's record over the pass, from `from` to `to` (the page's performance.now() times). */
export function duringPass(record: ProbeRecord, from: number, to: number): ResponsivenessDuringPass {
  const delays = record.inputs.filter(([at]) => at >= from && at <= to).map(([, delay]) => delay);
  const timerGap = longestGap(record.ticks, from, to);
  return {
    inputs: delays.length,
    inputDelayMaxMs: delays.length ? Math.max(...delays) : null,
    inputDelayMedianMs: delays.length ? median(delays) : null,
    longestFrameGapMs: longestGap(record.frames, from, to),
    // setInterval keeps its schedule but skips beats a busy thread missed: what the page's timer
    // waited beyond its interval is the gap between two firings minus the interval.
    timerLatenessMaxMs: timerGap === null ? null : Math.max(0, timerGap - TIMER_INTERVAL_MS),
  };
}
