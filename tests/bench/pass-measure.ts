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
  'busyMs' | 'tasks' | 'viewportMs' | 'matcherMs' | 'collectMs' | 'matchMs' | 'figuresMs' | 'wrapMs' | 'highlights';

/** A field of the pass's detail, or null when the engine did not record it. */
export function passField(pass: PassMeasure | null, field: PassField): number | null {
  const value = pass?.detail?.[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
