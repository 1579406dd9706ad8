import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLAIM_CODE_ALPHABET as ALPHABET,
  CLAIM_CODE_PATTERN,
  ClaimCode,
  PrintedClaimCode,
  claimCheckCharacter,
  formatClaimCode,
  parseClaimCode,
} from './claim-code.js';

// 100,000 cases per property in CI (the decoders' bar); FUZZ_RUNS overrides for soak runs.
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
/** Properties over whole valid codes: each one costs 32 normalisations to find its check character. */
const CODE_RUNS = Math.ceil(FUZZ_RUNS / 5);

/**
 * Codes the kiosk made (offline-cache/outbox/claim-code.ts, ClaimCodes with a fixed key, request
 * ids 1, 2, 3, 42, 1000, 123456 and 2^35 − 1). Tickets already printed must stay readable, so
 * these samples pin the check character however the code behind it changes.
 */
const KIOSK_CODES = [
  '64ZD8RB6',
  'C39G24GT',
  'H7FGBJKS',
  'S3GGZ2KH',
  'ZZTFCK4B',
  'ZZJG4WED',
  'VKGQZSZ7',
] as const;

/** Random code bodies (7 characters) made whole with the one check character that fits. */
const validCode = fc
  .string({ unit: fc.constantFrom(...ALPHABET), minLength: 7, maxLength: 7 })
  .map((body) => {
    const checks = [...ALPHABET].filter((c) => parseClaimCode(body + c) !== undefined);
    if (checks.length !== 1) throw new Error(`${body}: ${checks.length} check characters fit`);
    return body + checks[0]!;
  });

describe('claim codes as counter staff type them', () => {
  it('reads every code the kiosk made, as printed, in any case, with or without the dash', () => {
    for (const code of KIOSK_CODES) {
      const printed = `${code.slice(0, 4)}-${code.slice(4)}`;
      for (const typed of [code, printed, printed.toLowerCase(), ` ${code.toLowerCase()} `]) {
        expect(parseClaimCode(typed), typed).toBe(code);
      }
    }
  });

  it('reads O as 0 and I, L as 1 (Crockford), and nothing that is not 8 characters', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        const typed = code.replaceAll('0', 'o').replaceAll('1', 'I');
        expect(parseClaimCode(typed)).toBe(code);
        expect(parseClaimCode(code.slice(0, 7))).toBeUndefined();
        expect(parseClaimCode(`${code}0`)).toBeUndefined();
      }),
      { numRuns: 10_000 },
    );
  });

  it('fits exactly one check character to any body, and refuses any one character mistyped', () => {
    fc.assert(
      fc.property(
        validCode,
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom(...ALPHABET),
        (code, position, char) => {
          fc.pre(char !== code.charAt(position));
          const typo = code.slice(0, position) + char + code.slice(position + 1);
          expect(parseClaimCode(typo)).toBeUndefined();
        },
      ),
      { numRuns: CODE_RUNS },
    );
  });

  it('catches two swapped neighbours, except the one pair Luhn mod 32 cannot see (0 and Z)', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 6 }), (code, i) => {
        const [a, b] = [code.charAt(i), code.charAt(i + 1)];
        fc.pre(a !== b);
        const swapped = code.slice(0, i) + b + a + code.slice(i + 2);
        const blind = [a, b].sort().join('') === '0Z';
        expect(parseClaimCode(swapped)).toBe(blind ? swapped : undefined);
      }),
      { numRuns: CODE_RUNS },
    );
  });

  it('never throws, and gives only canonical codes whose check character holds', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.string({ unit: fc.constantFrom(...`${ALPHABET}oilOIL- `), maxLength: 12 }),
        ),
        (typed) => {
          const code = parseClaimCode(typed);
          if (code === undefined) return;
          expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
          expect(parseClaimCode(`${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase())).toBe(code);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('makes the check character the reader expects, for every body', () => {
    for (const code of KIOSK_CODES) expect(claimCheckCharacter(code.slice(0, 7))).toBe(code[7]);
    fc.assert(
      fc.property(validCode, (code) => {
        expect(claimCheckCharacter(code.slice(0, 7))).toBe(code.charAt(7));
      }),
      { numRuns: CODE_RUNS },
    );
  });

  it('prints as two groups that the contract accepts and that read back', () => {
    for (const code of KIOSK_CODES) {
      const printed = formatClaimCode(code);
      expect(PrintedClaimCode.safeParse(printed).success).toBe(true);
      expect(ClaimCode.safeParse(code).success).toBe(true);
      expect(ClaimCode.safeParse(printed).success).toBe(false);
      expect(code).toMatch(CLAIM_CODE_PATTERN);
      expect(parseClaimCode(printed)).toBe(code);
    }
    expect(ClaimCode.safeParse('S3GGZ2KI').success).toBe(false);
  });

  it('refuses input longer than anyone types for a code (20 characters)', () => {
    expect(parseClaimCode(` S3GG-Z2KH${' '.repeat(10)}`)).toBe('S3GGZ2KH');
    expect(parseClaimCode(` S3GG-Z2KH${' '.repeat(11)}`)).toBeUndefined();
  });
});
