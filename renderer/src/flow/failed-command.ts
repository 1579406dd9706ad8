import type { CommandName, CommandResult } from '../../../contract/index.js';

/** Any outcome of a command but success. */
export type FailedResult = Exclude<CommandResult<CommandName>, { completionCode: 'success' }>;

/**
 * The code a failure screen shows for a failed command: the core's errorCode, else the completion
 * code; "connectionLost" when the answer never came, the rejection's status when it was refused.
 */
export function failureCode(result: FailedResult): string {
  if (result.kind === 'lost') return 'connectionLost';
  if (result.kind === 'rejected') return result.status;
  if (hasErrorCode(result.payload)) return result.payload.errorCode;
  return result.completionCode;
}

/** Whether a command's payload names a typed failure of the core (a non-empty errorCode). */
export function hasErrorCode(payload: unknown): payload is { errorCode: string } {
  return (
    typeof payload === 'object' &&
    payload !== null &&
    typeof (payload as { errorCode?: unknown }).errorCode === 'string' &&
    (payload as { errorCode: string }).errorCode !== ''
  );
}
