/**
 * Decoders for ESC/POS status bytes (device-protocols.md §3.5–3.6): DLE EOT n real-time
 * replies and GS a Automatic Status Back blocks, and their mapping to the contract's
 * state/action vocabulary. Pure, no I/O; the stream demultiplexer is in escpos-status-demux.
 */
import type { DeviceState, ErrorAction } from '../../contract/index.js';
import type { RealtimeQuery } from './escpos-commands.js';

export type { RealtimeQuery };

/** Every status flag a printer can report; a reply sets only the flags its query covers. */
export interface EscPosFlags {
  /** Drawer kick-out connector pin 3 is HIGH. */
  drawerPinHigh: boolean;
  /** The printer is offline. */
  offline: boolean;
  /** Waiting for online recovery after an error. */
  waitingOnlineRecovery: boolean;
  /** The paper-feed button is pressed. */
  feedButtonPressed: boolean;
  /** The cover is open. */
  coverOpen: boolean;
  /** Paper is being fed by the FEED button. */
  feedingByButton: boolean;
  /** Printing stopped because of paper end. */
  paperEndStop: boolean;
  /** An error occurred (cause via DLE EOT 3). */
  errorOccurred: boolean;
  /** Recoverable / mechanical error (model dependent, e.g. Citizen black-mark error). */
  mechanicalError: boolean;
  /** Auto-cutter error (recover with DLE ENQ after clearing the jam). */
  cutterError: boolean;
  /** Unrecoverable error. */
  unrecoverableError: boolean;
  /** Auto-recoverable error, e.g. head over-temperature. */
  autoRecoverableError: boolean;
  /** Roll paper near end. */
  paperNearEnd: boolean;
  /** Roll paper end (no paper). */
  paperOut: boolean;
}

/** How two-bit paper-sensor fields are read: §3.5 says "both bits 1"; some firmware sets one. */
export type PaperBitRule = 'both' | 'either';

/** Options of the decoders. */
export interface StatusDecodeOptions {
  /** Rule for the two-bit paper fields; default 'both'. */
  readonly paperBits?: PaperBitRule;
}

const REALTIME_MASK = 0x93;
/** Fixed bits of a DLE EOT reply: `0xx1xx10`. */
export const REALTIME_PATTERN = 0x12;
/** Fixed bits of an ASB first byte: `0xx1xx00`. */
export const ASB_FIRST_PATTERN = 0x10;

/** Whether a byte has the fixed bits of a DLE EOT reply. */
export const isRealtimeReply = (byte: number): boolean =>
  (byte & REALTIME_MASK) === REALTIME_PATTERN;
/** Whether a byte has the fixed bits of an ASB block's first byte. */
export const isAsbFirstByte = (byte: number): boolean =>
  (byte & REALTIME_MASK) === ASB_FIRST_PATTERN;
/** Whether a byte can be ASB byte 2–4 (bit 4 = 0). */
export const isAsbTailByte = (byte: number): boolean => (byte & 0x10) === 0;

const bit = (byte: number, n: number): boolean => ((byte >> n) & 1) === 1;
const pair = (byte: number, lo: number, rule: PaperBitRule): boolean =>
  rule === 'both' ? bit(byte, lo) && bit(byte, lo + 1) : bit(byte, lo) || bit(byte, lo + 1);

/** Decodes one DLE EOT n reply byte into the flags that query covers (fixed bits not checked). */
export function decodeRealtimeStatus(
  query: RealtimeQuery,
  byte: number,
  options: StatusDecodeOptions = {},
): Partial<EscPosFlags> {
  switch (query) {
    case 1:
      return {
        drawerPinHigh: bit(byte, 2),
        offline: bit(byte, 3),
        waitingOnlineRecovery: bit(byte, 5),
        feedButtonPressed: bit(byte, 6),
      };
    case 2:
      return {
        coverOpen: bit(byte, 2),
        feedingByButton: bit(byte, 3),
        paperEndStop: bit(byte, 5),
        errorOccurred: bit(byte, 6),
      };
    case 3:
      return {
        mechanicalError: bit(byte, 2),
        cutterError: bit(byte, 3),
        unrecoverableError: bit(byte, 5),
        autoRecoverableError: bit(byte, 6),
      };
    case 4: {
      const rule = options.paperBits ?? 'both';
      return { paperNearEnd: pair(byte, 2, rule), paperOut: pair(byte, 5, rule) };
    }
  }
}

/** Decodes a 4-byte ASB block (fixed bits not checked; byte 4 is model dependent, ignored). */
export function decodeAsb(
  block: ArrayLike<number>,
  options: StatusDecodeOptions = {},
): EscPosFlags {
  const [b1 = 0, b2 = 0, b3 = 0] = Array.from(block);
  const rule = options.paperBits ?? 'both';
  return {
    drawerPinHigh: bit(b1, 2),
    offline: bit(b1, 3),
    coverOpen: bit(b1, 5),
    feedingByButton: bit(b1, 6),
    waitingOnlineRecovery: bit(b2, 0),
    feedButtonPressed: bit(b2, 1),
    mechanicalError: bit(b2, 2),
    cutterError: bit(b2, 3),
    unrecoverableError: bit(b2, 5),
    autoRecoverableError: bit(b2, 6),
    errorOccurred: bit(b2, 2) || bit(b2, 3) || bit(b2, 5) || bit(b2, 6),
    paperNearEnd: pair(b3, 0, rule),
    paperOut: pair(b3, 2, rule),
    paperEndStop: pair(b3, 2, rule),
  };
}

/** A condition worth reporting; each maps to a device state and, if needed, an action. */
export type PrinterCondition =
  | 'offline'
  | 'waitingOnlineRecovery'
  | 'coverOpen'
  | 'paperOut'
  | 'paperNearEnd'
  | 'feeding'
  | 'cutterError'
  | 'mechanicalError'
  | 'unrecoverableError'
  | 'autoRecoverableError'
  | 'unspecifiedError';

/** The contract's view of one condition. */
export interface ConditionMapping {
  /** The device state the condition puts the printer in. */
  readonly state: DeviceState;
  /** What a person must do; undefined when nothing (warning or transient). */
  readonly action: ErrorAction | undefined;
}

/** Exhaustive condition → contract mapping (adding a condition fails to compile until mapped). */
export function conditionMapping(condition: PrinterCondition): ConditionMapping {
  switch (condition) {
    case 'coverOpen':
      return { state: 'userError', action: 'clear' };
    case 'paperOut':
      return { state: 'hardwareError', action: 'clear' };
    case 'cutterError':
    case 'mechanicalError':
    case 'unrecoverableError':
      return { state: 'hardwareError', action: 'maintenance' };
    case 'autoRecoverableError':
    case 'waitingOnlineRecovery':
      return { state: 'hardwareError', action: 'suspend' };
    case 'unspecifiedError':
      return { state: 'hardwareError', action: 'reset' };
    case 'offline':
      return { state: 'offline', action: 'reset' };
    case 'feeding':
      return { state: 'busy', action: undefined };
    case 'paperNearEnd':
      return { state: 'online', action: undefined };
  }
}

/**
 * Conditions present in (possibly partial) flags, most specific first. Generic offline and
 * errorOccurred are reported only when no specific cause explains them.
 */
export function conditionsOf(flags: Partial<EscPosFlags>): PrinterCondition[] {
  const out: PrinterCondition[] = [];
  if (flags.coverOpen) out.push('coverOpen');
  if (flags.paperOut || flags.paperEndStop) out.push('paperOut');
  if (flags.cutterError) out.push('cutterError');
  if (flags.mechanicalError) out.push('mechanicalError');
  if (flags.unrecoverableError) out.push('unrecoverableError');
  if (flags.autoRecoverableError) out.push('autoRecoverableError');
  const errors = out.length;
  if (flags.errorOccurred && errors === 0) out.push('unspecifiedError');
  if (flags.waitingOnlineRecovery) out.push('waitingOnlineRecovery');
  if (flags.offline && out.length === 0) out.push('offline');
  if (flags.feedButtonPressed || flags.feedingByButton) out.push('feeding');
  if (flags.paperNearEnd && !flags.paperOut) out.push('paperNearEnd');
  return out;
}
