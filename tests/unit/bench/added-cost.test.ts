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
    // The floor is paired by round: the empty content script's loads less those without, 1, 1, 2.
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
      // Differences 8, 1, 1 by round: +1.0, where the difference of the medians would say +3.0.
      '+1.0',
      '+0.5',
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
    expect(lines.join('\n')).toContain('(none: 3 pairs are too few)');
  });

  it("gives the floor's sign-test interval once there are pairs enough", () => {
    const nine = (...tasks: number[]) => loads(...tasks, ...tasks, ...tasks);
    const lines = addedCostTable({
      ...result,
      pages: [
        {
          page: { name: 'No article', path: '/a', targetMs: 2 },
          withExtension: nine(50, 50, 50),
          without: nine(40, 40, 40),
          emptyContentScript: nine(43, 41, 49),
        },
      ],
      loads: 9,
    });
    // Differences 3, 1, 9, three times over: median 3, the 2nd smallest and the 2nd largest around it.
    expect(row(lines, 'No article').slice(6, 8)).toEqual(['+3.0 (+1.0 to +9.0)', '+1.5 (+0.5 to +4.5)']);
    expect(lines.join('\n')).toContain('with 96% confidence (sign test)');
  });
});
