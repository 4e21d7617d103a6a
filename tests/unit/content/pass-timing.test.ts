import { describe, expect, it } from 'vitest';
import { PassClock } from '@/lib/content/pass-timing';

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
      clock.time('matchMs', () => {
        now += 3;
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(clock.timing.matchMs).toBe(3);
  });

  it('counts a phase timed inside another as the inner one’s only', () => {
    let now = 0;
    const clock = new PassClock(() => now);
    clock.time('matchMs', () => {
      now += 2;
      clock.time('figuresMs', () => {
        now += 5;
      });
      now += 1;
    });
    clock.time('matchMs', () => {
      now += 4;
    });
    expect(clock.timing).toMatchObject({ matchMs: 7, figuresMs: 5 });
  });
});
