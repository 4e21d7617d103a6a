/**
 * How a pass gives the page its turn. Two ways, for two kinds of work:
 * - `yieldToPage`: a prompt continuation, for what the reader is waiting for (the highlights in
 *   view). `scheduler.yield()` runs it before the page's other queued tasks.
 * - `yieldUntilIdle`: for the rest (highlights out of view, a long article's tail). The browser
 *   runs it only when a frame is done and nothing else waits: the page's timers, input and frames
 *   all go first, which `scheduler.yield()` does not let them do (its continuations outrank them).
 */

/** Yields to the page: scheduler.yield() where the browser has it, else a macrotask. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Idle work still runs within this long when the browser is never idle (a busy page, a background tab). */
export const IDLE_TIMEOUT_MS = 1000;
/** Work granted when the idle callback comes from its timeout, with no idle time left. */
const OVERDUE_BUDGET_MS = 5;

/**
 * Resolves in the browser's next idle period with the milliseconds of it left (at least a few,
 * when the timeout forced it); setTimeout and a fixed budget where requestIdleCallback is missing.
 */
export function yieldUntilIdle(): Promise<number> {
  if (typeof requestIdleCallback !== 'function') {
    return new Promise((resolve) => setTimeout(() => resolve(OVERDUE_BUDGET_MS), 0));
  }
  return new Promise((resolve) =>
    requestIdleCallback((deadline) => resolve(Math.max(deadline.timeRemaining(), OVERDUE_BUDGET_MS)), {
      timeout: IDLE_TIMEOUT_MS,
    }),
  );
}
