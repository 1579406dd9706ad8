import { resultCodeTable } from '../util/result-codes.js';
import type { ResultCodeInfo, ResultCodeRow } from '../util/result-codes.js';

/**
 * The CRT-591 error codes e1 e0 (two ASCII hex characters, §4.2) [1]. Rows are keyed by the
 * characters read as hex ("10" → 0x10, "A0" → 0xA0). `clear` = front-line staff can fix it
 * (add cards, empty the bin); `maintenance` = an engineer; `reset` = re-initialise and retry.
 */
const ROWS: readonly ResultCodeRow[] = [
  [0x00, 'undefinedCommand', 'software', 'softwareError', 'undefined command'],
  [0x01, 'parameterError', 'software', 'softwareError', 'command parameter error'],
  [0x02, 'sequenceError', 'software', 'reset', 'command sequence error'],
  [0x03, 'notSupported', 'software', 'configuration', 'not supported by this hardware'],
  [0x04, 'dataError', 'software', 'softwareError', 'command data error'],
  [0x05, 'icContactError', 'hardware', 'maintenance', 'IC contact problem'],
  [0x10, 'cardJam', 'hardware', 'maintenance', 'card jam'],
  [0x12, 'sensorError', 'hardware', 'maintenance', 'sensor error'],
  [0x13, 'cardTooLong', 'hardware', 'maintenance', 'card too long'],
  [0x14, 'cardTooShort', 'hardware', 'maintenance', 'card too short'],
  [0x40, 'captureDisabled', 'hardware', 'configuration', 'recycling (capture) disabled'],
  [0x41, 'railError', 'hardware', 'maintenance', 'magnetic head rail error'],
  [0x43, 'positionDisabled', 'hardware', 'configuration', 'move to this position disabled'],
  [0x45, 'cardMovedManually', 'user', 'reset', 'card moved by hand'],
  [0x50, 'counterOverflow', 'hardware', 'reset', 'capture counter overflow'],
  [0x51, 'motorError', 'hardware', 'maintenance', 'motor error'],
  [0x60, 'cardPowerShort', 'hardware', 'maintenance', 'card power short circuit'],
  [0x61, 'cardActivationFailed', 'hardware', 'reset', 'card activation failed'],
  ...[0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69].map((value): ResultCodeRow => [
    value,
    'icCardError',
    'hardware',
    'reset',
    'IC/CPU card error',
  ]),
  [0xa0, 'stackerEmpty', 'hardware', 'clear', 'card stacker empty'],
  [0xa1, 'captureBinFull', 'hardware', 'clear', 'capture (error) bin full'],
  [0xb0, 'resetRequired', 'hardware', 'reset', 'initialise required'],
];

const { describe } = resultCodeTable(ROWS, { code: 'deviceError', label: 'CRT error code' });

/** What an e1 e0 error code means; unknown or non-hex codes are hardware errors with action reset. */
export function describeCrtError(code: string): ResultCodeInfo & { ok: false } {
  const value = /^[0-9A-F]{2}$/i.test(code) ? parseInt(code, 16) : -1;
  const info = value < 0 ? unknownCode(code) : describe(value);
  if (info.ok) return unknownCode(code);
  return info;
}

function unknownCode(code: string): ResultCodeInfo & { ok: false } {
  return {
    ok: false,
    code: 'deviceError',
    kind: 'hardware',
    action: 'reset',
    meaning: `CRT error code ${JSON.stringify(code)}`,
  };
}
