import { performance } from 'node:perf_hooks';

/**
 * The relay's two clocks. Delays, timeouts and retry times use `monotonicNow`, which only moves
 * forward at the rate of real time, so a kiosk clock that is wrong or jumps (NTP after a month
 * offline, a technician's fix) cannot stall or rush the relay; the wall clock is only reported.
 */
export interface SyncClock {
  /** Kiosk wall-clock time (for reports only). */
  wallNow(): Date;
  /** Milliseconds on a clock that never jumps (origin arbitrary, per process). */
  monotonicNow(): number;
}

/** Timer functions, injectable so tests drive time by hand. */
export interface SyncTimers {
  /** Calls `callback` after `ms` of monotonic time; returns a handle for clearTimeout. */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a timer (ignores an unknown or fired handle). */
  clearTimeout(handle: unknown): void;
}

/** Date and performance.now(). */
export const systemClock: SyncClock = {
  wallNow: () => new Date(),
  monotonicNow: () => performance.now(),
};

/** Node's timers (Node schedules them on a monotonic clock); unref'd: they keep nobody alive. */
export const systemTimers: SyncTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
