/**
 * The TEXT of CRT-591 frames (§4.2), pure: commands `C CM PM DATA`, positive replies
 * `P CM PM st0 st1 st2 DATA`, negative replies `N|E CM PM e1 e0`, and the status bytes.
 */

import type { CardPosition, StackerState } from '../../contract/index.js';
import { CMT, NEGATIVE_E, NEGATIVE_N, POSITIVE } from './crt-commands.js';
import { encodeCrtFrame } from './crt-frame.js';
import type { CrtFraming } from './crt-frame.js';
import type { CrtVariant } from './crt-variant.js';

const EMPTY = new Uint8Array(0);

/** The three status bytes of a positive reply, raw. */
export interface CrtStatusBytes {
  /** Card position: 30 none, 31 gate, 32 RF/IC position. */
  readonly st0: number;
  /** Stacker: 30 empty, 31 low, 32 enough. */
  readonly st1: number;
  /** Capture bin: 30 not full, 31 full (inverted in one variant). */
  readonly st2: number;
}

/** The status bytes in the kiosk's terms; undefined fields were unknown values. */
export interface CrtStatus {
  /** Where the card is. */
  readonly cardPosition: CardPosition | undefined;
  /** Cards left in the stacker. */
  readonly stacker: StackerState | undefined;
  /** The capture bin reports full. */
  readonly captureBinFull: boolean | undefined;
  /** The bytes as received, for logs. */
  readonly raw: CrtStatusBytes;
}

/** The text of a frame, parsed. */
export type CrtText =
  | {
      /** A host → unit command. */
      kind: 'command';
      /** Command byte. */
      cm: number;
      /** Parameter byte. */
      pm: number;
      /** Command data. */
      data: Uint8Array;
    }
  | {
      /** The command succeeded. */
      kind: 'positive';
      /** Echoed command byte. */
      cm: number;
      /** Echoed parameter byte. */
      pm: number;
      /** st0 st1 st2, or undefined when the reply is too short to hold them. */
      status: CrtStatusBytes | undefined;
      /** Data after the status bytes. */
      data: Uint8Array;
    }
  | {
      /** The command failed. */
      kind: 'negative';
      /** Which header the unit used ('N' or 'E'). */
      header: 'N' | 'E';
      /** Echoed command byte. */
      cm: number;
      /** Echoed parameter byte. */
      pm: number;
      /** The two-character error code e1 e0, e.g. "10". */
      errorCode: string;
    };

/** Parses a frame's text; undefined when the header byte is unknown or the text too short. */
export function parseCrtText(text: Uint8Array): CrtText | undefined {
  const [head, cm, pm] = text;
  if (head === undefined || cm === undefined || pm === undefined) return undefined;
  switch (head) {
    case CMT:
      return { kind: 'command', cm, pm, data: text.slice(3) };
    case POSITIVE: {
      const [st0, st1, st2] = text.subarray(3);
      const status =
        st0 === undefined || st1 === undefined || st2 === undefined ? undefined : { st0, st1, st2 };
      return { kind: 'positive', cm, pm, status, data: text.slice(status ? 6 : 3) };
    }
    case NEGATIVE_N:
    case NEGATIVE_E: {
      const code = String.fromCharCode(...text.subarray(3, 5));
      return { kind: 'negative', header: head === NEGATIVE_N ? 'N' : 'E', cm, pm, errorCode: code };
    }
    default:
      return undefined;
  }
}

/** Reads the status bytes. */
export function decodeCrtStatus(
  raw: CrtStatusBytes,
  variant: Pick<CrtVariant, 'st2Inverted'> = { st2Inverted: false },
): CrtStatus {
  const cardPosition = ({ 0x30: 'none', 0x31: 'gate', 0x32: 'ready' } as const)[raw.st0];
  const stacker = ({ 0x30: 'empty', 0x31: 'low', 0x32: 'ok' } as const)[raw.st1];
  const full = raw.st2 === 0x31 ? true : raw.st2 === 0x30 ? false : undefined;
  const captureBinFull = full === undefined ? undefined : full !== variant.st2Inverted;
  return { cardPosition, stacker, captureBinFull, raw };
}

/** The status bytes for a state (simulators). */
export function encodeCrtStatus(
  status: { cardPosition: CardPosition; stacker: StackerState; captureBinFull: boolean },
  variant: Pick<CrtVariant, 'st2Inverted'> = { st2Inverted: false },
): CrtStatusBytes {
  const st0 = { none: 0x30, gate: 0x31, ready: 0x32 }[status.cardPosition];
  const st1 = { empty: 0x30, low: 0x31, ok: 0x32 }[status.stacker];
  const st2 = status.captureBinFull !== variant.st2Inverted ? 0x31 : 0x30;
  return { st0, st1, st2 };
}

/** A command frame, e.g. `encodeCrtCommand(0x31, 0x30, v)` = status request. */
export function encodeCrtCommand(
  cm: number,
  pm: number,
  framing: CrtFraming,
  data: Uint8Array = EMPTY,
): Uint8Array {
  return encodeCrtFrame(Uint8Array.of(CMT, cm, pm, ...data), framing);
}

/** A positive reply frame (simulators). */
export function encodeCrtPositive(
  cm: number,
  pm: number,
  status: CrtStatusBytes,
  framing: CrtFraming,
  data: Uint8Array = EMPTY,
): Uint8Array {
  const { st0, st1, st2 } = status;
  return encodeCrtFrame(Uint8Array.of(POSITIVE, cm, pm, st0, st1, st2, ...data), framing);
}

/** A negative reply frame with a two-character error code (simulators). */
export function encodeCrtNegative(
  cm: number,
  pm: number,
  errorCode: string,
  framing: CrtFraming,
  header: 'N' | 'E' = 'N',
): Uint8Array {
  const code = errorCode.padStart(2, '0').slice(0, 2);
  const head = header === 'N' ? NEGATIVE_N : NEGATIVE_E;
  return encodeCrtFrame(
    Uint8Array.of(head, cm, pm, code.charCodeAt(0) & 0xff, code.charCodeAt(1) & 0xff),
    framing,
  );
}
