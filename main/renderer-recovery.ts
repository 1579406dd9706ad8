import type { Clock } from './clock.js';
import type { RenderGoneReason } from './electron-facade.js';
import type { ShellLog } from './shell-log.js';

/*
 * Electron does not bring a dead renderer back: the window just stays blank (the classic "white
 * screen after three days"). This decides what to do when it dies or hangs; the shell performs it.
 */

/** What recovery can ask the shell to do with the kiosk window. */
export interface RecoveryActions {
  /** Reloads the page in the same window. */
  reload(): void;
  /** Replaces the window with a new one (after an out-of-memory death). */
  recreate(): void;
  /** Kills a hung renderer; its render-process-gone then comes back here. */
  killRenderer(): void;
  /** Shows the static out-of-service page. */
  showOutOfService(): void;
  /** Tries the app again after an out-of-service period. */
  retryApp(): void;
}

/** Thresholds of the recovery; every one has a default. */
export interface RecoveryTiming {
  /** This many renderer deaths … (default 3) */
  maxCrashes: number;
  /** … within this window trip the breaker (default 60 s); also how long a retry must survive. */
  windowMs: number;
  /** How long a page may stay unresponsive before it is killed (default 15 s). */
  hangGraceMs: number;
  /** While tripped, how often the app is tried again (default 2 min). */
  slowRetryMs: number;
}

/** Defaults of RecoveryTiming. */
export const DEFAULT_RECOVERY_TIMING: RecoveryTiming = {
  maxCrashes: 3,
  windowMs: 60_000,
  hangGraceMs: 15_000,
  slowRetryMs: 120_000,
};

/** Reacts to render-process-gone and unresponsive with reload, recreate or the breaker. */
export class RendererRecovery {
  private readonly timing: RecoveryTiming;
  private crashTimes: number[] = [];
  private tripped = false;
  private hangTimer: unknown;
  private retryTimer: unknown;
  private healthyTimer: unknown;

  constructor(
    private readonly actions: RecoveryActions,
    private readonly clock: Clock,
    private readonly log: ShellLog,
    timing: Partial<RecoveryTiming> = {},
  ) {
    this.timing = { ...DEFAULT_RECOVERY_TIMING, ...timing };
  }

  /** Whether the breaker is open (out-of-service page shown, slow retries running). */
  get isTripped(): boolean {
    return this.tripped;
  }

  /** The renderer process is gone. */
  onGone(reason: RenderGoneReason, exitCode: number): void {
    const now = this.clock.now();
    this.clearTimers();
    this.crashTimes = [...this.crashTimes.filter((at) => now - at < this.timing.windowMs), now];
    const recentCrashes = this.crashTimes.length;
    this.log.error('renderer.gone', { reason, exitCode, recentCrashes, tripped: this.tripped });
    if (!this.tripped && recentCrashes >= this.timing.maxCrashes) {
      this.tripped = true;
      this.log.error('renderer.crashLoop', { recentCrashes, retryInMs: this.timing.slowRetryMs });
    }
    if (this.tripped) {
      this.actions.showOutOfService();
      this.scheduleRetry();
    } else if (reason === 'oom') {
      this.actions.recreate();
    } else {
      this.actions.reload();
    }
  }

  /** The page stopped responding: give it a grace period, then kill it. */
  onUnresponsive(): void {
    if (this.hangTimer !== undefined) return;
    this.log.warn('renderer.unresponsive', { graceMs: this.timing.hangGraceMs });
    this.hangTimer = this.clock.setTimeout(() => {
      this.hangTimer = undefined;
      this.log.error('renderer.hung');
      this.actions.killRenderer();
    }, this.timing.hangGraceMs);
  }

  /** The page responds again. */
  onResponsive(): void {
    if (this.hangTimer === undefined) return;
    this.clock.clearTimeout(this.hangTimer);
    this.hangTimer = undefined;
    this.log.info('renderer.responsive');
  }

  /** Cancels pending timers (on quit). */
  dispose(): void {
    this.clearTimers();
  }

  private scheduleRetry(): void {
    this.retryTimer = this.clock.setTimeout(() => {
      this.log.info('renderer.retry');
      this.actions.retryApp();
      // The breaker closes only once a retry has survived a whole window.
      this.healthyTimer = this.clock.setTimeout(() => {
        this.tripped = false;
        this.crashTimes = [];
        this.log.info('renderer.recovered');
      }, this.timing.windowMs);
    }, this.timing.slowRetryMs);
  }

  private clearTimers(): void {
    for (const timer of [this.hangTimer, this.retryTimer, this.healthyTimer])
      if (timer !== undefined) this.clock.clearTimeout(timer);
    this.hangTimer = this.retryTimer = this.healthyTimer = undefined;
  }
}
