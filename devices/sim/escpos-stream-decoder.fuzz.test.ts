import fc from 'fast-check';
import { describe, it } from 'vitest';
import { EscPosStreamParser } from '../escpos/escpos-stream-parser.js';
import { EscPosReceiptDecoder } from './escpos-stream-decoder.js';
import type { DecodedReceipt, ReceiptItem } from './escpos-stream-decoder.js';

// 100,000 cases in CI (the device-layer bar); FUZZ_RUNS overrides for soak runs.
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

/** Bytes rich in command prefixes and the codes that start variable-length data. */
const streamByte = fc.oneof(
  fc.integer({ min: 0, max: 255 }),
  fc.constantFrom(0x1b, 0x1c, 0x1d, 0x10, 0x0a, 0x00, 0x28, 0x6b, 0x76, 0x30, 0x56, 0x31, 0x51),
);
const chunk = fc
  .uint8Array({ maxLength: 24 })
  .chain(() => fc.array(streamByte, { maxLength: 24 }).map((b) => Uint8Array.from(b)));

const KINDS = new Set(['text', 'qr', 'barcode', 'image', 'feed']);
const CUTS = new Set(['full', 'partial', 'failed', 'none']);

/** Plain checks: `expect` per item is too slow at 100k runs. */
function wellTyped(r: DecodedReceipt): boolean {
  return (
    CUTS.has(r.cut) &&
    typeof r.complete === 'boolean' &&
    r.lines.every((l) => typeof l === 'string') &&
    r.items.every((i: ReceiptItem) => KINDS.has(i.kind))
  );
}

describe('ESC/POS stream decoding under fuzzing', { timeout: 120_000 }, () => {
  it('turns any bytes in any chunks into typed receipts, never a throw or a hang', () => {
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 6 }), fc.boolean(), (chunks, chinese) => {
        const parser = new EscPosStreamParser({ maxDataBytes: 4096 });
        const decoder = new EscPosReceiptDecoder(chinese);
        let ok = true;
        for (const bytes of chunks) {
          for (const token of parser.push(bytes)) {
            const cut = decoder.apply(token);
            if (cut !== undefined) ok &&= wellTyped(decoder.endReceipt(cut));
          }
        }
        return ok && wellTyped(decoder.pending);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
