/** Crockford base32 (no I, L, O, U: nothing to confuse when typing from paper). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = ALPHABET.length;
/** Characters carrying the number; the 8th is the check character. */
const BODY_LENGTH = 7;
/** 32^7 = 2^35 ≈ 3.4 × 10^10 codes. */
const DOMAIN = 2 ** 35;
const HALF_BITS = 18;
const HALF = 2 ** HALF_BITS;
const ROUNDS = 8;
/** 32^4: the low four digits of a code's number. */
const LOW_DIGITS_DOMAIN = 2 ** 20;

/** A claim code: 8 Crockford base32 characters, the last a Luhn mod 32 check character. */
export type ClaimCode = string;

/** The canonical shape (no separator, upper case). */
export const CLAIM_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/**
 * Claim codes for request ids: a keyed permutation of the 35-bit id space (an 8-round Feistel
 * network on 36 bits, cycle-walked into 35), so every request id has its own code — unique by
 * construction, no index and no retry — while neighbouring tickets' codes look unrelated and
 * cannot be predicted without the key (kept in the database). It hides the sequence from
 * citizens; it is not a secret against someone holding the database.
 */
export class ClaimCodes {
  private readonly roundKeys: number[];

  constructor(key: Uint8Array) {
    if (key.length < ROUNDS * 4) throw new RangeError(`claim-code key must be ${ROUNDS * 4} bytes`);
    const view = new DataView(key.buffer, key.byteOffset, key.length);
    this.roundKeys = Array.from({ length: ROUNDS }, (_, i) => view.getUint32(i * 4));
  }

  /** The code of request id `id` (1 ≤ id < 2^35). */
  forRequest(id: number): ClaimCode {
    if (!Number.isInteger(id) || id < 0 || id >= DOMAIN) throw new RangeError(`request id ${id}`);
    let x = id;
    do x = this.encrypt(x);
    while (x >= DOMAIN);
    // Straight from the number to the characters and the Luhn sum (this runs in every enqueue):
    // x < 2^35 is 7 base-32 digits, the top 3 in its high 15 bits, the other 4 in its low 20.
    const high = Math.floor(x / LOW_DIGITS_DOMAIN);
    const low = x % LOW_DIGITS_DOMAIN;
    let body = '';
    let sum = 0;
    for (let i = 0; i < BODY_LENGTH; i++) {
      const digit = i < 3 ? (high >>> (5 * (2 - i))) & 31 : (low >>> (5 * (6 - i))) & 31;
      body += ALPHABET.charAt(digit);
      // Luhn from the right, factor 2 first: digits 0, 2, 4, 6 (BODY_LENGTH is odd) are doubled.
      sum += i % 2 === 0 ? luhnDoubled(digit) : digit;
    }
    return body + ALPHABET.charAt((BASE - (sum % BASE)) % BASE);
  }

  /** The request id a canonical, valid code stands for. */
  requestId(code: ClaimCode): number | undefined {
    if (parseClaimCode(code) !== code) return undefined;
    let x = 0;
    for (const char of code.slice(0, BODY_LENGTH)) x = x * BASE + ALPHABET.indexOf(char);
    do x = this.decrypt(x);
    while (x >= DOMAIN);
    return x;
  }

  private encrypt(x: number): number {
    let left = Math.floor(x / HALF);
    let right = x % HALF;
    for (const key of this.roundKeys) {
      const next = (left ^ round(right, key)) >>> 0;
      left = right;
      right = next;
    }
    return left * HALF + right;
  }

  private decrypt(x: number): number {
    let left = Math.floor(x / HALF);
    let right = x % HALF;
    for (let i = ROUNDS - 1; i >= 0; i--) {
      const previous = (right ^ round(left, this.roundKeys[i] ?? 0)) >>> 0;
      right = left;
      left = previous;
    }
    return left * HALF + right;
  }
}

/** The Feistel round function: a 32-bit integer mix of half and key, cut to 18 bits. */
function round(half: number, key: number): number {
  let h = Math.imul(half ^ key, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca77);
  h ^= h >>> 13;
  return h & (HALF - 1);
}

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
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!CLAIM_CODE_PATTERN.test(code)) return undefined;
  return luhnSum(code) % BASE === 0 ? code : undefined;
}

/** A doubled digit's Luhn addend: the base-32 digit sum of 2 × digit. */
function luhnDoubled(digit: number): number {
  return digit < BASE / 2 ? 2 * digit : 2 * digit - BASE + 1;
}

/** Luhn mod N sum of a whole code (check character included): from the right, factor 1 first. */
function luhnSum(code: string): number {
  let sum = 0;
  for (let i = code.length - 1; i >= 0; i--) {
    const digit = ALPHABET.indexOf(code.charAt(i));
    sum += (code.length - 1 - i) % 2 === 0 ? digit : luhnDoubled(digit);
  }
  return sum;
}
