/** An opaque handle returned by `Timers.setTimeout`. */
export type TimerHandle = unknown;

/**
 * The clock and timers a device object uses. Injected so that unit tests drive time by hand
 * (see testing/manual-timers.ts) instead of waiting for it.
 */
export interface Timers {
  /** Milliseconds on a monotonic-enough clock (only differences are used). */
  now(): number;
  /** Calls `callback` once after `ms` milliseconds. */
  setTimeout(callback: () => void, ms: number): TimerHandle;
  /** Cancels a timer; unknown or fired handles are ignored. */
  clearTimeout(handle: TimerHandle): void;
}

/** Node's own timers and `performance.now()`. */
export const realTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Resolves after `ms` milliseconds of the given clock. */
export function sleep(timers: Timers, ms: number): Promise<void> {
  return new Promise((resolve) => {
    timers.setTimeout(resolve, ms);
  });
}

/** Resolves after `ms` milliseconds of the given clock, or at once when `signal` aborts. */
export function pause(timers: Timers, ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      timers.clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = timers.setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
