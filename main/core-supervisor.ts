import type { Clock } from './clock.js';
import { classifyCoreLine, LineSplitter, type CoreEndpoint } from './core-output.js';
import type { ChildProcessHandle } from './electron-facade.js';
import { errorText, maskedText, type ShellLog } from './shell-log.js';

/** What the supervised core is doing. */
export type CoreState =
  | { kind: 'idle' }
  | { kind: 'starting'; attempt: number }
  | { kind: 'ready'; endpoint: CoreEndpoint }
  | { kind: 'restarting'; delayMs: number; recentCrashes: number }
  | { kind: 'crashLoop'; recentCrashes: number; retryInMs: number | undefined }
  | { kind: 'stopping' }
  | { kind: 'stopped'; reason: 'requested' | 'coreExitedCleanly' };

/** Timings of the supervisor; every one has a default. */
export interface SupervisorTiming {
  /** How long the core may take to log core.ready (default 30 s). */
  startTimeoutMs: number;
  /** First restart delay (default 0.5 s); doubles per consecutive crash. */
  initialBackoffMs: number;
  /** Longest restart delay (default 30 s). */
  maxBackoffMs: number;
  /** A run at least this long after ready resets the backoff (default 60 s). */
  stableAfterMs: number;
  /** This many crashes … (default 5) */
  crashLoopCount: number;
  /** … within this window stop the restarts (default 60 s). */
  crashLoopWindowMs: number;
  /** After a crash loop, one more try after this long (default 10 min; undefined = never). */
  crashLoopRetryMs: number | undefined;
  /** Time between SIGTERM and SIGKILL (default 5 s). */
  stopGraceMs: number;
}

/** Defaults of SupervisorTiming. */
export const DEFAULT_SUPERVISOR_TIMING: SupervisorTiming = {
  startTimeoutMs: 30_000,
  initialBackoffMs: 500,
  maxBackoffMs: 30_000,
  stableAfterMs: 60_000,
  crashLoopCount: 5,
  crashLoopWindowMs: 60_000,
  crashLoopRetryMs: 10 * 60_000,
  stopGraceMs: 5_000,
};

/** What the supervisor needs. */
export interface SupervisorOptions {
  /** Starts one core process (entry and environment already bound). */
  spawn: () => ChildProcessHandle;
  /** Time source. */
  clock: Clock;
  /** The shell's log; the core's lines are forwarded into it. */
  log: ShellLog;
  /** Called on every state change. */
  onState: (state: CoreState) => void;
  /** Overrides of the default timings. */
  timing?: Partial<SupervisorTiming>;
}

/**
 * Keeps the core running: start, wait for core.ready, restart with exponential backoff on crash,
 * give up after a crash loop (the window then shows the out-of-service page), stop on quit.
 */
export class CoreSupervisor {
  private readonly timing: SupervisorTiming;
  private current: CoreState = { kind: 'idle' };
  private child: ChildProcessHandle | undefined;
  private attempt = 0;
  private readyAt: number | undefined;
  private consecutiveCrashes = 0;
  private crashTimes: number[] = [];
  private timedOut: ChildProcessHandle | undefined;
  private startTimer: unknown;
  private killTimer: unknown;
  private retryTimer: unknown;
  private stopping: Promise<void> | undefined;
  private stopped: (() => void) | undefined;

  constructor(private readonly options: SupervisorOptions) {
    this.timing = { ...DEFAULT_SUPERVISOR_TIMING, ...options.timing };
  }

  /** The current state. */
  get state(): CoreState {
    return this.current;
  }

  /** Starts the core (no-op while it runs). */
  start(): void {
    if (this.current.kind !== 'idle' && this.current.kind !== 'stopped') return;
    this.stopping = undefined;
    this.consecutiveCrashes = 0;
    this.crashTimes = [];
    this.spawnCore();
  }

  /** Stops the core: SIGTERM, SIGKILL after the grace period; resolves once it is gone. */
  stop(): Promise<void> {
    if (this.stopping) return this.stopping;
    const { clock } = this.options;
    for (const timer of [this.startTimer, this.retryTimer]) clock.clearTimeout(timer);
    const child = this.child;
    if (!child) {
      this.setState({ kind: 'stopped', reason: 'requested' });
      this.stopping = Promise.resolve();
      return this.stopping;
    }
    this.setState({ kind: 'stopping' });
    this.stopping = new Promise<void>((resolve) => {
      // If even SIGKILL is not reported, quitting must not hang forever.
      const giveUp = clock.setTimeout(() => {
        this.options.log.error('core.stop.noExit', { pid: child.pid });
        this.finishStop();
      }, this.timing.stopGraceMs * 2);
      this.stopped = () => {
        clock.clearTimeout(giveUp);
        resolve();
      };
    });
    this.kill(child);
    return this.stopping;
  }

  private spawnCore(): void {
    const { clock, log } = this.options;
    this.attempt += 1;
    this.readyAt = undefined;
    this.setState({ kind: 'starting', attempt: this.attempt });
    let child: ChildProcessHandle;
    try {
      child = this.options.spawn();
    } catch (error) {
      log.error('core.spawn.failed', { error: errorText(error) });
      this.onCrash();
      return;
    }
    this.child = child;
    const out = new LineSplitter();
    const err = new LineSplitter();
    child.onStdout((chunk) => out.push(chunk).forEach((line) => this.onLine(child, line)));
    child.onStderr((chunk) => err.push(chunk).forEach((line) => this.onStderr(line)));
    child.onExit((code) => {
      const outRest = out.flush();
      if (outRest !== undefined) this.onLine(child, outRest);
      const errRest = err.flush();
      if (errRest !== undefined) this.onStderr(errRest);
      this.onExit(child, code);
    });
    this.startTimer = clock.setTimeout(() => {
      log.error('core.start.timeout', { timeoutMs: this.timing.startTimeoutMs, pid: child.pid });
      this.timedOut = child;
      this.kill(child);
    }, this.timing.startTimeoutMs);
    log.info('core.spawned', { pid: child.pid, attempt: this.attempt });
  }

  private onLine(child: ChildProcessHandle, line: string): void {
    const { log, clock } = this.options;
    const parsed = classifyCoreLine(line);
    if (parsed.kind === 'text') {
      if (line.trim() !== '') log.info('core.stdout', { text: maskedText(line) });
      return;
    }
    log.forward(line);
    if (child !== this.child || this.current.kind !== 'starting') return;
    if (parsed.kind === 'badReady') {
      log.error('core.ready.invalid', { reason: parsed.reason });
    } else if (parsed.kind === 'ready') {
      clock.clearTimeout(this.startTimer);
      this.readyAt = clock.now();
      this.setState({ kind: 'ready', endpoint: parsed.endpoint });
    }
  }

  private onStderr(line: string): void {
    if (line.trim() !== '') this.options.log.warn('core.stderr', { text: maskedText(line) });
  }

  private onExit(child: ChildProcessHandle, code: number | null): void {
    if (child !== this.child) return;
    const { clock, log } = this.options;
    this.child = undefined;
    clock.clearTimeout(this.startTimer);
    clock.clearTimeout(this.killTimer);
    if (this.current.kind === 'stopping') {
      log.info('core.stopped', { code });
      this.finishStop();
    } else if (code === 0 && child !== this.timedOut) {
      log.warn('core.exited', { code });
      this.setState({ kind: 'stopped', reason: 'coreExitedCleanly' });
    } else {
      const uptimeMs = this.readyAt === undefined ? undefined : clock.now() - this.readyAt;
      log.error('core.crashed', { code, uptimeMs });
      this.onCrash();
    }
  }

  private onCrash(): void {
    const { clock, log } = this.options;
    const t = this.timing;
    const now = clock.now();
    if (this.readyAt !== undefined && now - this.readyAt >= t.stableAfterMs)
      this.consecutiveCrashes = 0;
    this.readyAt = undefined;
    this.consecutiveCrashes += 1;
    this.crashTimes = [...this.crashTimes.filter((at) => now - at < t.crashLoopWindowMs), now];
    const recentCrashes = this.crashTimes.length;
    if (recentCrashes >= t.crashLoopCount) {
      log.error('core.crashLoop', { recentCrashes, retryInMs: t.crashLoopRetryMs });
      this.setState({ kind: 'crashLoop', recentCrashes, retryInMs: t.crashLoopRetryMs });
      if (t.crashLoopRetryMs !== undefined)
        this.retryAfter(t.crashLoopRetryMs, () => {
          this.crashTimes = [];
          this.consecutiveCrashes = 0;
        });
      return;
    }
    const delayMs = Math.min(
      t.initialBackoffMs * 2 ** (this.consecutiveCrashes - 1),
      t.maxBackoffMs,
    );
    this.setState({ kind: 'restarting', delayMs, recentCrashes });
    this.retryAfter(delayMs);
  }

  private retryAfter(ms: number, before?: () => void): void {
    this.retryTimer = this.options.clock.setTimeout(() => {
      before?.();
      this.spawnCore();
    }, ms);
  }

  private kill(child: ChildProcessHandle): void {
    child.terminate();
    this.options.clock.clearTimeout(this.killTimer);
    this.killTimer = this.options.clock.setTimeout(() => {
      this.options.log.warn('core.kill', { pid: child.pid, graceMs: this.timing.stopGraceMs });
      child.forceKill();
    }, this.timing.stopGraceMs);
  }

  private finishStop(): void {
    this.child = undefined;
    this.options.clock.clearTimeout(this.killTimer);
    this.setState({ kind: 'stopped', reason: 'requested' });
    this.stopped?.();
    this.stopped = undefined;
  }

  private setState(state: CoreState): void {
    this.current = state;
    this.options.onState(state);
  }
}
