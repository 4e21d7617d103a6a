import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../harness/server';

// The benchmark is a script, not a timed test: this only checks that it runs and reports every case.
describe('npm run bench', () => {
  it('runs in quick mode and prints the table', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'tests/bench/bench.ts', '--quick'], {
      cwd: PROJECT_ROOT,
      timeout: 240_000,
    });
    for (const row of [
      '| 1. Seed article page',
      '| 2. ~100,000 characters',
      '| 3. Stress',
      '| 5. Page 2 with ten times',
    ]) {
      expect(stdout).toContain(row);
    }
    expect(stdout).toMatch(/Ten times the terms costs \d+\.\d+× the time/);
    // First runs: the engine in a fresh browser and the shipped extension's own measure.
    expect(stdout).toMatch(/\| 1\. Seed article page \| \d+\.\d \(\d+\.\d\) \| \d+ .*\| \d+\.\d \(\d+\.\d\) \|/);
    expect(stdout).toMatch(/\| 2\. ~100,000 characters \| \d+\.\d \(\d+\.\d\) \| \d+ .*\| \d+\.\d \(\d+\.\d\) \|/);
  }, 300_000);
});
