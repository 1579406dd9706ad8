import type { UiTimeouts } from '../../contract/index.js';

/** Time and timers, injectable so tests never wait. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The browser's clock (monotonic, unaffected by wall-clock changes). */
export const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};

/** Used until the core has sent its own timeouts. */
export const DEFAULT_UI_TIMEOUTS: UiTimeouts = { idleMs: 60_000, countdownMs: 30_000 };

/** stopped: no session; watching: waiting for inactivity; countdown: "still there?"; expired. */
export type IdlePhase = 'stopped' | 'watching' | 'countdown' | 'expired';

/** The timer's state; secondsLeft counts only during the countdown. */
export interface IdleStatus {
  readonly phase: IdlePhase;
  readonly secondsLeft: number;
}

/** Options of an IdleTimer. */
export interface IdleTimerOptions {
  timeouts: UiTimeouts;
  clock: Clock;
  /** Told of every phase change and every second of the countdown. */
  onChange: (status: IdleStatus) => void;
  /** Called once when the countdown reaches zero. */
  onExpire: () => void;
}

/** Inactivity timer of a citizen session, then a visible countdown before it ends. */
export class IdleTimer {
  private status: IdleStatus = { phase: 'stopped', secondsLeft: 0 };
  private handle: unknown;
  private lastActivity = 0;
  private deadline = 0;

  constructor(private readonly options: IdleTimerOptions) {}

  /** The current status. */
  get current(): IdleStatus {
    return this.status;
  }

  /** Starts (or restarts) watching for inactivity. */
  start(): void {
    this.lastActivity = this.options.clock.now();
    this.set('watching', 0);
    this.armIdle();
  }

  /** The person touched or typed; only counts while watching (the countdown needs "continue"). */
  activity(): void {
    if (this.status.phase === 'watching') this.lastActivity = this.options.clock.now();
  }

  /** The person answered "continue" to the countdown. */
  stillHere(): void {
    if (this.status.phase === 'countdown') this.start();
  }

  /** Stops for good (the session ended some other way). */
  stop(): void {
    this.options.clock.clearTimeout(this.handle);
    this.set('stopped', 0);
  }

  // Activity only records a time; the timer re-arms itself when it fires early, so a burst of
  // touches costs nothing.
  private armIdle(): void {
    const { clock, timeouts } = this.options;
    const wait = this.lastActivity + timeouts.idleMs - clock.now();
    if (wait > 0) {
      this.schedule(() => this.armIdle(), wait);
      return;
    }
    this.deadline = clock.now() + timeouts.countdownMs;
    this.tick();
  }

  private tick(): void {
    const left = this.deadline - this.options.clock.now();
    if (left <= 0) {
      this.set('expired', 0);
      this.options.onExpire();
      return;
    }
    const secondsLeft = Math.ceil(left / 1000);
    this.set('countdown', secondsLeft);
    // Wake exactly when the displayed second changes, so the count never skips or stalls.
    this.schedule(() => this.tick(), left - (secondsLeft - 1) * 1000);
  }

  private schedule(fn: () => void, ms: number): void {
    this.options.clock.clearTimeout(this.handle);
    this.handle = this.options.clock.setTimeout(fn, ms);
  }

  private set(phase: IdlePhase, secondsLeft: number): void {
    if (phase === this.status.phase && secondsLeft === this.status.secondsLeft) return;
    this.status = { phase, secondsLeft };
    this.options.onChange(this.status);
  }
}
