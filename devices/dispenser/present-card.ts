import type { CardPosition } from '../../contract/index.js';
import type { CommandLimits } from '../device/device-command.js';
import { succeed } from '../device/device-result.js';
import type { DeviceResult } from '../device/device-result.js';
import { pause, type Timers } from '../util/timers.js';

/** Limits of presentAndWaitForTake. */
export interface PresentLimits extends CommandLimits {
  /** How long the citizen has to take the card before it is captured. Default the device option. */
  readonly takeTimeoutMs?: number;
}

/** How a presentation ended: the citizen took the card, or it went to the capture bin. */
export type PresentOutcome = 'taken' | 'captured';

/** What waiting for the take needs from the device. */
export interface TakeWait {
  /** Clock and timers. */
  readonly timers: Timers;
  /** Fires on cancel or command timeout: capture at once. */
  readonly signal: AbortSignal;
  /** Time to take the card. */
  readonly takeTimeoutMs: number;
  /** Pause between two status reads. */
  readonly pollIntervalMs: number;
  /** Reads where the card is. */
  position(): Promise<DeviceResult<CardPosition | undefined>>;
  /** Captures the card into the bin. */
  capture(): Promise<DeviceResult<unknown>>;
  /** The card was taken. */
  taken(): void;
  /** The card was captured. */
  captured(reason: 'timeout' | 'cancelled'): void;
}

/**
 * Media lifecycle (device-model.md): presented → taken, or captured after a timeout. Also
 * captures when the command is cancelled or times out, so an ID card is never left in the gate
 * for the next person. Failed status reads are retried until the take timeout.
 */
export async function waitForTake(w: TakeWait): Promise<DeviceResult<PresentOutcome>> {
  const deadline = w.timers.now() + w.takeTimeoutMs;
  for (;;) {
    await pause(w.timers, w.pollIntervalMs, w.signal);
    const where = await w.position();
    if (where.ok && where.value === 'none') {
      w.taken();
      return succeed('taken');
    }
    // The port is gone: nothing can be done here; the reconnect waits behind this step.
    if (!where.ok && where.error.code === 'transportClosed') return where;
    if (w.signal.aborted) return captureNow(w, 'cancelled');
    if (w.timers.now() >= deadline) return captureNow(w, 'timeout');
  }
}

async function captureNow(
  w: TakeWait,
  reason: 'timeout' | 'cancelled',
): Promise<DeviceResult<PresentOutcome>> {
  const result = await w.capture();
  if (!result.ok) return result;
  w.captured(reason);
  return succeed('captured');
}
