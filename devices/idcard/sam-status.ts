import { resultCodeTable, type ResultCodeInfo, type ResultCodeRow } from '../util/result-codes.js';

/** What a SAM result code (SW3) means to the kiosk. */
export type SamStatusInfo = ResultCodeInfo;

/*
 * Card-side failures (card moved, worn, not an ID card) are `user` errors with action `clear`:
 * the citizen re-presents the card, or hall staff help. Authentication/verification failures
 * are `fraud` (a genuine card that fails them is rare) but still only need staff, not an
 * engineer. SAM failures need an engineer. Transmission errors are retried (`reset`).
 */

// prettier-ignore
const ROWS: readonly ResultCodeRow[] = [
  [0x90, 'success', 'ok', 'reset', 'operation succeeded'],
  [0x91, 'noContent', 'ok', 'reset', 'this item has no content on the card'],
  [0x9f, 'cardFound', 'ok', 'reset', 'find card succeeded'],
  [0x10, 'samReceivedBadChecksum', 'hardware', 'reset', 'checksum error in data from the terminal'],
  [0x11, 'samReceivedBadLength', 'hardware', 'reset', 'length error in data from the terminal'],
  [0x21, 'samCommandError', 'software', 'softwareError', 'command error (bad value or combination)'],
  [0x23, 'samPrivilegeViolation', 'software', 'softwareError', 'privilege violation'],
  [0x24, 'samUnrecognisedError', 'hardware', 'reset', 'unrecognised error'],
  [0x31, 'cardRejectedSam', 'user', 'clear', 'card failed to authenticate the SAM'],
  [0x32, 'samRejectedCard', 'fraud', 'clear', 'SAM failed to authenticate the card'],
  [0x33, 'cardVerificationFailed', 'fraud', 'clear', 'information verification error'],
  [0x40, 'unknownCardType', 'user', 'clear', 'unrecognised card type'],
  [0x41, 'readFailed', 'user', 'clear', 'read card operation failed'],
  [0x47, 'randomNumberFailed', 'user', 'clear', 'failed to get random number'],
  [0x60, 'samSelfTestFailed', 'hardware', 'maintenance', 'SAM self-test failed, accepts no commands'],
  [0x66, 'samNotAuthorised', 'hardware', 'maintenance', 'SAM not authorised, cannot be used'],
  [0x80, 'noCard', 'user', 'clear', 'find card failed (no card in the field)'],
  [0x81, 'selectFailed', 'user', 'clear', 'select card failed'],
];

const CODES = resultCodeTable(ROWS, { code: 'unknownSamStatus', label: 'unknown SW3' });

/** Every SW3 code of §1.4. */
export const SAM_STATUS: ReadonlyMap<number, SamStatusInfo> = CODES.table;

/** SW3 values with names, for code that tests for one specific result. */
export const SW3 = {
  success: 0x90,
  noContent: 0x91,
  cardFound: 0x9f,
  commandError: 0x21,
  readFailed: 0x41,
  samSelfTestFailed: 0x60,
  noCard: 0x80,
  selectFailed: 0x81,
  receivedBadChecksum: 0x10,
  receivedBadLength: 0x11,
} as const;

/** Looks up SW3; a code not in §1.4 is an `unknownSamStatus` hardware error. */
export function describeSamStatus(sw3: number): SamStatusInfo {
  return CODES.describe(sw3);
}
