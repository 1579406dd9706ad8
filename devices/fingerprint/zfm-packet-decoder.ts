import {
  DEFAULT_MAX_PAYLOAD_LENGTH,
  ZFM_DEFAULT_ADDRESS,
  ZFM_HEADER,
  ZFM_PID,
  ZFM_PREFIX_LENGTH,
  sum16,
} from './zfm-packet.js';
import type { ZfmDecoded } from './zfm-packet.js';

const EMPTY = new Uint8Array(0);
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
export class ZfmPacketDecoder {
  private buffer: Uint8Array = EMPTY;
  private start = 0;
  private readonly address: number | 'any';
  private readonly maxPayload: number;

  constructor(options: ZfmPacketDecoderOptions = {}) {
    this.address = options.address ?? ZFM_DEFAULT_ADDRESS;
    this.maxPayload = options.maxPayloadLength ?? DEFAULT_MAX_PAYLOAD_LENGTH;
  }

  /** Bytes held back: a partial packet, or a trailing EF that may start a header. */
  get pendingBytes(): number {
    return this.buffer.length - this.start;
  }

  /** Drops any partial packet (e.g. after a reply timed out). */
  reset(): void {
    this.buffer = EMPTY;
    this.start = 0;
  }

  /** Feeds bytes; returns every packet and error they complete, in order. */
  push(bytes: Uint8Array): ZfmDecoded[] {
    const pending = this.buffer.subarray(this.start);
    const buf = new Uint8Array(pending.length + bytes.length);
    buf.set(pending, 0);
    buf.set(bytes, pending.length);
    this.buffer = buf;
    this.start = 0;
    const out: ZfmDecoded[] = [];
    const skip = (to: number): void => {
      if (to > this.start)
        out.push({ kind: 'error', error: { code: 'garbage', discarded: to - this.start } });
      this.start = to;
    };
    for (;;) {
      const at = indexOfHeader(buf, this.start);
      if (at < 0) {
        const keep = buf.length > this.start && buf[buf.length - 1] === H0 ? 1 : 0;
        skip(buf.length - keep);
        break;
      }
      skip(at);
      if (buf.length - at < 7) break;
      const pid = buf[at + 6] ?? 0;
      if (!KNOWN_PIDS.has(pid)) {
        out.push({ kind: 'error', error: { code: 'badPid', pid } });
        this.start = at + 2;
        continue;
      }
      if (buf.length - at < ZFM_PREFIX_LENGTH) break;
      const length = ((buf[at + 7] ?? 0) << 8) | (buf[at + 8] ?? 0);
      if (length < 3 || length > this.maxPayload + 2) {
        out.push({ kind: 'error', error: { code: 'badLength', length } });
        this.start = at + 2;
        continue;
      }
      const end = at + ZFM_PREFIX_LENGTH + length;
      if (buf.length < end) break;
      const expected = sum16(buf, at + 6, end - 2);
      const actual = ((buf[end - 2] ?? 0) << 8) | (buf[end - 1] ?? 0);
      if (expected !== actual) {
        out.push({ kind: 'error', error: { code: 'badChecksum', expected, actual } });
        this.start = at + 2;
        continue;
      }
      const address = new DataView(buf.buffer, buf.byteOffset + at + 2, 4).getUint32(0);
      if (this.address !== 'any' && address !== this.address) {
        const error = { code: 'wrongAddress', expected: this.address, actual: address } as const;
        out.push({ kind: 'error', error });
      } else {
        const payload = buf.slice(at + ZFM_PREFIX_LENGTH, end - 2);
        out.push({ kind: 'packet', packet: { address, pid, payload } });
      }
      this.start = end;
    }
    if (this.start === buf.length) this.reset();
    return out;
  }
}

function indexOfHeader(buf: Uint8Array, from: number): number {
  for (let i = from; i < buf.length - 1; i++) {
    if (buf[i] === H0 && buf[i + 1] === H1) return i;
  }
  return -1;
}
