import { describe, expect, it } from 'vitest';
import { coveredTime, type TraceEvent } from '../../bench/trace';

const span = (ts: number, dur: number): TraceEvent => ({
  name: 'V8.CompileCode',
  cat: 'v8',
  ph: 'X',
  ts,
  dur,
  pid: 1,
  tid: 1,
});

describe('coveredTime', () => {
  it.each([
    ['no spans', [], 0],
    ['one span inside', [span(10, 5)], 5],
    ['two apart', [span(10, 5), span(30, 10)], 15],
    ['nested: counted once', [span(10, 20), span(12, 3)], 20],
    ['overlapping', [span(10, 10), span(15, 10)], 15],
    ['out of order', [span(30, 10), span(10, 5)], 15],
    ['clipped at both ends', [span(-5, 10), span(95, 10)], 10],
    ['wholly outside', [span(-20, 10), span(100, 10)], 0],
  ] as const)('%s', (_, spans, expected) => {
    expect(coveredTime(spans, 0, 100)).toBe(expected);
  });
});
