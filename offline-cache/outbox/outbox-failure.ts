import type { ErrorAction } from '../../contract/device-status.js';
import { KeyProviderError } from '../crypto/key-provider.js';

/** Why the outbox refused or could not do something. */
export type OutboxFailureCode =
  | 'storageFull'
  | 'storageError'
  | 'queueFull'
  | 'invalidRequest'
  | 'keyUnavailable'
  | 'noSuchRequest'
  | 'notDeadLettered';

/** An expected outbox failure: machine-readable code, clear message, what a person must do. */
export interface OutboxFailure {
  /** Discriminant. */
  ok: false;
  /** Machine-readable reason. */
  code: OutboxFailureCode;
  /** Technician-facing text (never holds personal data). */
  message: string;
  /** What must happen before it can work. */
  action: ErrorAction;
}

/** Builds a failure value. */
export function outboxFailure(
  code: OutboxFailureCode,
  message: string,
  action: ErrorAction,
): OutboxFailure {
  return { ok: false, code, message, action };
}

/** The failure for a full disk or database size limit. */
export function storageFullFailure(): OutboxFailure {
  return outboxFailure(
    'storageFull',
    'the kiosk database cannot grow (disk full or size limit reached): nothing was written; ' +
      'new requests are refused until space is freed',
    'maintenance',
  );
}

/** SQLite result codes that mean the storage, not the program, is at fault. */
const STORAGE_CODES = /^SQLITE_(IOERR|CORRUPT|READONLY|CANTOPEN|NOTADB|BUSY|LOCKED|PROTOCOL)/;

/**
 * Turns an error thrown inside an outbox write into a typed failure when it is an expected one
 * (disk full, I/O error, missing key); anything else is a bug and is rethrown.
 */
export function toOutboxFailure(error: unknown): OutboxFailure {
  if (error instanceof KeyProviderError) {
    return outboxFailure('keyUnavailable', error.message, error.action);
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_FULL') return storageFullFailure();
  if (typeof code === 'string' && STORAGE_CODES.test(code)) {
    return outboxFailure(
      'storageError',
      `the kiosk database failed (${code}): ${(error as Error).message}`,
      'maintenance',
    );
  }
  throw error;
}
