import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_BODY_LENGTH,
  SAM_PREAMBLE,
  SamFrameDecoder,
  encodeSamFrame,
} from './sam-frame.js';
import type { SamDecoded } from './sam-frame.js';

// 100,000 cases per property in CI (the device-layer issue's bar); FUZZ_RUNS overrides for soak runs.
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

const PREAMBLE = Uint8Array.from(SAM_PREAMBLE);
const hasPreamble = (bytes: Uint8Array): boolean =>
  Buffer.from(bytes).indexOf(Buffer.from(PREAMBLE)) >= 0;

/** Bytes rich in the preamble's values, so the decoder's edge cases are actually reached. */
const noisyByte = fc.oneof(
  fc.integer({ min: 0, max: 255 }),
  fc.constantFrom(0xaa, 0x96, 0x69, 0x00),
);
const noise = fc.array(noisyByte, { maxLength: 40 }).map((bytes) => Uint8Array.from(bytes));

/** Pieces of a hostile stream: noise, preamble fragments, headers with any length, real frames. */
const piece = fc.oneof(
  noise,
  fc.integer({ min: 1, max: 5 }).map((n) => PREAMBLE.slice(0, n)),
  fc
    .tuple(fc.integer({ min: 0, max: 0xffff }))
    .map(([len]) => Uint8Array.of(...PREAMBLE, len >> 8, len & 0xff)),
  fc.uint8Array({ minLength: 2, maxLength: 60 }).map((body) => encodeSamFrame(body)),
);
const hostileStream = fc
  .array(piece, { maxLength: 12 })
  .map((parts) => Uint8Array.from(parts.flatMap((p) => [...p])));

/** Chunk sizes, used cyclically to cut a stream into pushes. */
const chunking = fc.array(fc.integer({ min: 1, max: 80 }), { minLength: 1, maxLength: 10 });

function pushInChunks(decoder: SamFrameDecoder, bytes: Uint8Array, sizes: number[]): SamDecoded[] {
  const out: SamDecoded[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    out.push(...decoder.push(bytes.subarray(at, at + size)));
    at += size;
  }
  return out;
}

describe('SamFrameDecoder under fuzzing', { timeout: 120_000 }, () => {
  it('turns any bytes in any chunks into frames or typed errors, never a throw or a runaway buffer', () => {
    fc.assert(
      fc.property(hostileStream, chunking, (bytes, sizes) => {
        const decoder = new SamFrameDecoder();
        const items = pushInChunks(decoder, bytes, sizes);
        for (const item of items) {
          if (item.kind === 'frame') {
            expect(item.frame.body.length).toBeGreaterThanOrEqual(2);
            expect(item.frame.body.length).toBeLessThanOrEqual(DEFAULT_MAX_BODY_LENGTH);
          } else {
            expect(['garbage', 'badLength', 'badChecksum']).toContain(item.error.code);
          }
        }
        expect(decoder.pendingBytes).toBeLessThanOrEqual(7 + DEFAULT_MAX_BODY_LENGTH + 1);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('recovers every valid frame embedded in preamble-free garbage, in order', () => {
    const garbage = noise.filter((g) => !hasPreamble(g));
    const body = fc.uint8Array({ minLength: 3, maxLength: 120 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(garbage, body), { minLength: 1, maxLength: 6 }),
        garbage,
        chunking,
        (pairs, tail, sizes) => {
          const stream = Uint8Array.from([
            ...pairs.flatMap(([g, b]) => [...g, ...encodeSamFrame(b)]),
            ...tail,
          ]);
          const items = pushInChunks(new SamFrameDecoder({ minBodyLength: 3 }), stream, sizes);
          const bodies = items.flatMap((item) =>
            item.kind === 'frame' ? [Buffer.from(item.frame.body).toString('hex')] : [],
          );
          expect(bodies).toEqual(pairs.map(([, b]) => Buffer.from(b).toString('hex')));
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
