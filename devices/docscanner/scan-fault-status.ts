import type { DeviceState, FeederState } from '../../contract/index.js';

/** How a failed scan changes the device status. */
export interface FaultEffect {
  /** The device state to enter; absent = the state stays as it was. */
  readonly state?: DeviceState;
  /** Set when the failure shows the cover is open. */
  readonly cover?: 'open';
  /** Set when the failure shows the feeder is empty. */
  readonly feeder?: FeederState;
}

/*
 * A jam or an I/O error leaves the device unusable until someone acts: hardwareError. An open
 * cover is a person stopping the device: userError, with `cover: open`. An empty feeder is the
 * citizen's to fix and no device problem: `feeder: empty`, and online — the scanner answered, so
 * an earlier timeout's hardwareError is over. Busy, cancelled, bad options
 * and a missing image end this command only; the state stays. A successful scan clears it all.
 */
const EFFECTS: Readonly<Record<string, FaultEffect>> = {
  paperJam: { state: 'hardwareError' },
  coverOpen: { state: 'userError', cover: 'open' },
  noDocuments: { state: 'online', feeder: 'empty' },
  ioError: { state: 'hardwareError' },
  noMemory: { state: 'hardwareError' },
  hardwareLocked: { state: 'hardwareError' },
  unknownSaneStatus: { state: 'hardwareError' },
  scanimageFailed: { state: 'hardwareError' },
  timeOut: { state: 'hardwareError' },
  accessDenied: { state: 'offline' },
  notInstalled: { state: 'offline' },
  deviceNotFound: { state: 'noDevice' },
};

/** The status effect of a failure code (SANE or scanimage); unknown codes change nothing. */
export function faultEffect(code: string): FaultEffect {
  return Object.hasOwn(EFFECTS, code) ? (EFFECTS[code] ?? {}) : {};
}
