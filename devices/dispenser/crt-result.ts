import type { DeviceFailure, DeviceResult } from '../device/device-result.js';
import { describeCrtError } from './crt-errors.js';
import type { CrtFrame } from './crt-frame.js';
import { decodeCrtStatus, parseCrtText } from './crt-replies.js';
import type { CrtStatus } from './crt-replies.js';
import type { CrtVariant } from './crt-variant.js';

/** A failed CRT command; `errorCode` is the unit's e1 e0 when the unit itself refused. */
export interface CrtFailure extends DeviceFailure {
  /** The unit's two-character error code (negative reply), if any. */
  readonly errorCode?: string;
}

/** The result of one CRT command. */
export type CrtResult<T> = DeviceResult<T, CrtFailure>;

/** A positive reply. */
export interface CrtReply {
  /** The status bytes, decoded; undefined when the reply carried none. */
  readonly status: CrtStatus | undefined;
  /** Data after the status bytes. */
  readonly data: Uint8Array;
}

/** A link-level failure (no ACK, NAK, timeout, closed port): hardware, action reset. */
export function linkFailure(code: string, description: string): { ok: false; error: CrtFailure } {
  return { ok: false, error: { code, kind: 'hardware', action: 'reset', description } };
}

/** Maps a reply frame to the command's result: positive → status, negative → typed failure. */
export function replyResult(
  frame: CrtFrame,
  name: string,
  variant: Pick<CrtVariant, 'st2Inverted'>,
): CrtResult<CrtReply> {
  const text = parseCrtText(frame.text);
  if (text?.kind === 'positive') {
    const status = text.status === undefined ? undefined : decodeCrtStatus(text.status, variant);
    return { ok: true, value: { status, data: text.data } };
  }
  if (text?.kind !== 'negative')
    return linkFailure('unexpectedReply', `${name}: reply is not positive or negative`);
  const info = describeCrtError(text.errorCode);
  const error: CrtFailure = {
    code: info.code,
    kind: info.kind,
    action: info.action,
    errorCode: text.errorCode,
    description: `${name}: error ${JSON.stringify(text.errorCode)} ${info.meaning}`,
  };
  return { ok: false, error };
}
