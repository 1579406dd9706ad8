import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, TRANSPORT_BACKOFF } from './backoff.js';

describe('backoff with full jitter', () => {
  it('doubles its ceiling from 1 s per attempt up to the 5 min cap', () => {
    const ceilings = [1, 2, 3, 4, 8, 9, 10, 50].map((n) => backoffCeiling(TRANSPORT_BACKOFF, n));
    expect(ceilings).toEqual([1_000, 2_000, 4_000, 8_000, 128_000, 256_000, 300_000, 300_000]);
  });

  it('draws every delay from [0, ceiling], whatever the attempt or the random source', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          const delay = backoffDelay(TRANSPORT_BACKOFF, attempt, () => r);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(backoffCeiling(TRANSPORT_BACKOFF, attempt));
          expect(delay).toBeLessThanOrEqual(300_000);
        },
      ),
      { numRuns: 100_000 },
    );
  });

  it('spreads delays over the whole range (jitter), not around one value', () => {
    const delays = Array.from({ length: 2_000 }, () => backoffDelay(TRANSPORT_BACKOFF, 4));
    expect(Math.min(...delays)).toBeLessThan(1_000);
    expect(Math.max(...delays)).toBeGreaterThan(7_000);
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
    expect(mean).toBeGreaterThan(3_500);
    expect(mean).toBeLessThan(4_500);
  });
});
