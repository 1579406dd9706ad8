import type { ErrorAction, ErrorKind } from '../../contract/index.js';

/** Why a transport could not open, or why it ended. */
export type TransportErrorCode =
  | 'badPortSpec'
  | 'portNotFound'
  | 'permissionDenied'
  | 'portBusy'
  | 'connectionRefused'
  | 'openFailed'
  | 'writeFailed'
  | 'disconnected'
  | 'noAnswer'
  | 'closed';

/** What a person must do about each transport failure, and whose fault it is. */
const TRANSPORT_ERROR_ACTIONS: Record<
  TransportErrorCode,
  { kind: ErrorKind; action: ErrorAction }
> = {
  badPortSpec: { kind: 'software', action: 'configuration' },
  portNotFound: { kind: 'hardware', action: 'configuration' },
  permissionDenied: { kind: 'software', action: 'configuration' },
  portBusy: { kind: 'software', action: 'configuration' },
  connectionRefused: { kind: 'hardware', action: 'configuration' },
  openFailed: { kind: 'hardware', action: 'maintenance' },
  writeFailed: { kind: 'hardware', action: 'reset' },
  disconnected: { kind: 'hardware', action: 'maintenance' },
  noAnswer: { kind: 'hardware', action: 'maintenance' },
  closed: { kind: 'software', action: 'reset' },
};

/** A failure of the byte transport itself (not of the device protocol on top of it). */
export class TransportError extends Error {
  /** Machine-readable reason, also used as the device status `reason`. */
  readonly code: TransportErrorCode;
  /** Who or what caused it. */
  readonly kind: ErrorKind;
  /** What a person must do about it. */
  readonly action: ErrorAction;

  constructor(code: TransportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransportError';
    this.code = code;
    this.kind = TRANSPORT_ERROR_ACTIONS[code].kind;
    this.action = TRANSPORT_ERROR_ACTIONS[code].action;
  }
}

/** Wraps anything thrown by an OS-level open into a TransportError with a code. */
export function classifyOpenError(error: unknown, where: string): TransportError {
  if (error instanceof TransportError) return error;
  // serialport's messages start with a redundant "Error: ".
  const message = (error instanceof Error ? error.message : String(error)).replace(/^Error: /, '');
  const errno = (error as { code?: unknown } | null)?.code;
  const code: TransportErrorCode =
    errno === 'ENOENT' || /no such file or directory/i.test(message)
      ? 'portNotFound'
      : errno === 'EACCES' || /permission denied/i.test(message)
        ? 'permissionDenied'
        : errno === 'EBUSY' || /cannot lock port|resource temporarily unavailable/i.test(message)
          ? 'portBusy'
          : errno === 'ECONNREFUSED'
            ? 'connectionRefused'
            : 'openFailed';
  return new TransportError(code, `${where}: ${message}`, { cause: error });
}
