import fc from 'fast-check';
import { describe, it } from 'vitest';
import { ACK, CrtFrameDecoder, ENQ, EOT, NAK, STX, crtHeaderLength } from './crt-frame.js';
import type { CrtDecoded } from './crt-frame.js';
import { encodeCrtNegative, encodeCrtPositive, parseCrtText } from './crt-replies.js';
import { resolveCrtVariant } from './crt-variant.js';
import type { CrtVariant } from './crt-variant.js';

// 100,000 cases per property (the device-layer bar); FUZZ_RUNS overrides for soak runs.
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const SPECIAL = [STX, ACK, NAK, ENQ, EOT, 0x03];

const variantArb: fc.Arbitrary<CrtVariant> = fc
  .record({
    address: fc.constantFrom(null, 0, 7, 15),
    lengthBytes: fc.constantFrom(1 as const, 2 as const),
    bcc: fc.constantFrom('stxThroughEtx' as const, 'afterStxThroughEtx' as const),
    maxTextLength: fc.integer({ min: 3, max: 255 }),
  })
  .map((v) => resolveCrtVariant(v));

/** Bytes rich in the protocol's special values, so the decoder's edges are reached. */
const noisyByte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...SPECIAL, 0x00));
const noise = fc.array(noisyByte, { maxLength: 40 }).map((b) => Uint8Array.from(b));
const chunking = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 });

function pushInChunks(decoder: CrtFrameDecoder, bytes: Uint8Array, sizes: number[]): CrtDecoded[] {
  const out: CrtDecoded[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    out.push(...decoder.push(bytes.subarray(at, at + size)));
    at += size;
  }
  return out;
}

/** A reply frame: positive with status bytes and data, or negative with an error code. */
const replyArb = fc.oneof(
  fc.record({
    kind: fc.constant('positive' as const),
    cm: fc.integer({ min: 0, max: 255 }),
    pm: fc.integer({ min: 0, max: 255 }),
    st: fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)),
    data: fc.uint8Array({ maxLength: 40 }),
  }),
  fc.record({
    kind: fc.constant('negative' as const),
    cm: fc.integer({ min: 0, max: 255 }),
    pm: fc.integer({ min: 0, max: 255 }),
    code: fc
      .tuple(fc.nat(15), fc.nat(15))
      .map(([a, b]) => `${a.toString(16)}${b.toString(16)}`.toUpperCase()),
    header: fc.constantFrom('N' as const, 'E' as const),
  }),
);

/** A reply text as a comparable string. */
function describeText(text: Uint8Array): string {
  const t = parseCrtText(text);
  if (t?.kind === 'positive') {
    const st = t.status === undefined ? '' : `${t.status.st0} ${t.status.st1} ${t.status.st2}`;
    return `P ${t.cm} ${t.pm} ${st} ${Buffer.from(t.data).toString('hex')}`;
  }
  if (t?.kind === 'negative') return `${t.header} ${t.cm} ${t.pm} ${t.errorCode}`;
  return 'other';
}

describe('CrtFrameDecoder under fuzzing', { timeout: 120_000 }, () => {
  it('turns any bytes in any chunks into typed items, never a throw or a runaway buffer', () => {
    fc.assert(
      fc.property(variantArb, noise, chunking, (variant, bytes, sizes) => {
        const decoder = new CrtFrameDecoder(variant);
        const codes = ['garbage', 'badLength', 'missingEtx', 'badChecksum'];
        for (const item of pushInChunks(decoder, bytes, sizes)) {
          if (item.kind === 'frame') {
            const n = item.frame.text.length;
            if (n < 3 || n > variant.maxTextLength) return false;
            parseCrtText(item.frame.text);
          } else if (item.kind === 'error' && !codes.includes(item.error.code)) return false;
        }
        // Plain booleans instead of expect(): 100,000 runs must stay fast.
        return decoder.pendingBytes <= crtHeaderLength(variant) + variant.maxTextLength + 2;
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('round-trips every reply frame between special-free noise, in order, in any chunks', () => {
    const quiet = noise.map((b) => b.filter((x) => !SPECIAL.includes(x)));
    fc.assert(
      fc.property(
        variantArb,
        fc.array(fc.tuple(quiet, replyArb), { minLength: 1, maxLength: 4 }),
        chunking,
        (variant, parts, sizes) => {
          const v = resolveCrtVariant({ ...variant, maxTextLength: 255 });
          const frames = parts.map(([, r]) =>
            r.kind === 'positive'
              ? encodeCrtPositive(
                  r.cm,
                  r.pm,
                  { st0: r.st[0], st1: r.st[1], st2: r.st[2] },
                  v,
                  r.data,
                )
              : encodeCrtNegative(r.cm, r.pm, r.code, v, r.header),
          );
          const stream = Uint8Array.from(parts.flatMap(([g], i) => [...g, ...(frames[i] ?? [])]));
          const items = pushInChunks(new CrtFrameDecoder(v), stream, sizes);
          const got = items.flatMap((i) =>
            i.kind === 'frame' ? [describeText(i.frame.text)] : [],
          );
          const want = parts.map(([, r]) =>
            r.kind === 'positive'
              ? `P ${r.cm} ${r.pm} ${r.st.join(' ')} ${Buffer.from(r.data).toString('hex')}`
              : `${r.header} ${r.cm} ${r.pm} ${r.code}`,
          );
          return got.join('|') === want.join('|');
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
