import type { TimerHandle, Timers } from '../util/timers.js';

interface Scheduled {
  readonly at: number;
  readonly seq: number;
  readonly callback: () => void;
  readonly handle: object;
}

/** Lets promise callbacks, microtasks and I/O-free async chains run to quiescence. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Timers driven by hand, for unit tests that must not wait for real time. `advance(ms)` fires
 * due timers in order, letting async work settle between them.
 */
export class ManualTimers implements Timers {
  private time = 0;
  private seq = 0;
  private scheduled: Scheduled[] = [];

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const handle = {};
    this.scheduled.push({ at: this.time + Math.max(0, ms), seq: this.seq++, callback, handle });
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.scheduled = this.scheduled.filter((s) => s.handle !== handle);
  }

  /** Number of timers waiting. */
  get pending(): number {
    return this.scheduled.length;
  }

  /** Moves the clock forward by `ms`, firing every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const next = this.scheduled
        .filter((s) => s.at <= end)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (next === undefined) break;
      this.scheduled = this.scheduled.filter((s) => s !== next);
      this.time = next.at;
      next.callback();
    }
    this.time = end;
    await settle();
  }

  /** Advances in `stepMs` steps until `condition()` holds; throws after `maxMs` of fake time. */
  async advanceUntil(condition: () => boolean, maxMs = 60_000, stepMs = 50): Promise<void> {
    for (let spent = 0; !condition(); spent += stepMs) {
      if (spent >= maxMs) throw new Error(`condition not met within ${maxMs} ms of fake time`);
      await this.advance(stepMs);
    }
  }
}
