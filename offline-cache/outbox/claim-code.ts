import {
  CLAIM_CODE_ALPHABET as ALPHABET,
  claimCheckCharacter,
  parseClaimCode,
  type ClaimCode,
} from '../../contract/claim-code.js';

// Reading, checking and printing codes is shared with the platform (contract/); making them is not.
export {
  CLAIM_CODE_PATTERN,
  ClaimCode,
  formatClaimCode,
  parseClaimCode,
} from '../../contract/claim-code.js';

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
    // x < 2^35 is 7 base-32 digits: the top 3 in its high 15 bits, the other 4 in its low 20.
    const high = Math.floor(x / LOW_DIGITS_DOMAIN);
    const low = x % LOW_DIGITS_DOMAIN;
    let body = '';
    for (let i = 0; i < BODY_LENGTH; i++) {
      const digit = i < 3 ? (high >>> (5 * (2 - i))) & 31 : (low >>> (5 * (6 - i))) & 31;
      body += ALPHABET.charAt(digit);
    }
    return body + claimCheckCharacter(body);
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
