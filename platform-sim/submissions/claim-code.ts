/**
 * Claim codes as counter staff type them. The kiosk makes the codes (offline-cache/outbox/
 * claim-code.ts); the platform may import only contract/, so it reads them here: 8 Crockford
 * base32 characters, the last a Luhn mod 32 check character over the other seven.
 */

/** Crockford base32: no I, L, O, U. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = ALPHABET.length;
const CANONICAL = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/**
 * A typed code made canonical (upper case, no dash or spaces; O read as 0, I and L as 1), or
 * undefined when it is not a claim code at all or its check character is wrong (a typo).
 */
export function normaliseClaimCode(typed: string): string | undefined {
  if (typed.length > 20) return undefined;
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return CANONICAL.test(code) && luhnSum(code) % BASE === 0 ? code : undefined;
}

/** Luhn mod 32 over a whole code, check character included: from the right, every second doubled. */
function luhnSum(code: string): number {
  let sum = 0;
  for (let i = code.length - 1; i >= 0; i--) {
    const digit = ALPHABET.indexOf(code.charAt(i));
    const doubled = (code.length - 1 - i) % 2 === 1;
    // A doubled digit adds the base-32 digit sum of 2 × digit.
    sum += !doubled ? digit : digit < BASE / 2 ? 2 * digit : 2 * digit - BASE + 1;
  }
  return sum;
}
