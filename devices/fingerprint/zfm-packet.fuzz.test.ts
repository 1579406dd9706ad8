import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZfmPacketDecoder } from './zfm-packet-decoder.js';
import {
  DEFAULT_MAX_PAYLOAD_LENGTH,
  ZFM_PID,
  ZFM_PREFIX_LENGTH,
  encodeZfmPacket,
} from './zfm-packet.js';
import type { ZfmDecoded } from './zfm-packet.js';

// 100,000 cases per property in CI (the device-layer issue's bar); FUZZ_RUNS overrides for soak runs.
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

const PIDS: number[] = Object.values(ZFM_PID);
const ERROR_CODES = ['garbage', 'badPid', 'badLength', 'badChecksum', 'wrongAddress'];
const hasHeader = (bytes: Uint8Array): boolean => Buffer.from(bytes).indexOf('ef01', 'hex') >= 0;

/** Bytes rich in the header's and PIDs' values, so the decoder's edge cases are actually reached. */
const noisyByte = fc.oneof(
  fc.integer({ min: 0, max: 255 }),
  fc.constantFrom(0xef, 0x01, 0xff, 0x00, 0x02, 0x07, 0x08),
);
const noise = fc.array(noisyByte, { maxLength: 40 }).map((bytes) => Uint8Array.from(bytes));
const address = fc.oneof(fc.constant(0xffffffff), fc.integer({ min: 0, max: 0xffffffff }));

/** Pieces of a hostile stream: noise, header fragments, prefixes with any PID/length, packets. */
const piece = fc.oneof(
  noise,
  fc.constantFrom(Uint8Array.of(0xef), Uint8Array.of(0xef, 0x01)),
  fc
    .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 0xffff }))
    .map(([pid, len]) => Uint8Array.of(0xef, 0x01, 0xff, 0xff, 0xff, 0xff, pid, len >> 8, len)),
  fc
    .tuple(fc.constantFrom(...PIDS), fc.uint8Array({ minLength: 1, maxLength: 80 }), address)
    .map(([pid, payload, addr]) => encodeZfmPacket(pid, payload, addr)),
);
const hostileStream = fc
  .array(piece, { maxLength: 12 })
  .map((parts) => Uint8Array.from(parts.flatMap((p) => [...p])));

/** Chunk sizes, used cyclically to cut a stream into pushes. */
const chunking = fc.array(fc.integer({ min: 1, max: 80 }), { minLength: 1, maxLength: 10 });

function pushInChunks(decoder: ZfmPacketDecoder, bytes: Uint8Array, sizes: number[]): ZfmDecoded[] {
  const out: ZfmDecoded[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    out.push(...decoder.push(bytes.subarray(at, at + size)));
    at += size;
  }
  return out;
}

describe('ZfmPacketDecoder under fuzzing', { timeout: 120_000 }, () => {
  it('turns any bytes in any chunks into packets or typed errors, never a throw or a runaway buffer', () => {
    fc.assert(
      fc.property(hostileStream, chunking, (bytes, sizes) => {
        const decoder = new ZfmPacketDecoder();
        const items = pushInChunks(decoder, bytes, sizes);
        // Plain checks, not expect(), in the hot loop: this property runs 100,000 times.
        const bad = items.filter((item) =>
          item.kind === 'packet'
            ? !PIDS.includes(item.packet.pid) ||
              item.packet.address !== 0xffffffff ||
              item.packet.payload.length < 1 ||
              item.packet.payload.length > DEFAULT_MAX_PAYLOAD_LENGTH
            : !ERROR_CODES.includes(item.error.code),
        );
        expect(bad).toEqual([]);
        expect(decoder.pendingBytes).toBeLessThan(
          ZFM_PREFIX_LENGTH + DEFAULT_MAX_PAYLOAD_LENGTH + 2,
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('recovers every valid packet embedded in header-free garbage, in order', () => {
    const garbage = noise.filter((g) => !hasHeader(g));
    const packet = fc.tuple(
      fc.constantFrom(...PIDS),
      fc.uint8Array({ minLength: 1, maxLength: 120 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(garbage, packet), { minLength: 1, maxLength: 6 }),
        garbage,
        address,
        chunking,
        (pairs, tail, addr, sizes) => {
          const stream = Uint8Array.from([
            ...pairs.flatMap(([g, [pid, payload]]) => [
              ...g,
              ...encodeZfmPacket(pid, payload, addr),
            ]),
            ...tail,
          ]);
          const items = pushInChunks(new ZfmPacketDecoder({ address: addr }), stream, sizes);
          const got = items.flatMap((item) =>
            item.kind === 'packet'
              ? [`${item.packet.pid}:${Buffer.from(item.packet.payload).toString('hex')}`]
              : [],
          );
          expect(got).toEqual(
            pairs.map(([, [pid, payload]]) => `${pid}:${Buffer.from(payload).toString('hex')}`),
          );
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
