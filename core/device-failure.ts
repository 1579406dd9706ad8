import type { CompletionCode } from '../contract/index.js';
import type { DeviceFailure } from '../devices/index.js';

/** The completion code for a device failure, from whose fault it is (timeouts and cancels by name). */
export function completionFor(error: DeviceFailure): Exclude<CompletionCode, 'success'> {
  if (error.code === 'timeOut') return 'timeOut';
  if (error.code === 'cancelled' || error.code === 'canceled') return 'canceled';
  if (error.kind === 'user') return 'userError';
  if (error.kind === 'software') return 'internalError';
  return 'hardwareError';
}
