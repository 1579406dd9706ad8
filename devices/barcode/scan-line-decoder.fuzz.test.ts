import fc from 'fast-check';
import { describe, it } from 'vitest';
import { ScanLineDecoder } from './scan-line-decoder.js';
import type { ScanLineItem, ScanSuffix } from './scan-line-decoder.js';
import { encodeScanText } from './scan-text.js';

// 100,000 cases per property in CI (the device-layer bar); FUZZ_RUNS overrides for soak runs.
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const MAX = 64;
const ERROR_CODES = ['overlongScan', 'badEncoding', 'incompleteScan', 'noise', 'missingPrefix'];
const SUFFIX_BYTES: Record<Exclude<ScanSuffix, 'none'>, number[]> = {
  cr: [0x0d],
  lf: [0x0a],
  crlf: [0x0d, 0x0a],
  tab: [0x09],
};

const options = fc.record({
  suffix: fc.constantFrom<ScanSuffix>('cr', 'lf', 'crlf', 'tab', 'none'),
  aimIds: fc.boolean(),
  encoding: fc.constantFrom('utf-8' as const, 'gb18030' as const),
  prefix: fc.constantFrom(new Uint8Array(0), Uint8Array.of(0x02)),
});
/** Terminators, prefixes, AIM starts and multi-byte lead bytes: where the decoder branches. */
const SPECIAL = [0x0d, 0x0a, 0x09, 0x02, 0x5d, 0x51, 0x31, 0xc3, 0xe4, 0x81, 0xff, 0x00];
/** Bytes of which about a third are special (mapped in place: cheaper than a per-byte oneof). */
const noisyBytes = fc
  .uint8Array({ maxLength: 60 })
  .map((b) => b.map((x) => (x < 96 ? (SPECIAL[x % SPECIAL.length] ?? x) : x)));
/** A stream as pushes; `null` is a quiet gap (idle). */
const pushes = fc.array(fc.oneof(noisyBytes, fc.constant(null)), { maxLength: 6 });
/** Scan text: ASCII URL characters plus 2-, 3- and 4-byte UTF-8 characters. */
const scanText = fc.string({
  unit: fc.constantFrom(
    'A',
    'z',
    '0',
    '-',
    ':',
    '/',
    '?',
    '=',
    ' ',
    'é',
    '电',
    '子',
    '证',
    '照',
    '𠀀',
  ),
  minLength: 1,
  maxLength: 10,
});

function run(decoder: ScanLineDecoder, steps: readonly (Uint8Array | null)[]): ScanLineItem[] {
  return steps.flatMap((step) => (step === null ? decoder.idle() : decoder.push(step)));
}

describe('ScanLineDecoder under fuzzing', { timeout: 120_000 }, () => {
  it('turns any bytes, chunks and gaps into scans or typed errors, holding at most one capped scan', () => {
    fc.assert(
      fc.property(options, pushes, (opts, steps) => {
        const decoder = new ScanLineDecoder({ ...opts, maxScanBytes: MAX });
        const items = run(decoder, steps);
        // Plain checks, not expect(), in the hot loop: fast-check reports the failing input.
        const typed = items.every((item) =>
          item.kind === 'scan'
            ? typeof item.scan.text === 'string' &&
              item.scan.byteLength >= 1 &&
              item.scan.byteLength <= MAX + 4
            : ERROR_CODES.includes(item.error.code),
        );
        return typed && decoder.pendingBytes <= MAX + 5;
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('recovers every framed scan, whatever the chunking', () => {
    const framed = fc.record({
      suffix: fc.constantFrom<Exclude<ScanSuffix, 'none'>>('cr', 'lf', 'crlf', 'tab'),
      encoding: fc.constantFrom('utf-8' as const, 'gb18030' as const),
      aim: fc.constantFrom('', ']Q1', ']C0'),
    });
    fc.assert(
      fc.property(
        framed,
        fc.array(scanText, { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 5 }),
        ({ suffix, encoding, aim }, scans, sizes) => {
          const stream = Uint8Array.from(
            scans.flatMap((s) => [
              0x02,
              ...new TextEncoder().encode(aim),
              ...encodeScanText(s, encoding),
              ...SUFFIX_BYTES[suffix],
            ]),
          );
          const decoder = new ScanLineDecoder({
            suffix,
            encoding,
            aimIds: true,
            prefix: Uint8Array.of(0x02),
            maxScanBytes: 256,
          });
          const items: ScanLineItem[] = [];
          for (let at = 0, i = 0; at < stream.length; i++) {
            const size = sizes[i % sizes.length] ?? 1;
            items.push(...decoder.push(stream.subarray(at, at + size)));
            at += size;
          }
          const got = items.map((i) =>
            i.kind === 'scan' ? `${i.scan.aimId ?? ''}${i.scan.text}` : i.error.code,
          );
          return got.join('|') === scans.map((s) => `${aim}${s}`).join('|');
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
