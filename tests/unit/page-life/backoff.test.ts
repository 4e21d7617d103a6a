import { describe, expect, it } from 'vitest';
import { backoffDelay, RecentEvents } from '@/lib/page-life/backoff';

describe('backoffDelay', () => {
  it.each<[number, number, number, number]>([
    // base, max, recent, expected
    [1000, 30_000, 0, 1000],
    [1000, 30_000, 1, 2000],
    [1000, 30_000, 4, 16_000],
    [1000, 30_000, 5, 30_000],
    [1000, 30_000, 500, 30_000],
    [250, 30_000, 3, 2000],
  ])('base %i, max %i, %i recent: %i', (base, max, recent, expected) => {
    expect(backoffDelay(base, max, recent)).toBe(expected);
  });
});

describe('RecentEvents', () => {
  it.each<[string, number[], number, number]>([
    ['nothing yet', [], 0, 0],
    ['all within the memory', [0, 10, 20], 50, 3],
    ['the older ones forgotten', [0, 10, 60, 90], 110, 2],
    ['exactly the memory old is forgotten', [0], 100, 0],
    ['everything forgotten after a quiet spell', [0, 10, 20], 1000, 0],
  ])('%s', (_name, times, now, expected) => {
    const events = new RecentEvents(100);
    for (const time of times) events.record(time);
    expect(events.count(now)).toBe(expected);
  });
});
