import { describe, expect, it } from 'vitest';
import { IdleTimer, type IdleStatus } from './idle-timer.js';
import { FakeClock } from './test/fake-clock.js';

function setup(idleMs = 60_000, countdownMs = 10_000) {
  const clock = new FakeClock();
  const changes: IdleStatus[] = [];
  let expired = 0;
  const timer = new IdleTimer({
    timeouts: { idleMs, countdownMs },
    clock,
    onChange: (s) => changes.push(s),
    onExpire: () => expired++,
  });
  return { clock, timer, changes, expired: () => expired };
}

describe('IdleTimer', () => {
  it('counts down after idleMs of inactivity, second by second, then expires once', () => {
    const { clock, timer, changes, expired } = setup();
    timer.start();
    clock.advance(59_999);
    expect(timer.current.phase).toBe('watching');
    clock.advance(1);
    expect(timer.current).toEqual({ phase: 'countdown', secondsLeft: 10 });
    clock.advance(1_000);
    expect(timer.current.secondsLeft).toBe(9);
    clock.advance(8_999);
    expect(timer.current.secondsLeft).toBe(1);
    expect(expired()).toBe(0);
    clock.advance(1);
    expect(timer.current.phase).toBe('expired');
    expect(expired()).toBe(1);
    clock.advance(120_000);
    expect(expired()).toBe(1);
    const seconds = changes.filter((c) => c.phase === 'countdown').map((c) => c.secondsLeft);
    expect(seconds).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('activity while watching postpones the countdown by a full idleMs', () => {
    const { clock, timer } = setup();
    timer.start();
    clock.advance(50_000);
    timer.activity();
    clock.advance(50_000);
    expect(timer.current.phase).toBe('watching');
    clock.advance(10_000);
    expect(timer.current.phase).toBe('countdown');
  });

  it('activity during the countdown does not dismiss it; stillHere() does', () => {
    const { clock, timer, expired } = setup();
    timer.start();
    clock.advance(65_000);
    timer.activity();
    expect(timer.current).toEqual({ phase: 'countdown', secondsLeft: 5 });
    timer.stillHere();
    expect(timer.current.phase).toBe('watching');
    clock.advance(59_000);
    expect(timer.current.phase).toBe('watching');
    expect(expired()).toBe(0);
  });

  it('stop() cancels everything', () => {
    const { clock, timer, expired } = setup();
    timer.start();
    clock.advance(65_000);
    timer.stop();
    clock.advance(3_600_000);
    expect(timer.current.phase).toBe('stopped');
    expect(expired()).toBe(0);
  });

  it('a countdown that is not a whole number of seconds shows the rounded-up seconds', () => {
    const { clock, timer, expired } = setup(1_000, 2_500);
    timer.start();
    clock.advance(1_000);
    expect(timer.current.secondsLeft).toBe(3);
    clock.advance(500);
    expect(timer.current.secondsLeft).toBe(2);
    clock.advance(2_000);
    expect(expired()).toBe(1);
  });
});
