import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from './sealed-box.js';

// 100,000 cases per property in CI; FUZZ_RUNS overrides for soak runs.
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

const key = randomBytes(32);
const rowKey = fc.string({ minLength: 1, maxLength: 100 });
const payload = fc.uint8Array({ maxLength: 300 });

describe('sealed box under fuzzing', { timeout: 120_000 }, () => {
  it('opens whatever it sealed, with the same row key', () => {
    fc.assert(
      fc.property(payload, rowKey, (plain, aad) => {
        const opened = open(key, seal(key, plain, aad), aad);
        expect(opened.ok && opened.plain.equals(plain)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('refuses a sealed value with any single bit flipped, as a typed failure', () => {
    fc.assert(
      fc.property(
        payload,
        rowKey,
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (plain, aad, at, bit) => {
          const sealed = seal(key, plain, aad);
          const index = at % sealed.length;
          sealed[index] = (sealed[index] ?? 0) ^ (1 << bit);
          const opened = open(key, sealed, aad);
          expect(opened.ok).toBe(false);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), rowKey, (bytes, aad) => {
        expect(open(key, bytes, aad).ok).toBe(false);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
