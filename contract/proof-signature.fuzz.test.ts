import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalProofJson,
  generateProofKeyPair,
  proofDigest,
  publicKeyRecord,
  signProof,
  verifyProof,
  verifyProofQr,
} from './proof-signature.js';
import type { ProofContent } from './proofs.js';
import { SAMPLE_CONTENTS, SAMPLE_ISSUERS } from './proof-signature.test-samples.js';

// 100,000 cases per property in CI (the decoders' bar); FUZZ_RUNS overrides for soak runs.
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

const platform = generateProofKeyPair();
const KEYS = [publicKeyRecord('platform-2025', platform.publicKey, SAMPLE_ISSUERS)];
const SIGNED = SAMPLE_CONTENTS.map((c) => signProof(c, platform.privateKey, 'platform-2025'));
const QRS = SIGNED.map((s) => s.qr);

/** Characters a one-character change picks from: base64url, the separators, and worse. */
const replacement = fc.oneof(
  fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \n'),
  fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
);

/** Same object, keys inserted in another order at every level (arrays keep their order). */
function reorder(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => reorder(v, seed + i));
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  const order = keys
    .map((k, i) => [k, Math.sin(seed * 9973 + i * 7919)] as const)
    .sort((a, b) => a[1] - b[1]);
  return Object.fromEntries(
    order.map(([k], i) => [k, reorder((value as Record<string, unknown>)[k], seed * 31 + i)]),
  );
}

describe('proof QR under fuzzing', { timeout: 300_000 }, () => {
  it('no single-character change to a QR text verifies, and none throws', () => {
    fc.assert(
      fc.property(fc.constantFrom(...QRS), fc.nat(), replacement, (qr, position, char) => {
        const at = position % qr.length;
        fc.pre(qr[at] !== char);
        const changed = qr.slice(0, at) + char + qr.slice(at + 1);
        expect(verifyProofQr(changed, KEYS).ok).toBe(false);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('no single-byte change to the QR bytes verifies, and none throws', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...QRS),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (qr, position, xor) => {
          const bytes = Buffer.from(qr, 'utf8');
          const at = position % bytes.length;
          bytes[at] = bytes[at]! ^ xor;
          expect(verifyProofQr(bytes.toString('utf8'), KEYS).ok).toBe(false);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('any text at all gives a typed result, never a throw', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 1500, unit: 'binary' }),
      fc
        .tuple(fc.string({ unit: fc.constantFrom(...'AZaz09-_') }), fc.base64String())
        .map(([a, b]) => `KP1.${a}.${b}`),
      fc
        .jsonValue()
        .map(
          (v) =>
            `KP1.${Buffer.from(JSON.stringify(v) ?? '').toString('base64url')}.${'A'.repeat(86)}`,
        ),
    );
    fc.assert(
      fc.property(text, (input) => {
        const result = verifyProofQr(input, KEYS);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('a signed proof with keys in any order still verifies (the digest ignores key order)', () => {
    fc.assert(
      fc.property(fc.nat({ max: SIGNED.length - 1 }), fc.integer(), (index, seed) => {
        const signed = SIGNED[index]!;
        const shuffled = reorder(signed.content, seed) as ProofContent;
        expect(canonicalProofJson(shuffled)).toBe(canonicalProofJson(signed.content));
        expect(proofDigest(shuffled).equals(proofDigest(signed.content))).toBe(true);
        expect(verifyProof({ content: shuffled, qr: signed.qr }, KEYS).ok).toBe(true);
      }),
      { numRuns: FUZZ_RUNS / 10 },
    );
  });

  it('canonical JSON of any string/boolean/integer tree is key-order free and parses back', () => {
    const leaf = fc.oneof(fc.string({ unit: 'binary' }), fc.boolean(), fc.maxSafeInteger());
    const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('tree'), { maxLength: 4 }),
        fc.dictionary(fc.string({ unit: 'binary' }), tie('tree'), { maxKeys: 5 }),
      ),
    }));
    fc.assert(
      fc.property(tree, fc.integer(), (value, seed) => {
        const json = canonicalProofJson(value as ProofContent);
        expect(canonicalProofJson(reorder(value, seed) as ProofContent)).toBe(json);
        expect(JSON.parse(json)).toEqual(value);
      }),
      { numRuns: FUZZ_RUNS / 10 },
    );
  });
});
