import type { ErrorAction } from '../../contract/index.js';

/** A typed failure of printing code: machine-readable code, technician text, what to do. */
export interface PrintingFailure<C extends string = string> {
  /** Machine-readable code, e.g. "fontNotFound", "missingGlyphs". */
  readonly code: C;
  /** Technician-facing text; never contains personal data (names, ID numbers, their characters). */
  readonly message: string;
  /** What a person must do about it. */
  readonly action: ErrorAction;
}

/** A value or a typed failure, never thrown (same shape as the devices' DeviceResult). */
export type PrintingResult<T, C extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: PrintingFailure<C> };

/** Why fonts could not be made ready. */
export type FontFailureCode = 'fontNotFound' | 'fontUnreadable';

/** A successful result. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** A failed result. */
export function fail<C extends string>(
  code: C,
  action: ErrorAction,
  message: string,
): { readonly ok: false; readonly error: PrintingFailure<C> } {
  return { ok: false, error: { code, action, message } };
}
