import {
  DEFAULT_MAX_PAYLOAD_LENGTH,
  ZFM_DEFAULT_ADDRESS,
  ZFM_HEADER,
  ZFM_PID,
  ZFM_PREFIX_LENGTH,
  sum16,
} from './zfm-packet.js';
import type { ZfmDecoded, ZfmPacketError } from './zfm-packet.js';
import { ResyncDecoder, type DecodeStep } from '../util/resync-decoder.js';

const KNOWN_PIDS: ReadonlySet<number> = new Set(Object.values(ZFM_PID));
const [H0, H1] = ZFM_HEADER as [number, number];

/** Options of the streaming decoder. */
export interface ZfmPacketDecoderOptions {
  /** Address to accept, or 'any'; others are `wrongAddress`. Default FFFFFFFF. */
  readonly address?: number | 'any';
  /** Largest payload accepted; longer declared lengths are `badLength`. Default 256. */
  readonly maxPayloadLength?: number;
}

/**
 * Streaming decoder: push bytes in any chunks, get packets and typed errors. Never throws on
 * input and never waits for more than one capped packet. The PID is checked as soon as it
 * arrives and the length as soon as it arrives, so a false header in noise is dropped early.
 * After a bad PID, length or checksum it resumes scanning right after the rejected header, so
 * a good packet that started inside the bad one's bytes is still found. The address is checked
 * only once the checksum holds (the checksum does not cover it): a well-formed packet for
 * another address is then a real packet on a shared bus and is skipped whole.
 */
export class ZfmPacketDecoder extends ResyncDecoder<ZfmDecoded> {
  private readonly address: number | 'any';
  private readonly maxPayload: number;

  constructor(options: ZfmPacketDecoderOptions = {}) {
    super();
    this.address = options.address ?? ZFM_DEFAULT_ADDRESS;
    this.maxPayload = options.maxPayloadLength ?? DEFAULT_MAX_PAYLOAD_LENGTH;
  }

  protected findHeader(buf: Uint8Array, from: number): number {
    return indexOfHeader(buf, from);
  }

  // A trailing EF may be the first half of a header.
  protected headerPrefixAtEnd(buf: Uint8Array, from: number): number {
    return buf.length > from && buf[buf.length - 1] === H0 ? 1 : 0;
  }

  protected garbage(discarded: number): ZfmDecoded {
    return { kind: 'error', error: { code: 'garbage', discarded } };
  }

  protected decodeAt(buf: Uint8Array, at: number): DecodeStep<ZfmDecoded> | undefined {
    // After a rejected packet, scanning resumes just past its 2-byte header.
    const rejected = (error: ZfmPacketError): DecodeStep<ZfmDecoded> => ({
      item: { kind: 'error', error },
      next: at + 2,
    });
    if (buf.length - at < 7) return undefined;
    const pid = buf[at + 6] ?? 0;
    if (!KNOWN_PIDS.has(pid)) return rejected({ code: 'badPid', pid });
    if (buf.length - at < ZFM_PREFIX_LENGTH) return undefined;
    const length = ((buf[at + 7] ?? 0) << 8) | (buf[at + 8] ?? 0);
    if (length < 3 || length > this.maxPayload + 2) return rejected({ code: 'badLength', length });
    const end = at + ZFM_PREFIX_LENGTH + length;
    if (buf.length < end) return undefined;
    const expected = sum16(buf, at + 6, end - 2);
    const actual = ((buf[end - 2] ?? 0) << 8) | (buf[end - 1] ?? 0);
    if (expected !== actual) return rejected({ code: 'badChecksum', expected, actual });
    const address = new DataView(buf.buffer, buf.byteOffset + at + 2, 4).getUint32(0);
    if (this.address !== 'any' && address !== this.address) {
      return {
        item: {
          kind: 'error',
          error: { code: 'wrongAddress', expected: this.address, actual: address },
        },
        next: end,
      };
    }
    const payload = buf.slice(at + ZFM_PREFIX_LENGTH, end - 2);
    return { item: { kind: 'packet', packet: { address, pid, payload } }, next: end };
  }
}

function indexOfHeader(buf: Uint8Array, from: number): number {
  for (let i = from; i < buf.length - 1; i++) {
    if (buf[i] === H0 && buf[i + 1] === H1) return i;
  }
  return -1;
}
