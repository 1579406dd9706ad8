import type { TimerHandle, Timers } from '../util/timers.js';
import { failWith } from './device-result.js';
import type { DeviceFailure, DeviceResult } from './device-result.js';

/** How a caller bounds one device command. */
export interface CommandLimits {
  /** Fails with `timeOut` after this many milliseconds. */
  readonly timeoutMs: number;
  /** Fails with `cancelled` when aborted (Common.Cancel, session end). */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Runs one device command with a timeout and cancellation (XFS4IoT: every command has both).
 * `work` receives a signal that fires on either, and should stop its device I/O when it does
 * (stop polling, send the protocol's cancel); its own result is then ignored. Never rejects: a
 * throw from `work` becomes a `softwareError` failure.
 */
export function runDeviceCommand<T>(
  name: string,
  timers: Timers,
  limits: CommandLimits,
  work: (signal: AbortSignal) => Promise<DeviceResult<T>>,
): Promise<DeviceResult<T>> {
  const controller = new AbortController();
  if (limits.signal?.aborted) return Promise.resolve(cancelled(name));
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: DeviceResult<T>): void => {
      if (settled) return;
      settled = true;
      timers.clearTimeout(timer);
      limits.signal?.removeEventListener('abort', onAbort);
      if (!result.ok) controller.abort(result.error);
      resolve(result);
    };
    const onAbort = (): void => finish(cancelled(name));
    const timer: TimerHandle = timers.setTimeout(
      () =>
        finish(
          failWith(
            'timeOut',
            'hardware',
            'reset',
            `${name}: no result within ${limits.timeoutMs} ms`,
          ),
        ),
      limits.timeoutMs,
    );
    limits.signal?.addEventListener('abort', onAbort, { once: true });
    work(controller.signal).then(finish, (error: unknown) =>
      finish(
        failWith(
          'softwareError',
          'software',
          'softwareError',
          `${name}: ${error instanceof Error ? error.message : String(error)}`,
        ),
      ),
    );
  });
}

function cancelled(name: string): { ok: false; error: DeviceFailure } {
  return failWith('cancelled', 'user', 'clear', `${name}: cancelled`);
}
