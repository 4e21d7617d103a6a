import { describe, expect, it } from 'vitest';
import { addedCostTable, type AddedCost, type LoadMetrics } from '../../bench/added-cost';

const loads = (...tasks: number[]): LoadMetrics[] =>
  tasks.map((taskMs) => ({ taskMs, scriptMs: taskMs / 10, taskCpuMs: taskMs / 2 }));

const result: AddedCost = {
  pages: [
    {
      page: { name: 'No article', path: '/a', targetMs: 2 },
      withExtension: loads(41, 40, 90),
      without: loads(39, 38, 10),
      emptyContentScript: loads(40, 39, 12),
    },
    {
      page: { name: 'Article', path: '/b', targetMs: 15 },
      withExtension: loads(70, 60, 65),
      without: loads(40, 45, 50),
      emptyContentScript: loads(48, 46, 51),
    },
  ],
  cards: [{ input: 'click', ms: [30, 70, 20] }],
  loads: 3,
  loadAverage: [4.25, 6],
};

/** The cells of the row whose first cell starts with `name`. */
const row = (lines: readonly string[], name: string) =>
  lines
    .find((line) => line.startsWith(`| ${name}`))!
    .slice(2, -2)
    .split(' | ');

describe('addedCostTable', () => {
  it('shows medians with and without, what is added and the floor, and judges the wall-time added against the target', () => {
    const lines = addedCostTable(result);
    // Medians: 41 with, 38 without: +3.0 added, over the 2 ms target; one slow load does not move them.
    // The empty content script's median, 39: +1.0 of the floor.
    expect(row(lines, 'No article')).toEqual([
      'No article',
      '41.0',
      '38.0',
      '+3.0',
      '+0.3',
      '+1.5',
      '+1.0',
      '+0.5',
      '≤ 2 ms added',
      'no',
    ]);
    expect(row(lines, 'Article')).toEqual([
      'Article',
      '65.0',
      '45.0',
      '+20.0',
      '+2.0',
      '+10.0',
      '+3.0',
      '+1.5',
      '≤ 15 ms added',
      'no',
    ]);
    expect(row(lines, 'First card: a click')).toEqual([
      'First card: a click as the pointer reaches a highlight (seed page)',
      '30.0',
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      '≤ 50 ms to painted',
      'yes',
    ]);
    expect(lines.join('\n')).toContain('load average (1 minute) as these loads began and ended: 4.3 and 6.0');
  });
});
