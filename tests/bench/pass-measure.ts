/**
 * A pass as the engine records it: its `crosscheck:annotate` measure's start and duration (wall
 * time from the pass's start to its end) and the measure's `detail`, read field by field, so the
 * benchmark still runs, printing "—", on an engine that records fewer fields or none.
 */
export interface PassMeasure {
  readonly startTime: number;
  readonly duration: number;
  readonly detail: Readonly<Record<string, unknown>> | null;
}

/** The fields of the measure's detail the benchmark reads (milliseconds, but for tasks and highlights). */
export type PassField =
  | 'busyMs'
  | 'tasks'
  | 'longestTaskMs'
  | 'viewportMs'
  | 'collectMs'
  | 'wrapMs'
  | 'requests'
  | 'waitMs'
  | 'matcherMs'
  | 'matchMs'
  | 'figuresMs'
  | 'highlights';

/** What the matching reported, where it ran: loading the matcher, terms, figures. */
export const MATCHING_FIELDS = ['matcherMs', 'matchMs', 'figuresMs'] as const satisfies readonly PassField[];

/**
 * The page's main-thread time for a pass: its own tasks (`busyMs`), plus the matching's time when
 * the matching ran in the page too (the engine bundled into it; the extension's runs in its
 * background). Null when a field is not recorded.
 */
export function mainThreadMs(pass: PassMeasure | null, matchingInPage: boolean): number | null {
  const busy = passField(pass, 'busyMs');
  if (busy === null || !matchingInPage) return busy;
  let sum = busy;
  for (const field of MATCHING_FIELDS) {
    const spent = passField(pass, field);
    if (spent === null) return null;
    sum += spent;
  }
  return sum;
}

/** A field of the pass's detail, or null when the engine did not record it. */
export function passField(pass: PassMeasure | null, field: PassField): number | null {
  const value = pass?.detail?.[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
