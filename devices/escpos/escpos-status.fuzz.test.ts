import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RealtimeQuery } from './escpos-commands.js';
import { ASB_LENGTH, EscPosStatusDemux } from './escpos-status-demux.js';
import type { EscPosStatusItem } from './escpos-status-demux.js';

// 100,000 cases per property in CI (the device-layer issue's bar); FUZZ_RUNS overrides for soak runs.
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

const query = fc.constantFrom<RealtimeQuery>(1, 2, 3, 4);
/** Bytes rich in both fixed-bit patterns, so every branch is reached. */
const statusByte = fc.oneof(
  fc.integer({ min: 0, max: 255 }),
  fc.integer({ min: 0, max: 255 }).map((b) => (b & ~0x93) | 0x12),
  fc.integer({ min: 0, max: 255 }).map((b) => (b & ~0x93) | 0x10),
  fc.integer({ min: 0, max: 255 }).map((b) => b & ~0x10),
);
/** One push: the queries sent just before it, then a chunk of bytes. */
const step = fc.record({
  queries: fc.array(query, { maxLength: 3 }),
  bytes: fc.array(statusByte, { maxLength: 12 }).map((b) => Uint8Array.from(b)),
});

/** Whether an item is well-typed; plain checks, since `expect` per item is too slow at 100k runs. */
function wellTyped(item: EscPosStatusItem): boolean {
  switch (item.kind) {
    case 'realtime':
      return (
        (item.byte & 0x93) === 0x12 &&
        Object.values(item.flags).every((v) => typeof v === 'boolean')
      );
    case 'asb':
      return item.bytes.length === ASB_LENGTH && ((item.bytes[0] ?? 0) & 0x93) === 0x10;
    case 'error':
      return ['garbage', 'unexpectedReply', 'truncatedAsb'].includes(item.error.code);
  }
}

const sizeOf = (item: EscPosStatusItem): number =>
  item.kind === 'asb'
    ? ASB_LENGTH
    : item.kind === 'error' && item.error.code !== 'unexpectedReply'
      ? item.error.discarded
      : 1;

describe('EscPosStatusDemux under fuzzing', { timeout: 120_000 }, () => {
  it('turns any bytes in any chunks into typed items, never a throw or a runaway buffer', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 8 }), (steps) => {
        const demux = new EscPosStatusDemux();
        let sent = 0;
        let answered = 0;
        let consumed = 0;
        let ok = true;
        for (const { queries, bytes } of steps) {
          for (const q of queries) demux.expect(q);
          sent += queries.length;
          for (const item of demux.push(bytes)) {
            ok &&= wellTyped(item);
            consumed += sizeOf(item);
            if (item.kind === 'realtime') answered++;
          }
          ok &&= demux.pendingBytes < ASB_LENGTH;
        }
        const total = steps.reduce((n, s) => n + s.bytes.length, 0);
        expect(ok).toBe(true);
        expect(consumed + demux.pendingBytes).toBe(total);
        expect(demux.outstanding.length).toBe(sent - answered);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
