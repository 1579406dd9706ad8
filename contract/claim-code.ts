import { z } from 'zod';

/**
 * Claim codes as printed on the citizen's ticket and typed back by counter staff: 8 Crockford
 * base32 characters, the last a Luhn mod 32 check character over the other seven. The kiosk makes
 * them (offline-cache/outbox/claim-code.ts, a keyed permutation of its request ids); everything
 * that only reads, checks or prints them is here, so the kiosk and the platform share one reader.
 */

/** Crockford base32 (no I, L, O, U: nothing to confuse when typing from paper). */
export const CLAIM_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = CLAIM_CODE_ALPHABET.length;
/** Longest input worth reading: 8 characters plus a dash and stray spaces. */
const MAX_TYPED_LENGTH = 20;

/** The canonical shape (no separator, upper case). */
export const CLAIM_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/** A claim code in canonical form (the check character is checked by parseClaimCode). */
export const ClaimCode = z.string().regex(CLAIM_CODE_PATTERN);
/** A claim code: 8 Crockford base32 characters, the last a Luhn mod 32 check character. */
export type ClaimCode = z.infer<typeof ClaimCode>;

/** A claim code as printed on the ticket, "ABCD-EFGH" (what formatClaimCode gives). */
export const PrintedClaimCode = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

/** "ABCD-EFGH": how it is printed on the claim ticket. */
export function formatClaimCode(code: ClaimCode): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What a citizen or clerk typed, made canonical: case, spaces and dashes ignored, and the letters
 * Crockford reads as digits (O → 0, I/L → 1) mapped. Undefined when it is not a valid code, so a
 * single mistyped character or two swapped neighbours is caught before any lookup.
 */
export function parseClaimCode(typed: string): ClaimCode | undefined {
  if (typed.length > MAX_TYPED_LENGTH) return undefined;
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!CLAIM_CODE_PATTERN.test(code)) return undefined;
  return luhnSum(code) % BASE === 0 ? code : undefined;
}

/** The check character that completes a 7-character body (CLAIM_CODE_ALPHABET characters). */
export function claimCheckCharacter(body: string): string {
  // The sum of body + '0' is what the check character must bring up to a multiple of 32.
  const sum = luhnSum(`${body}0`);
  return CLAIM_CODE_ALPHABET.charAt((BASE - (sum % BASE)) % BASE);
}

/** A doubled digit's Luhn addend: the base-32 digit sum of 2 × digit. */
function luhnDoubled(digit: number): number {
  return digit < BASE / 2 ? 2 * digit : 2 * digit - BASE + 1;
}

/** Luhn mod N sum of a whole code (check character included): from the right, factor 1 first. */
function luhnSum(code: string): number {
  let sum = 0;
  for (let i = code.length - 1; i >= 0; i--) {
    const digit = CLAIM_CODE_ALPHABET.indexOf(code.charAt(i));
    sum += (code.length - 1 - i) % 2 === 0 ? digit : luhnDoubled(digit);
  }
  return sum;
}
