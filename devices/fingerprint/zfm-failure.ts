import type { DeviceFailure, DeviceResult } from '../device/device-result.js';
import { describeZfmConfirmation } from './zfm-confirmation.js';

/** A failed ZFM exchange: the module's confirmation code, or a failure of the link below it. */
export interface ZfmFailure extends DeviceFailure {
  /** The confirmation code (§2.3) when the module answered; absent for link failures. */
  readonly confirmation?: number;
}

/** The outcome of one ZFM exchange. Never thrown. */
export type ZfmResult<T> = DeviceResult<T, ZfmFailure>;

/** A failed ZFM result. */
export type ZfmFailed = { readonly ok: false; readonly error: ZfmFailure };

/** Why the link (not the module) failed; a retry may help with every one of them. */
export const ZFM_LINK_FAILURES = [
  'timeout',
  'badChecksum',
  'badLength',
  'badPid',
  'unexpectedReply',
  'badTransfer',
  'writeFailed',
  'transportClosed',
] as const;

/** The code of a link failure. */
export type ZfmLinkFailureCode = (typeof ZFM_LINK_FAILURES)[number];

const LINK_CODES: ReadonlySet<string> = new Set(ZFM_LINK_FAILURES);

/** A link failure: hardware, retried by the device layer (action `reset`). */
export function linkFailure(code: ZfmLinkFailureCode, description: string): ZfmFailed {
  return { ok: false, error: { code, kind: 'hardware', action: 'reset', description } };
}

/** True for a failure of the link (no usable answer), false for the module's own answer. */
export function isLinkFailure(failure: DeviceFailure): boolean {
  return (failure as ZfmFailure).confirmation === undefined && LINK_CODES.has(failure.code);
}

/** The typed failure for a confirmation code the command does not accept (§2.3 table). */
export function confirmationFailure(command: string, confirmation: number): ZfmFailed {
  const info = describeZfmConfirmation(confirmation);
  const hex = confirmation.toString(16).padStart(2, '0').toUpperCase();
  const description = `${command}: confirmation ${hex} ${info.meaning}`;
  if (info.ok) {
    return {
      ok: false,
      error: {
        code: 'unexpectedConfirmation',
        kind: 'software',
        action: 'softwareError',
        confirmation,
        description,
      },
    };
  }
  const { code, kind, action } = info;
  return { ok: false, error: { code, kind, action, confirmation, description } };
}
