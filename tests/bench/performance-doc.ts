/**
 * docs/performance.md is written by the benchmark, not by hand: each benchmark script replaces its
 * own region of it, between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`, with its
 * tables and what they were measured on (date, browsers, machine). The rest of the file (the
 * method) is written by hand.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { PROJECT_ROOT } from '../harness/server';

export const PERFORMANCE_DOC = join(PROJECT_ROOT, 'docs/performance.md');

const start = (name: string) => `<!-- bench:${name}:start -->`;
const end = (name: string) => `<!-- bench:${name}:end -->`;

/** `doc` with what lies between region `name`'s markers replaced by `content`; throws when a marker is missing. */
export function replaceRegion(doc: string, name: string, content: string): string {
  const from = doc.indexOf(start(name));
  const to = doc.indexOf(end(name));
  if (from < 0 || to < from) {
    throw new Error(`The performance doc has no region "${name}": add the lines ${start(name)} and ${end(name)}.`);
  }
  return `${doc.slice(0, from + start(name).length)}\n\n${content.trim()}\n\n${doc.slice(to)}`;
}

/** What this machine is, and how busy it was when the run began (the figures move with its load). */
export function machineDescription(): string {
  const cores = cpus();
  const [load] = loadavg();
  return (
    `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, ` +
    `${osType()} ${release()}, Node ${process.version}; load average ${load!.toFixed(1)} at the start`
  );
}

export interface RunDescription {
  /** The browsers measured, with their versions ("Chromium 156.0.7444.59, Firefox 153.8"). */
  readonly browsers: string;
  /** The machine, as machineDescription() read it when the run began. */
  readonly machine: string;
}

/** Headings one level down: a region sits in a section of the doc, under its `##` heading. */
export const nestedHeadings = (lines: readonly string[]): string[] =>
  lines.map((line) => line.replace(/^(#{2,5}) /, '#$1 '));

/**
 * Replaces region `name` of docs/performance.md with `tables`, under a line saying when and on
 * what they were measured, and formats the file as the project's Prettier does (so that
 * `npm run format:check` passes on a generated file).
 */
export async function writeRegion(name: string, run: RunDescription, tables: readonly string[]): Promise<void> {
  const date = new Date().toISOString().slice(0, 10);
  const content = [`Measured on ${date}: ${run.browsers}; ${run.machine}.`, '', ...nestedHeadings(tables)].join('\n');
  const doc = replaceRegion(await readFile(PERFORMANCE_DOC, 'utf8'), name, content);
  const options = (await resolveConfig(PERFORMANCE_DOC)) ?? {};
  await writeFile(PERFORMANCE_DOC, await format(doc, { ...options, filepath: PERFORMANCE_DOC }));
}
