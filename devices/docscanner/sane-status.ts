import { resultCodeTable, type ResultCodeInfo, type ResultCodeRow } from '../util/result-codes.js';

/** What a SANE_Status (or a scanimage failure) means to the kiosk. */
export type SaneStatusInfo = ResultCodeInfo;

/** SANE_Status values with names (sane/sane.h; WARMING_UP and HW_LOCKED since SANE 1.1). */
export const SANE_STATUS = {
  GOOD: 0,
  UNSUPPORTED: 1,
  CANCELLED: 2,
  DEVICE_BUSY: 3,
  INVAL: 4,
  EOF: 5,
  JAMMED: 6,
  NO_DOCS: 7,
  COVER_OPEN: 8,
  IO_ERROR: 9,
  NO_MEM: 10,
  ACCESS_DENIED: 11,
  WARMING_UP: 12,
  HW_LOCKED: 13,
} as const;

/** The name of a SANE status, e.g. "JAMMED". */
export type SaneStatusName = keyof typeof SANE_STATUS;

/*
 * Paper problems (jam, cover open) are front-line staff work: `clear`. An empty feeder is the
 * citizen's to fix (load the document): `user` + `clear`. I/O errors are retried first (`reset`)
 * and escalate to maintenance when they persist. Access denied is a permissions problem of the
 * kiosk image (scanner group, udev rule): `configuration`. EOF ends a frame in SANE; as the outcome
 * of a whole scan it means the device delivered no image data.
 */

// prettier-ignore
const ROWS: readonly ResultCodeRow[] = [
  [0, 'good', 'ok', 'reset', 'operation completed successfully'],
  [1, 'unsupported', 'software', 'configuration', 'operation not supported by this device'],
  [2, 'cancelled', 'user', 'clear', 'operation was cancelled'],
  [3, 'deviceBusy', 'hardware', 'reset', 'device busy (another program may be using it)'],
  [4, 'invalidArgument', 'software', 'configuration', 'invalid argument (unknown device or option value)'],
  [5, 'noImageData', 'hardware', 'reset', 'end of data before any image was delivered'],
  [6, 'paperJam', 'hardware', 'clear', 'document feeder jammed'],
  [7, 'noDocuments', 'user', 'clear', 'document feeder out of documents'],
  [8, 'coverOpen', 'hardware', 'clear', 'scanner cover is open'],
  [9, 'ioError', 'hardware', 'reset', 'error during device I/O'],
  [10, 'noMemory', 'software', 'reset', 'out of memory'],
  [11, 'accessDenied', 'software', 'configuration', 'access to the device was denied (permissions)'],
  [12, 'warmingUp', 'hardware', 'reset', 'lamp not ready, retry'],
  [13, 'hardwareLocked', 'hardware', 'maintenance', 'scanner mechanism locked for transport'],
];

const CODES = resultCodeTable(ROWS, { code: 'unknownSaneStatus', label: 'unknown SANE status' });

/** Every SANE_Status with its kiosk meaning. */
export const SANE_STATUS_INFO: ReadonlyMap<number, SaneStatusInfo> = CODES.table;

/** Looks up a SANE status number; unknown numbers are `unknownSaneStatus` hardware errors. */
export function describeSaneStatus(status: number): SaneStatusInfo {
  return CODES.describe(status);
}

/** The texts of sane_strstatus() in the C locale, by status (scanimage prints these). */
const STATUS_TEXT: ReadonlyMap<string, number> = new Map([
  ['success', 0],
  ['operation not supported', 1],
  ['operation was cancelled', 2],
  ['operation was canceled', 2],
  ['device busy', 3],
  ['invalid argument', 4],
  ['end of file reached', 5],
  ['document feeder jammed', 6],
  ['document feeder out of documents', 7],
  ['scanner cover is open', 8],
  ['error during device i/o', 9],
  ['out of memory', 10],
  ['access to resource has been denied', 11],
  ['lamp not ready, please retry', 12],
  ['scanner mechanism locked for transport', 13],
]);

/** The SANE status whose sane_strstatus() text is `text` (case-insensitive), if any. */
export function saneStatusFromText(text: string): number | undefined {
  return STATUS_TEXT.get(text.trim().replace(/\.$/, '').toLowerCase());
}

/** The SANE status named like "SANE_STATUS_JAMMED" or "JAMMED", if any. */
export function saneStatusFromName(name: string): number | undefined {
  const key = name.replace(/^SANE_STATUS_/, '') as SaneStatusName;
  return Object.hasOwn(SANE_STATUS, key) ? SANE_STATUS[key] : undefined;
}
