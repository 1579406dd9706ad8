import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { TimerHandle, Timers } from '../util/timers.js';
import { LineSplitter } from './scan-progress.js';

/** One bounded run of a program (no shell). */
export interface RunOptions {
  /** Program path or name looked up on PATH. */
  readonly file: string;
  /** Arguments, passed as is. */
  readonly args: readonly string[];
  /** Complete environment of the child. */
  readonly env: NodeJS.ProcessEnv;
  /** Working directory. Default the parent's. */
  readonly cwd?: string | undefined;
  /** Kills the child after this many milliseconds. */
  readonly timeoutMs: number;
  /** Kills the child when aborted. */
  readonly signal?: AbortSignal | undefined;
  /** Time between SIGTERM and SIGKILL. */
  readonly killGraceMs: number;
  /** Stdout kept in memory; more kills the child (`overflow`). */
  readonly maxStdoutBytes: number;
  /** Stderr lines kept (the newest). */
  readonly maxStderrLines: number;
  /** Receives each stdout line as it arrives (for line-oriented output). */
  readonly onStdoutLine?: ((line: string) => void) | undefined;
  /** Receives each stderr line as it arrives ("\r" also ends a line). */
  readonly onStderrLine?: ((line: string) => void) | undefined;
  /** Clock for the timeout and the kill grace. */
  readonly timers: Timers;
}

/** How a run ended. Never a thrown error. */
export interface RunOutcome {
  /** Exit status, or null when killed or not started. */
  readonly code: number | null;
  /** The signal that ended the child, if any. */
  readonly signal: string | null;
  /** errno code when the program could not be started (ENOENT, EACCES, …). */
  readonly spawnError?: string;
  /** Captured stdout (up to maxStdoutBytes). */
  readonly stdout: Buffer;
  /** The newest stderr lines, oldest first, each cut to 300 characters. */
  readonly stderr: readonly string[];
  /** True when the timeout killed the child. */
  readonly timedOut: boolean;
  /** True when the abort signal killed the child. */
  readonly aborted: boolean;
  /** True when stdout exceeded maxStdoutBytes and the child was killed. */
  readonly overflow: boolean;
}

/** How long output may still arrive after the program exited. */
const EXIT_DRAIN_MS = 500;

/** Sends `signal` to the child's process group (backends may start helpers), else the child. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

/** Runs a program to its end with a timeout, cancellation and bounded output capture. */
export function runProcess(o: RunOptions): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    const stderr: string[] = [];
    const outLines = new LineSplitter();
    const errLines = new LineSplitter();
    const state = { timedOut: false, aborted: false, overflow: false, done: false };
    let graceTimer: TimerHandle | undefined;
    const child = spawn(o.file, [...o.args], {
      env: o.env,
      cwd: o.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group, so that a kill reaches helpers the backend started.
      detached: true,
    });
    const stop = (): void => {
      killGroup(child, 'SIGTERM');
      graceTimer ??= o.timers.setTimeout(() => killGroup(child, 'SIGKILL'), o.killGraceMs);
    };
    const onAbort = (): void => {
      state.aborted = true;
      stop();
    };
    const timer = o.timers.setTimeout(() => {
      state.timedOut = true;
      stop();
    }, o.timeoutMs);
    const keepErr = (line: string): void => {
      stderr.push(line.slice(0, 300));
      if (stderr.length > o.maxStderrLines) stderr.shift();
      o.onStderrLine?.(line);
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > o.maxStdoutBytes) {
        if (!state.overflow) stop();
        state.overflow = true;
        return;
      }
      stdout.push(chunk);
      if (o.onStdoutLine !== undefined)
        outLines.push(chunk.toString('utf8')).forEach(o.onStdoutLine);
    });
    child.stderr?.on('data', (chunk: Buffer) =>
      errLines.push(chunk.toString('utf8')).forEach(keepErr),
    );
    const finish = (code: number | null, signal: string | null, spawnError?: string): void => {
      if (state.done) return;
      state.done = true;
      o.timers.clearTimeout(timer);
      if (graceTimer !== undefined) o.timers.clearTimeout(graceTimer);
      o.signal?.removeEventListener('abort', onAbort);
      if (o.onStdoutLine !== undefined) outLines.end().forEach(o.onStdoutLine);
      errLines.end().forEach(keepErr);
      resolve({
        code,
        signal,
        ...(spawnError !== undefined ? { spawnError } : {}),
        stdout: Buffer.concat(stdout),
        stderr,
        timedOut: state.timedOut,
        aborted: state.aborted,
        overflow: state.overflow,
      });
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (child.pid === undefined) finish(null, null, error.code ?? 'spawnFailed');
    });
    // 'close' waits for every holder of the pipes. A backend's forked reader can outlive
    // scanimage and keep them open (seen once under load: a finished scan reported as timeOut),
    // so once scanimage itself has exited, its group is killed and its status is used.
    child.on('exit', (code, signal) => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // The group is already gone.
        }
      }
      o.timers.setTimeout(() => finish(code, signal), EXIT_DRAIN_MS);
    });
    child.on('close', (code, signal) => finish(code, signal));
    if (o.signal?.aborted) onAbort();
    else o.signal?.addEventListener('abort', onAbort, { once: true });
  });
}
