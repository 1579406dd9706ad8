import type { CrtVariant } from './crt-variant.js';

/** Command type byte of every host → unit frame ('C'). */
export const CMT = 0x43;
/** Header of a positive reply ('P'). */
export const POSITIVE = 0x50;
/** Negative reply header 'N' (one implementation). */
export const NEGATIVE_N = 0x4e;
/** Negative reply header 'E' (another implementation). */
export const NEGATIVE_E = 0x45;

/** What initialise does with a card found in the channel (§4.2 `30 3x`). */
export type CrtInitMode = 'gate' | 'capture' | 'keep';

/** The commands the kiosk uses, as CM PM pairs (device-protocols.md §4.2). */
export const CRT_COMMANDS = {
  initToGate: [0x30, 0x30],
  initCapture: [0x30, 0x31],
  initKeep: [0x30, 0x33],
  initToGateResetCounter: [0x30, 0x34],
  initCaptureResetCounter: [0x30, 0x35],
  initKeepResetCounter: [0x30, 0x37],
  status: [0x31, 0x30],
  sensorStatus: [0x31, 0x31],
  moveToGate: [0x32, 0x30],
  moveToIc: [0x32, 0x31],
  moveToRf: [0x32, 0x32],
  capture: [0x32, 0x33],
  eject: [0x32, 0x39],
} as const satisfies Record<string, readonly [number, number]>;

/** The name of a known command. */
export type CrtCommandName = keyof typeof CRT_COMMANDS;

/** The init command for a mode; `resetCounter` picks the variant that also zeroes the capture counter [1]. */
export function initCommand(mode: CrtInitMode, resetCounter = false): CrtCommandName {
  switch (mode) {
    case 'gate':
      return resetCounter ? 'initToGateResetCounter' : 'initToGate';
    case 'capture':
      return resetCounter ? 'initCaptureResetCounter' : 'initCapture';
    case 'keep':
      return resetCounter ? 'initKeepResetCounter' : 'initKeep';
  }
}

/** The command that presents a card at the gate in this variant. */
export function presentCommand(variant: Pick<CrtVariant, 'presentCommand'>): CrtCommandName {
  return variant.presentCommand === 'hold' ? 'moveToGate' : 'eject';
}

/** The command that moves a card to the read position in this variant. */
export function readPositionCommand(variant: Pick<CrtVariant, 'readPosition'>): CrtCommandName {
  return variant.readPosition === 'rf' ? 'moveToRf' : 'moveToIc';
}

/** The name of a CM PM pair, if known. */
export function crtCommandName(cm: number, pm: number): CrtCommandName | undefined {
  for (const [name, [c, p]] of Object.entries(CRT_COMMANDS)) {
    if (c === cm && p === pm) return name as CrtCommandName;
  }
  return undefined;
}

/** True for the `30 3x` initialise commands. */
export function isInitCommand(cm: number): boolean {
  return cm === 0x30;
}
