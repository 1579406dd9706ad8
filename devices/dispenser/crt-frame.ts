/**
 * Pure framing of the Creator CRT-591 serial protocol, both directions. No I/O.
 *
 *   STX(F2) [ADDR] LEN(1|2, BE) TEXT ETX(03) BCC      BCC = XOR(STX .. ETX) by default
 *
 * Single control bytes travel between frames: ACK 06, NAK 15, ENQ 05, EOT 04.
 */

import { readU16BE, writeU16BE, xorChecksum } from '../util/checksum.js';
import { ResyncDecoder, type DecodeStep } from '../util/resync-decoder.js';
import type { CrtVariant } from './crt-variant.js';

/** Start of a frame. */
export const STX = 0xf2;
/** End of a frame's text. */
export const ETX = 0x03;
/** Acknowledge: frame received intact. */
export const ACK = 0x06;
/** Negative acknowledge: resend. */
export const NAK = 0x15;
/** Enquiry: the host asks for the reply (variant). */
export const ENQ = 0x05;
/** End of transmission: "clear the line" [1/?]. */
export const EOT = 0x04;

/** The name of a control byte. */
export type CrtControl = 'ack' | 'nak' | 'enq' | 'eot';

const CONTROL_BYTES: ReadonlyMap<number, CrtControl> = new Map([
  [ACK, 'ack'],
  [NAK, 'nak'],
  [ENQ, 'enq'],
  [EOT, 'eot'],
]);

/** The byte of a control name. */
export const CONTROL_BYTE: Readonly<Record<CrtControl, number>> = {
  ack: ACK,
  nak: NAK,
  enq: ENQ,
  eot: EOT,
};

/** The framing-related part of a variant. */
export type CrtFraming = Pick<CrtVariant, 'address' | 'lengthBytes' | 'bcc' | 'maxTextLength'>;

/** One decoded frame. */
export interface CrtFrame {
  /** The address byte, or undefined when the variant has none. */
  readonly address: number | undefined;
  /** The bytes between the length field and ETX (CMT/header, CM, PM, data). */
  readonly text: Uint8Array;
}

/** Why bytes were rejected; the decoder goes on with the bytes that follow. */
export type CrtFrameError =
  | {
      /** Bytes outside any frame were skipped. */
      code: 'garbage';
      /** How many bytes were skipped. */
      discarded: number;
    }
  | {
      /** The length field is below 3 or above the cap. */
      code: 'badLength';
      /** The declared length. */
      length: number;
    }
  | {
      /** No ETX where the length says the text ends. */
      code: 'missingEtx';
      /** The byte found there instead. */
      found: number;
    }
  | {
      /** The BCC does not match the frame's bytes. */
      code: 'badChecksum';
      /** The BCC computed over the received bytes. */
      expected: number;
      /** The BCC received. */
      actual: number;
    };

/** One item out of the decoder, in stream order. */
export type CrtDecoded =
  | {
      /** A whole, valid frame. */
      kind: 'frame';
      /** The frame. */
      frame: CrtFrame;
    }
  | {
      /** A control byte between frames. */
      kind: 'control';
      /** Which one. */
      control: CrtControl;
    }
  | {
      /** Bytes were rejected. */
      kind: 'error';
      /** Why. */
      error: CrtFrameError;
    };

/** XOR of `bytes[start..end)` (the BCC). */
export { xorChecksum as xorBcc } from '../util/checksum.js';

/** Bytes before TEXT: STX, the address if any, the length field. */
export function crtHeaderLength(framing: Pick<CrtFraming, 'address' | 'lengthBytes'>): number {
  return 1 + (framing.address === null ? 0 : 1) + framing.lengthBytes;
}

/** Frames `text` for `framing`. Throws a RangeError when the text does not fit the length field. */
export function encodeCrtFrame(text: Uint8Array, framing: CrtFraming): Uint8Array {
  const cap = framing.lengthBytes === 1 ? 0xff : 0xffff;
  if (text.length > cap) throw new RangeError(`CRT frame text too long: ${text.length}`);
  const header = crtHeaderLength(framing);
  const frame = new Uint8Array(header + text.length + 2);
  frame[0] = STX;
  if (framing.address !== null) frame[1] = framing.address;
  if (framing.lengthBytes === 2) writeU16BE(frame, header - 2, text.length);
  else frame[header - 1] = text.length;
  frame.set(text, header);
  frame[frame.length - 2] = ETX;
  frame[frame.length - 1] = xorChecksum(frame, bccStart(framing), frame.length - 1);
  return frame;
}

function bccStart(framing: Pick<CrtFraming, 'bcc'>): number {
  return framing.bcc === 'stxThroughEtx' ? 0 : 1;
}

/**
 * Streaming decoder: push bytes in any chunks, get frames, control bytes and typed errors.
 * Never throws on input and never waits for more than one capped frame. A rejected frame is
 * skipped by one byte only, so a good frame or control byte that started inside it is found.
 * Frames of any address are returned; the driver filters by its own.
 */
export class CrtFrameDecoder extends ResyncDecoder<CrtDecoded> {
  private readonly header: number;

  constructor(private readonly framing: CrtFraming) {
    super();
    this.header = crtHeaderLength(framing);
  }

  protected findHeader(buf: Uint8Array, from: number): number {
    for (let i = from; i < buf.length; i++) {
      const byte = buf[i] ?? 0;
      if (byte === STX || CONTROL_BYTES.has(byte)) return i;
    }
    return -1;
  }

  protected headerPrefixAtEnd(): number {
    return 0;
  }

  protected garbage(discarded: number): CrtDecoded {
    return { kind: 'error', error: { code: 'garbage', discarded } };
  }

  protected decodeAt(buf: Uint8Array, at: number): DecodeStep<CrtDecoded> | undefined {
    const control = CONTROL_BYTES.get(buf[at] ?? 0);
    if (control !== undefined) return { item: { kind: 'control', control }, next: at + 1 };
    const rejected = (error: CrtFrameError): DecodeStep<CrtDecoded> => ({
      item: { kind: 'error', error },
      next: at + 1,
    });
    const { header, framing } = this;
    if (buf.length - at < header) return undefined;
    const hasAddress = framing.address !== null;
    const length =
      framing.lengthBytes === 2 ? readU16BE(buf, at + header - 2) : (buf[at + header - 1] ?? 0);
    if (length < 3 || length > framing.maxTextLength)
      return rejected({ code: 'badLength', length });
    const end = at + header + length + 2;
    if (buf.length < end) return undefined;
    const found = buf[end - 2] ?? 0;
    if (found !== ETX) return rejected({ code: 'missingEtx', found });
    const expected = xorChecksum(buf, at + bccStart(framing), end - 1);
    const actual = buf[end - 1] ?? 0;
    if (expected !== actual) return rejected({ code: 'badChecksum', expected, actual });
    const frame: CrtFrame = {
      address: hasAddress ? buf[at + 1] : undefined,
      text: buf.slice(at + header, end - 2),
    };
    return { item: { kind: 'frame', frame }, next: end };
  }
}
