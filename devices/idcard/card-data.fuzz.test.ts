import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readData } from '../sim/idcard-simulator.js';
import { demoCard } from '../sim/sim-card.js';
import { decodeCapturedRead } from './captured-read.js';
import { encodeSamReply } from './sam-frame.js';
import { SW3 } from './sam-status.js';
import { interpretReadout } from './card-readout.js';
import { decodeTextBlock } from './text-block.js';

// 100,000 cases per property in CI (the device-layer issue's bar); FUZZ_RUNS overrides for soak runs.
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

/*
 * The card-data decoders behind a read reply: the 256-byte text block and a whole captured reply
 * (what `npm run devices -- decode sam-idcard <file>` reads from a technician's file). Any bytes
 * give a typed result or undefined, never a throw.
 */

const bytes = (maxLength: number) => fc.uint8Array({ maxLength }).map((b) => new Uint8Array(b));

/** A real text block with a few bytes changed: reaches the field decoders, not just the guards. */
const mutatedBlock = fc
  .array(fc.tuple(fc.nat({ max: 255 }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 })
  .map((changes) => {
    const block = demoCard().text.slice();
    for (const [at, value] of changes) block[at] = value;
    return block;
  });

describe('card data decoders under fuzzing', () => {
  it('decodes any 256-byte block (random or a mutated real one) or says it cannot', () => {
    fc.assert(
      fc.property(fc.oneof(bytes(300), mutatedBlock), (block) => {
        const identity = decodeTextBlock(block);
        if (identity === undefined) return true;
        const result = interpretReadout(
          { text: block, photo: new Uint8Array(1024) },
          new Date(2026, 0, 1),
        );
        return typeof identity.name === 'string' && typeof result.ok === 'boolean';
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('turns any captured reply file into a card or a typed error', () => {
    const realReply = encodeSamReply(SW3.success, readData(demoCard(), false));
    expect(decodeCapturedRead(realReply, new Date(2026, 0, 1)).ok).toBe(true);
    const capture = fc.oneof(
      bytes(1500),
      fc
        .tuple(fc.nat({ max: realReply.length }), fc.uint8Array({ maxLength: 16 }))
        .map(([cut, tail]) => new Uint8Array([...realReply.subarray(0, cut), ...tail])),
    );
    fc.assert(
      fc.property(capture, (file) => {
        const result = decodeCapturedRead(file);
        return result.ok || (typeof result.error.code === 'string' && result.error.code !== '');
      }),
      { numRuns: FUZZ_RUNS },
    );
    expect(decodeCapturedRead(new Uint8Array(0)).ok).toBe(false);
  });
});
