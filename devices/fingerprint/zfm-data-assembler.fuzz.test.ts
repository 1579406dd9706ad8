import fc from 'fast-check';
import { describe, it } from 'vitest';
import { ZfmDataAssembler } from './zfm-data-assembler.js';
import { ZFM_PID } from './zfm-packet.js';
import type { ZfmPacket } from './zfm-packet.js';

// 100,000 cases per property in CI (the device-layer issue's bar); FUZZ_RUNS overrides for soak runs.
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

/** Packets a babbling module might send inside a transfer: mostly data, some ends and acks. */
const packet: fc.Arbitrary<ZfmPacket> = fc.record({
  address: fc.constant(0xffffffff),
  pid: fc.oneof(
    { weight: 6, arbitrary: fc.constant<number>(ZFM_PID.data) },
    { weight: 2, arbitrary: fc.constant<number>(ZFM_PID.endData) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) },
  ),
  payload: fc.uint8Array({ minLength: 1, maxLength: 48 }),
});

const sameBytes = (a: Uint8Array, b: readonly number[]): boolean =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

/** Feeds `packets`; true when every step is what the protocol says it must be. */
function behaves(packets: readonly ZfmPacket[], cap: number): boolean {
  const assembler = new ZfmDataAssembler(cap);
  const sent: number[] = [];
  let ended = false;
  for (const p of packets) {
    const copy = Uint8Array.from(p.payload);
    const step = assembler.push({ ...p, payload: copy });
    if (ended) {
      if (step.kind !== 'error') return false;
      continue;
    }
    ended = true;
    if (p.pid !== ZFM_PID.data && p.pid !== ZFM_PID.endData) {
      if (step.kind !== 'error' || step.code !== 'unexpectedPid') return false;
      continue;
    }
    sent.push(...p.payload);
    if (sent.length > cap) {
      if (step.kind !== 'error' || step.code !== 'tooLong') return false;
      continue;
    }
    if (p.pid === ZFM_PID.data) {
      if (step.kind !== 'more' || assembler.collected !== sent.length) return false;
      ended = false;
      continue;
    }
    // The end packet: all bytes in order, and the pieces (biometric data) wiped once joined.
    if (step.kind !== 'done' || !sameBytes(step.data, sent)) return false;
    if (!copy.every((byte) => byte === 0)) return false;
  }
  return assembler.collected <= cap;
}

describe('ZfmDataAssembler under fuzzing', { timeout: 60_000 }, () => {
  it('ends a transfer only on PID 08 with exactly the data bytes sent, never over the cap', () => {
    fc.assert(
      fc.property(
        fc.array(packet, { maxLength: 10 }),
        fc.integer({ min: 0, max: 300 }),
        (packets, cap) => behaves(packets, cap),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
