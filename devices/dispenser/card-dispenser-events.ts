import type { DeviceStatus } from '../../contract/index.js';
import type { CommonDeviceEvents } from '../device/kiosk-device.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import type { CrtDriver } from './crt-driver.js';

/** Events of a CardDispenser. */
export interface CardDispenserEvents extends CommonDeviceEvents {
  /** A card waits at the gate: show "please take your card". */
  takeCard: { readonly takeTimeoutMs: number };
  /** The presented card was taken. */
  cardTaken: undefined;
  /** A card was captured into the bin: not taken in time, or the wait was cancelled. */
  cardCaptured: { readonly reason: 'timeout' | 'cancelled' };
}

/** What the dispenser holds, as the class commands report it. */
export type DispenserState = Pick<DeviceStatus, 'stacker' | 'captureBin' | 'cardPosition'>;

/** One connection to the unit. */
export interface DispenserSession {
  /** The port. */
  readonly transport: ByteTransport;
  /** The CRT link driver on it. */
  readonly driver: CrtDriver;
}
