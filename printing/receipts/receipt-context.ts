/**
 * What every receipt template takes besides its own data: the kiosk that prints it and the width
 * of its paper, and the typed error for data a template cannot lay out.
 */

/** The kiosk a receipt is printed at. */
export interface ReceiptKiosk {
  /** Kiosk id registered with the central platform, e.g. "FS-CHANCHENG-0042". */
  readonly kioskId: string;
  /** Service hall name as it should be printed in the header, e.g. "禅城区行政服务中心". */
  readonly hallName?: string;
  /** Hall enquiry phone printed in the next-steps line, e.g. "0757-12345". */
  readonly hallPhone?: string;
}

/** Paper layout of a receipt. */
export interface ReceiptLayout {
  /** Characters per line in font A: 48 on 80 mm, 42 on narrow-font 80 mm, 32 on 58 mm. */
  readonly columns: number;
}

/** Default layout: 42 columns fits both 42- and 48-column printers. */
export const DEFAULT_RECEIPT_LAYOUT: ReceiptLayout = { columns: 42 };

/** Narrowest and widest paper a template lays out for (58 mm … 80 mm in a small font). */
export const RECEIPT_COLUMNS = { min: 32, max: 64 } as const;

/** Why a template refused its data. */
export type ReceiptDataErrorCode =
  'missingValue' | 'invalidTime' | 'invalidCount' | 'invalidQrPayload' | 'invalidColumns';

/**
 * Data a template cannot lay out: a programming error of the caller (the core builds the data),
 * so it is thrown, with a machine-readable code and the action a device failure would carry.
 */
export class ReceiptDataError extends Error {
  /** Always 'softwareError': the data, not the citizen or the device, must change. */
  readonly action = 'softwareError' as const;

  constructor(
    /** Machine-readable reason. */
    readonly code: ReceiptDataErrorCode,
    /** The data field at fault, e.g. "acceptedAt". */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ReceiptDataError';
  }
}

/** The layout's column count, checked against RECEIPT_COLUMNS. */
export function checkedColumns(layout: ReceiptLayout): number {
  const { columns } = layout;
  if (!Number.isInteger(columns) || columns < RECEIPT_COLUMNS.min || columns > RECEIPT_COLUMNS.max)
    throw new ReceiptDataError(
      'invalidColumns',
      'columns',
      `must be an integer in ${RECEIPT_COLUMNS.min}..${RECEIPT_COLUMNS.max}, got ${columns}`,
    );
  return columns;
}

/** A whole count ≥ `min` (pages, documents, hours), else ReceiptDataError. */
export function checkedCount(field: string, value: number, min = 1): number {
  if (!Number.isInteger(value) || value < min || value > 100_000)
    throw new ReceiptDataError('invalidCount', field, `must be an integer ≥ ${min}, got ${value}`);
  return value;
}

/** A text that must print something (a code, an id, a masked name), trimmed; else an error. */
export function checkedText(field: string, value: string): string {
  const text = value.trim();
  if (text === '') throw new ReceiptDataError('missingValue', field, 'must not be empty');
  return text;
}
