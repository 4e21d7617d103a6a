/**
 * Chromium's own trace of a page load, read for what the page cannot see: a content script's tasks
 * (the Long Tasks API in the page does not report them) and the content script's start-up.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  /** Microseconds. */
  readonly ts: number;
  readonly dur?: number;
  /** Thread time (microseconds): how long the thread actually ran on a CPU during the event. */
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly data?: { readonly url?: string }; readonly fileName?: string };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  // V8.CompileCode: a function compiled on its first call.
  'disabled-by-default-v8.compile',
  'blink.user_timing',
];

/** Records a trace of the main thread's tasks, script evaluation and user timing while `run` runs. */
export async function traceWhile(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => events.push(...(value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  try {
    await run();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return events;
}

export interface TracedPass {
  /** Tasks on the page's main thread that overlap the pass (ours and the page's, such as its frames). */
  readonly tasks: number;
  /** Their time within the pass, summed. */
  readonly taskSumMs: number;
  /**
   * The part of it the thread spent running on a CPU (thread time, each task's share within the
   * pass): the rest it waited for one, on a machine whose cores other threads keep busy.
   */
  readonly taskCpuMs: number;
  readonly longestTaskMs: number;
  /** The content script's top-level evaluation, and the compiling within it; null when not in the trace. */
  readonly scriptEvaluateMs: number | null;
  readonly scriptCompileMs: number | null;
  /**
   * Within the pass, on its thread: V8 compiling functions on their first call (`V8.CompileCode`),
   * and garbage collection (`MinorGC`, `MajorGC`); the page's own too, if it runs script meanwhile.
   */
  readonly lazyCompileMs: number;
  readonly gcMs: number;
}

const ms = (us: number) => us / 1000;

/**
 * Reads the first `crosscheck:annotate` pass in `events`: the tasks of its thread while it ran,
 * and the evaluation of the script whose URL ends with `scriptPath` (null for none: the engine
 * bundled into the page). Null when the pass is not in the trace.
 */
export function readTracedPass(events: readonly TraceEvent[], scriptPath: string | null): TracedPass | null {
  const begin = events.find((e) => e.name === 'crosscheck:annotate' && e.ph === 'b');
  const end = begin && events.find((e) => e.name === 'crosscheck:annotate' && e.ph === 'e' && e.ts >= begin.ts);
  if (!begin || !end) return null;
  const onThread = (e: TraceEvent) => e.pid === begin.pid && e.tid === begin.tid;
  const runTasks = events.filter(
    (e) => e.name === 'RunTask' && onThread(e) && e.ts + (e.dur ?? 0) > begin.ts && e.ts < end.ts,
  );
  const tasks = runTasks.map((e) => Math.min(e.ts + (e.dur ?? 0), end.ts) - Math.max(e.ts, begin.ts));
  const taskCpu = runTasks.map((e, i) => ((e.tdur ?? e.dur ?? 0) * tasks[i]!) / Math.max(e.dur ?? 0, 1));
  const ofScript = (e: TraceEvent) =>
    scriptPath !== null && onThread(e) && (e.args?.data?.url ?? e.args?.fileName ?? '').endsWith(scriptPath);
  const evaluations = events.filter((e) => e.name === 'EvaluateScript' && ofScript(e));
  const compiles = events.filter((e) => e.name === 'v8.compile' && ofScript(e));
  const total = (list: readonly TraceEvent[]) => ms(list.reduce((sum, e) => sum + (e.dur ?? 0), 0));
  const inPass = (names: readonly string[]) =>
    ms(
      coveredTime(
        events.filter((e) => names.includes(e.name) && e.ph === 'X' && onThread(e)),
        begin.ts,
        end.ts,
      ),
    );
  return {
    tasks: tasks.length,
    taskSumMs: ms(tasks.reduce((sum, us) => sum + us, 0)),
    taskCpuMs: ms(taskCpu.reduce((sum, us) => sum + us, 0)),
    longestTaskMs: ms(Math.max(0, ...tasks)),
    scriptEvaluateMs: evaluations.length ? total(evaluations) : null,
    scriptCompileMs: compiles.length ? total(compiles) : null,
    lazyCompileMs: inPass(['V8.CompileCode']),
    gcMs: inPass(['MinorGC', 'MajorGC']),
  };
}

/** Microseconds between `from` and `to` that `spans` cover, each instant counted once (spans nest). */
export function coveredTime(spans: readonly TraceEvent[], from: number, to: number): number {
  const clipped = spans
    .map((e) => [Math.max(e.ts, from), Math.min(e.ts + (e.dur ?? 0), to)] as const)
    .filter(([start, stop]) => stop > start)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reached = from;
  for (const [start, stop] of clipped) {
    if (stop <= reached) continue;
    covered += stop - Math.max(start, reached);
    reached = stop;
  }
  return covered;
}
