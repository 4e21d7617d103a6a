/**
 * How Crosscheck's reactions to a page's changes stay bounded when the page never stops changing:
 * it counts its recent reactions, and each one waits twice as long as the one before. Pure (the
 * caller passes the clock), so it is tested without timers.
 */

/** Events within a memory span: older ones are forgotten, so a page that calmed down is answered quickly again. */
export class RecentEvents {
  private readonly times: number[] = [];

  constructor(private readonly memoryMs: number) {}

  record(now: number): void {
    this.forget(now);
    this.times.push(now);
  }

  count(now: number): number {
    this.forget(now);
    return this.times.length;
  }

  private forget(now: number): void {
    let stale = 0;
    while (stale < this.times.length && now - this.times[stale]! >= this.memoryMs) stale++;
    if (stale > 0) this.times.splice(0, stale);
  }
}

/** The wait before the next reaction: `baseMs`, doubled for each recent one, at most `maxMs`. */
export function backoffDelay(baseMs: number, maxMs: number, recent: number): number {
  return Math.min(maxMs, baseMs * 2 ** recent);
}
