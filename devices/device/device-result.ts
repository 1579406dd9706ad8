import type { ErrorAction, ErrorKind } from '../../contract/index.js';

/** A failed device command: a typed code, whose fault it is and what a person must do. */
export interface DeviceFailure {
  /** Machine-readable code, e.g. "timeOut", "cancelled", "paperOut", "noFinger". */
  readonly code: string;
  /** Who or what caused it. */
  readonly kind: ErrorKind;
  /** What a person must do about it. */
  readonly action: ErrorAction;
  /** Technician-facing text (no personal data). */
  readonly description: string;
}

/** The outcome of a device command: a value or a typed failure. Never thrown. */
export type DeviceResult<T, E extends DeviceFailure = DeviceFailure> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** A successful result. */
export function succeed<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** A failed result. */
export function failWith(
  code: string,
  kind: ErrorKind,
  action: ErrorAction,
  description: string,
): { readonly ok: false; readonly error: DeviceFailure } {
  return { ok: false, error: { code, kind, action, description } };
}
