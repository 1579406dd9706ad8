import { resultCodeTable, type ResultCodeInfo, type ResultCodeRow } from '../util/result-codes.js';

/** What a confirmation code (first byte of an ack payload) means to the kiosk. */
export type ZfmConfirmationInfo = ResultCodeInfo;

/*
 * Finger-side failures (no finger, poor image, no match, duplicate) are `user` errors with
 * action `clear`: the citizen places the finger again. Transfer and transient module failures
 * are retried (`reset`); flash and sensor faults need an engineer (`maintenance`). Codes that
 * only a wrong host sequence or a bad parameter can cause are `software`/`softwareError`;
 * those that a wrong address, password or empty library cause are `configuration`.
 */

// prettier-ignore
const ROWS: readonly ResultCodeRow[] = [
  [0x00, 'ok', 'ok', 'reset', 'OK'],
  [0x01, 'packetReceiveError', 'hardware', 'reset', 'packet receive error'],
  [0x02, 'noFinger', 'user', 'clear', 'no finger on sensor'],
  [0x03, 'captureFailed', 'user', 'clear', 'failed to capture / enroll finger'],
  [0x04, 'imageTooDry', 'user', 'clear', 'image over-disorderly (R30X library only)'],
  [0x05, 'imageTooWet', 'user', 'clear', 'image over-wet (R30X library only)'],
  [0x06, 'imageTooMessy', 'user', 'clear', 'image too disorderly to generate features'],
  [0x07, 'tooFewFeatures', 'user', 'clear', 'too few feature points / image too small / poor quality'],
  [0x08, 'noMatch', 'user', 'clear', 'fingers do not match'],
  [0x09, 'notFound', 'user', 'clear', 'no match found in library (PageID and score 0)'],
  [0x0a, 'combineFailed', 'user', 'clear', 'failed to combine char files'],
  [0x0b, 'pageIdOutOfRange', 'software', 'softwareError', 'PageID beyond library'],
  [0x0c, 'templateInvalid', 'software', 'softwareError', 'error reading template / template invalid'],
  [0x0d, 'templateUploadFailed', 'hardware', 'reset', 'error uploading template'],
  [0x0e, 'cannotReceiveData', 'hardware', 'reset', 'module cannot receive following data packets'],
  [0x0f, 'imageUploadFailed', 'hardware', 'reset', 'error uploading image'],
  [0x10, 'deleteFailed', 'hardware', 'reset', 'failed to delete template'],
  [0x11, 'clearLibraryFailed', 'hardware', 'reset', 'failed to clear library'],
  [0x13, 'wrongPassword', 'software', 'configuration', 'wrong password (try 00000000 and FFFFFFFF)'],
  [0x15, 'noValidImage', 'software', 'softwareError', 'no valid primary image'],
  [0x18, 'flashWriteError', 'hardware', 'maintenance', 'flash write error'],
  [0x19, 'undefinedError', 'hardware', 'reset', 'no definition error'],
  [0x1a, 'invalidRegister', 'software', 'softwareError', 'invalid register number'],
  [0x1b, 'badRegisterConfig', 'software', 'configuration', 'incorrect register configuration'],
  [0x1c, 'wrongNotepadPage', 'software', 'softwareError', 'wrong notepad page'],
  [0x1d, 'commPortFailed', 'hardware', 'reset', 'comm port operation failed'],
  [0x1f, 'libraryFull', 'software', 'maintenance', 'library full'],
  [0x20, 'wrongAddress', 'software', 'configuration', 'wrong address'],
  [0x21, 'passwordRequired', 'software', 'softwareError', 'password must be verified first'],
  [0x22, 'templateEmpty', 'software', 'softwareError', 'template empty'],
  [0x24, 'libraryEmpty', 'software', 'configuration', 'library empty'],
  [0x26, 'timeout', 'user', 'clear', 'timeout'],
  [0x27, 'alreadyEnrolled', 'user', 'clear', 'fingerprint already exists'],
  [0x29, 'sensorError', 'hardware', 'maintenance', 'sensor hardware error'],
  [0x41, 'secondScanError41', 'user', 'clear', 'second-scan error (R30X library only)'],
  [0x42, 'secondScanError42', 'user', 'clear', 'second-scan error (R30X library only)'],
  [0x43, 'secondScanError43', 'user', 'clear', 'second-scan error (R30X library only)'],
  [0x44, 'secondScanError44', 'user', 'clear', 'second-scan error (R30X library only)'],
  [0x45, 'duplicateFingerprint', 'user', 'clear', 'duplicate fingerprint on second scan (R30X library only)'],
  [0xfc, 'unsupportedCommand', 'software', 'softwareError', 'unsupported command'],
  [0xfd, 'hardwareError', 'hardware', 'maintenance', 'hardware error'],
  [0xfe, 'executionFailed', 'hardware', 'reset', 'execution failure'],
];

const CODES = resultCodeTable(ROWS, { code: 'unknownConfirmation', label: 'unknown confirmation' });

/** Every confirmation code of §2.3. */
export const ZFM_CONFIRMATIONS: ReadonlyMap<number, ZfmConfirmationInfo> = CODES.table;

/** Confirmation codes with names, for code that tests for one specific result. */
export const ZFM_CONFIRMATION = {
  ok: 0x00,
  packetReceiveError: 0x01,
  noFinger: 0x02,
  noMatch: 0x08,
  notFound: 0x09,
  wrongPassword: 0x13,
  passwordRequired: 0x21,
} as const;

/** Looks up a confirmation code; one not in §2.3 is an `unknownConfirmation` hardware error. */
export function describeZfmConfirmation(confirmation: number): ZfmConfirmationInfo {
  return CODES.describe(confirmation);
}
