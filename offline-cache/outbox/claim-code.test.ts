import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CLAIM_CODE_ALPHABET as ALPHABET } from '../../contract/claim-code.js';
import { CLAIM_CODE_PATTERN, ClaimCodes, formatClaimCode, parseClaimCode } from './claim-code.js';

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const codes = new ClaimCodes(randomBytes(32));
const requestId = fc.integer({ min: 1, max: 2 ** 35 - 1 });
const code = requestId.map((id) => codes.forRequest(id));

describe('claim codes', () => {
  it('are 8 typable characters, printed as two groups, read back however they are typed', () => {
    const made = codes.forRequest(1);
    expect(made).toMatch(CLAIM_CODE_PATTERN);
    const printed = formatClaimCode(made);
    expect(printed).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(parseClaimCode(printed)).toBe(made);
    expect(parseClaimCode(` ${printed.toLowerCase()} `)).toBe(made);
    expect(parseClaimCode(made.replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(made);
  });

  it('lead back to their request id, and only with the same key', () => {
    fc.assert(
      fc.property(requestId, (id) => {
        expect(codes.requestId(codes.forRequest(id))).toBe(id);
      }),
      { numRuns: FUZZ_RUNS },
    );
    const other = new ClaimCodes(randomBytes(32));
    expect(other.forRequest(1)).not.toBe(codes.forRequest(1));
  });

  it('are unique per request and do not follow the request order', () => {
    const made = Array.from({ length: 200_000 }, (_, i) => codes.forRequest(i + 1));
    expect(new Set(made).size).toBe(made.length);
    const neighboursSharingPrefix = made
      .slice(1)
      .filter((c, i) => c.slice(0, 3) === made[i]?.slice(0, 3)).length;
    expect(neighboursSharingPrefix).toBeLessThan(50); // ~6 expected at random (1 in 32,768)
  });

  it('catch every single mistyped character', () => {
    fc.assert(
      fc.property(code, fc.nat(7), fc.integer({ min: 1, max: 31 }), (made, at, shift) => {
        const wrong = ALPHABET.charAt((ALPHABET.indexOf(made.charAt(at)) + shift) % 32);
        const typed = made.slice(0, at) + wrong + made.slice(at + 1);
        expect(parseClaimCode(typed)).toBeUndefined();
        expect(codes.requestId(typed)).toBeUndefined();
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('catch swapped neighbours except the one pair Luhn cannot see (0 and Z)', () => {
    fc.assert(
      fc.property(code, fc.nat(6), (made, at) => {
        const a = made.charAt(at);
        const b = made.charAt(at + 1);
        fc.pre(a !== b && !(new Set([a, b]).has('0') && new Set([a, b]).has('Z')));
        const typed = made.slice(0, at) + b + a + made.slice(at + 2);
        expect(parseClaimCode(typed)).toBeUndefined();
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
