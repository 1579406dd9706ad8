/**
 * Pure framing of the SAM (GA 467) serial protocol, both directions. No I/O.
 *
 *   AA AA AA 96 69 | Len1 Len2 (BE) | body (Len - 1 bytes) | CHK = XOR(Len1 .. last body byte)
 *
 * A command body is CMD PARA DATA…; a reply body is SW1 SW2 SW3 DATA….
 */

import { readU16BE, writeU16BE, xorChecksum } from '../util/checksum.js';
import { ResyncDecoder, type DecodeStep } from '../util/resync-decoder.js';

export { xorChecksum } from '../util/checksum.js';

/** The fixed 5-byte frame preamble. */
export const SAM_PREAMBLE: readonly number[] = [0xaa, 0xaa, 0xaa, 0x96, 0x69];
/** Preamble plus the 2-byte length field. */
export const SAM_HEADER_LENGTH = 7;
/** Default cap on a frame body; the largest real reply (text+photo+fingerprint) has 2313. */
export const DEFAULT_MAX_BODY_LENGTH = 4096;

const EMPTY = new Uint8Array(0);

/** One decoded frame. */
export interface SamFrame {
  /** The bytes between the length field and the checksum (command or reply body). */
  readonly body: Uint8Array;
}

/** A command frame's fields (host → reader). */
export interface SamCommandFields {
  /** Command byte, e.g. 0x20. */
  readonly cmd: number;
  /** Parameter byte, e.g. 0x01. */
  readonly para: number;
  /** Command data, usually empty. */
  readonly data: Uint8Array;
}

/** A reply frame's fields (reader → host). */
export interface SamReplyFields {
  /** Status byte 1, 00 in every observed frame. */
  readonly sw1: number;
  /** Status byte 2, 00 in every observed frame. */
  readonly sw2: number;
  /** Result code (§1.4), e.g. 0x90 success, 0x80 no card. */
  readonly sw3: number;
  /** Reply data. */
  readonly data: Uint8Array;
}

/** Why bytes were rejected; the decoder goes on with the bytes that follow. */
export type SamFrameError =
  | {
      /** Bytes outside any frame were skipped while looking for a preamble. */
      code: 'garbage';
      /** How many bytes were skipped. */
      discarded: number;
    }
  | {
      /** The length field is below the minimum body or above the cap. */
      code: 'badLength';
      /** The declared length (Len1·256 + Len2). */
      length: number;
    }
  | {
      /** The frame's checksum does not match its bytes. */
      code: 'badChecksum';
      /** The XOR computed over the received bytes. */
      expected: number;
      /** The CHK byte received. */
      actual: number;
    };

/** One item out of the decoder: a frame or a typed error, in stream order. */
export type SamDecoded =
  | {
      /** A whole, valid frame. */
      kind: 'frame';
      /** The frame. */
      frame: SamFrame;
    }
  | {
      /** Bytes were rejected. */
      kind: 'error';
      /** Why. */
      error: SamFrameError;
    };

/** Frames a body: preamble, length (body + CHK), body, CHK. */
export function encodeSamFrame(body: Uint8Array): Uint8Array {
  const length = body.length + 1;
  if (length > 0xffff) throw new RangeError(`SAM frame body too long: ${body.length}`);
  const frame = new Uint8Array(SAM_HEADER_LENGTH + length);
  frame.set(SAM_PREAMBLE, 0);
  writeU16BE(frame, 5, length);
  frame.set(body, SAM_HEADER_LENGTH);
  frame[frame.length - 1] = xorChecksum(frame, 5, frame.length - 1);
  return frame;
}

/** Encodes a host → reader command, e.g. `encodeSamCommand(0x20, 0x01)` = find card. */
export function encodeSamCommand(cmd: number, para: number, data: Uint8Array = EMPTY): Uint8Array {
  return encodeSamFrame(Uint8Array.of(cmd, para, ...data));
}

/** Encodes a reader → host reply (used by simulators), SW1 = SW2 = 00. */
export function encodeSamReply(sw3: number, data: Uint8Array = EMPTY): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[2] = sw3;
  body.set(data, 3);
  return encodeSamFrame(body);
}

/** Reads a frame as a command; undefined when the body is shorter than CMD PARA. */
export function commandFields(frame: SamFrame): SamCommandFields | undefined {
  const [cmd, para] = frame.body;
  if (cmd === undefined || para === undefined) return undefined;
  return { cmd, para, data: frame.body.subarray(2) };
}

/** Reads a frame as a reply; undefined when the body is shorter than SW1 SW2 SW3. */
export function replyFields(frame: SamFrame): SamReplyFields | undefined {
  const [sw1, sw2, sw3] = frame.body;
  if (sw1 === undefined || sw2 === undefined || sw3 === undefined) return undefined;
  return { sw1, sw2, sw3, data: frame.body.subarray(3) };
}

/** Options of the streaming decoder. */
export interface SamFrameDecoderOptions {
  /** Smallest body accepted: 2 for commands (CMD PARA), 3 for replies (SW1-3). Default 2. */
  readonly minBodyLength?: number;
  /** Largest body accepted; longer declared lengths are `badLength`. Default 4096. */
  readonly maxBodyLength?: number;
}

/**
 * Streaming decoder: push bytes in any chunks, get frames and typed errors. Never throws on
 * input and never waits for more than one capped frame. After a bad length or checksum it
 * resumes scanning right after the rejected preamble, so a good frame that started inside the
 * bad one's bytes is still found (those skipped bytes are then also reported as garbage).
 */
export class SamFrameDecoder extends ResyncDecoder<SamDecoded> {
  private readonly minBody: number;
  private readonly maxBody: number;

  constructor(options: SamFrameDecoderOptions = {}) {
    super();
    this.minBody = options.minBodyLength ?? 2;
    this.maxBody = options.maxBodyLength ?? DEFAULT_MAX_BODY_LENGTH;
  }

  protected findHeader(buf: Uint8Array, from: number): number {
    return indexOfPreamble(buf, from);
  }

  protected headerPrefixAtEnd(buf: Uint8Array, from: number): number {
    return preamblePrefixAtEnd(buf, from);
  }

  protected garbage(discarded: number): SamDecoded {
    return { kind: 'error', error: { code: 'garbage', discarded } };
  }

  protected decodeAt(buf: Uint8Array, at: number): DecodeStep<SamDecoded> | undefined {
    // After a rejected frame, scanning resumes just past its preamble.
    const rejected = (error: SamFrameError): DecodeStep<SamDecoded> => ({
      item: { kind: 'error', error },
      next: at + SAM_PREAMBLE.length,
    });
    if (buf.length - at < SAM_HEADER_LENGTH) return undefined;
    const length = readU16BE(buf, at + 5);
    if (length < this.minBody + 1 || length > this.maxBody + 1)
      return rejected({ code: 'badLength', length });
    const end = at + SAM_HEADER_LENGTH + length;
    if (buf.length < end) return undefined;
    const expected = xorChecksum(buf, at + 5, end - 1);
    const actual = buf[end - 1] ?? 0;
    if (expected !== actual) return rejected({ code: 'badChecksum', expected, actual });
    return {
      item: { kind: 'frame', frame: { body: buf.slice(at + SAM_HEADER_LENGTH, end - 1) } },
      next: end,
    };
  }
}

function indexOfPreamble(buf: Uint8Array, from: number): number {
  const last = buf.length - SAM_PREAMBLE.length;
  outer: for (let i = from; i <= last; i++) {
    for (let j = 0; j < SAM_PREAMBLE.length; j++) {
      if (buf[i + j] !== SAM_PREAMBLE[j]) continue outer;
    }
    return i;
  }
  return -1;
}

/** Length of the longest tail of `buf[from..]` that is a proper prefix of the preamble. */
function preamblePrefixAtEnd(buf: Uint8Array, from: number): number {
  for (let n = Math.min(SAM_PREAMBLE.length - 1, buf.length - from); n > 0; n--) {
    let match = true;
    for (let j = 0; j < n && match; j++) match = buf[buf.length - n + j] === SAM_PREAMBLE[j];
    if (match) return n;
  }
  return 0;
}
