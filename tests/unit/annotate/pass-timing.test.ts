import { describe, expect, it } from 'vitest';
import { PassClock } from '@/lib/annotate/pass-timing';

describe('PassClock', () => {
  it('counts only the pass’s own tasks, and its longest, not the page’s turns between them', () => {
    let now = 100;
    const clock = new PassClock(() => now);
    now += 4; // first task
    clock.time('collectMs', () => {
      now += 2;
    });
    clock.pause();
    now += 50; // the page's turn
    clock.resume();
    clock.time('wrapMs', () => {
      now += 7;
    });
    clock.viewportDrawn();
    clock.pause();
    now += 30;
    clock.resume();
    now += 1;
    const timing = clock.finish();
    expect(timing).toMatchObject({ busyMs: 14, tasks: 3, longestTaskMs: 7, collectMs: 2, wrapMs: 7, viewportMs: 63 });
    expect(clock.startedAt).toBe(100);
  });

  it('keeps the first time the viewport was drawn', () => {
    let now = 0;
    const clock = new PassClock(() => now);
    now = 5;
    clock.viewportDrawn();
    now = 9;
    clock.viewportDrawn();
    expect(clock.finish().viewportMs).toBe(5);
  });

  it('adds a phase’s time even when it throws', () => {
    let now = 0;
    const clock = new PassClock(() => now);
    expect(() =>
      clock.time('collectMs', () => {
        now += 3;
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(clock.timing.collectMs).toBe(3);
  });

  it('sums the answers to its requests: the time waited, and what the matching reported', () => {
    const clock = new PassClock(() => 0);
    clock.answered(4, { matcherMs: 3, matchMs: 1, figuresMs: 0.5 });
    clock.answered(2, { matcherMs: 0, matchMs: 2, figuresMs: 1 });
    clock.answered(7, undefined); // nobody answered
    expect(clock.timing).toMatchObject({ requests: 3, waitMs: 13, matcherMs: 3, matchMs: 3, figuresMs: 1.5 });
  });
});
