import { failWith } from '../device/device-result.js';
import type { DeviceResult } from '../device/device-result.js';
import type { DispenserStepRecord } from './card-dispenser-options.js';

/**
 * Runs a step with a physical effect between an intent and a result record (device-model.md:
 * transaction state for crash recovery). If the intent cannot be recorded the card does not
 * move: a move the core cannot reconcile after a crash is worse than no move.
 */
export async function journaled<T>(
  record: ((r: DispenserStepRecord) => void | Promise<void>) | undefined,
  id: string,
  step: string,
  run: () => Promise<DeviceResult<T>>,
  onResultLost: (message: string) => void,
): Promise<DeviceResult<T>> {
  if (record === undefined) return run();
  try {
    await record({ id, step, phase: 'intent' });
  } catch (error) {
    return failWith('journalFailed', 'software', 'softwareError', `${step}: ${String(error)}`);
  }
  const result = await run();
  try {
    await record({ id, step, phase: 'result', outcome: result.ok ? 'ok' : result.error.code });
  } catch (error) {
    onResultLost(String(error));
  }
  return result;
}
