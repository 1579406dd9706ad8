import type { DeviceState, DeviceStatus, ErrorAction, ErrorKind } from '../../contract/index.js';
import type { CrtStatus } from './crt-replies.js';

/** A dispenser condition staff or engineers must know about. */
export type DispenserCondition =
  'cardJam' | 'stackerEmpty' | 'captureBinFull' | 'stackerLow' | 'captureBinHigh';

/** The contract's view of one condition. */
export interface DispenserConditionMapping {
  /** The device state it puts the dispenser in (online = a notice only). */
  readonly state: DeviceState;
  /** Who or what caused it. */
  readonly kind: ErrorKind;
  /** What a person must do. */
  readonly action: ErrorAction;
  /** Technician-facing text. */
  readonly description: string;
}

/**
 * Exhaustive condition → contract mapping. Stacker empty and bin full are hardwareError with
 * action `clear` (as paper out is for printers): staff fix them, and the service is unavailable
 * meanwhile — with a full bin an untaken ID card could not be secured. userError is kept for a
 * person interfering with the device. Low/high are notices while the device stays online.
 */
export function dispenserCondition(condition: DispenserCondition): DispenserConditionMapping {
  switch (condition) {
    case 'cardJam':
      return {
        state: 'hardwareError',
        kind: 'hardware',
        action: 'maintenance',
        description: 'card jam in the dispenser',
      };
    case 'stackerEmpty':
      return {
        state: 'hardwareError',
        kind: 'hardware',
        action: 'clear',
        description: 'card stacker empty: load cards',
      };
    case 'captureBinFull':
      return {
        state: 'hardwareError',
        kind: 'hardware',
        action: 'clear',
        description: 'capture bin full: empty it',
      };
    case 'stackerLow':
      return {
        state: 'online',
        kind: 'hardware',
        action: 'clear',
        description: 'card stacker low: load cards soon',
      };
    case 'captureBinHigh':
      return {
        state: 'online',
        kind: 'hardware',
        action: 'clear',
        description: 'capture bin nearly full: empty it soon',
      };
  }
}

/** The dispenser's status fields. */
export type DispenserFields = Pick<DeviceStatus, 'stacker' | 'captureBin' | 'cardPosition'>;

/** Status fields from the unit's status bytes and the estimated bin level. */
export function dispenserFields(status: CrtStatus, binHigh: boolean): DispenserFields {
  const fields: DispenserFields = {};
  if (status.stacker !== undefined) fields.stacker = status.stacker;
  if (status.cardPosition !== undefined) fields.cardPosition = status.cardPosition;
  if (status.captureBinFull !== undefined)
    fields.captureBin = status.captureBinFull ? 'full' : binHigh ? 'high' : 'ok';
  return fields;
}

/** The problem the fields show, most urgent first, or undefined when the dispenser can work. */
export function problemOf(fields: DispenserFields): DispenserCondition | undefined {
  if (fields.stacker === 'empty') return 'stackerEmpty';
  if (fields.captureBin === 'full') return 'captureBinFull';
  return undefined;
}
