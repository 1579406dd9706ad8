import { randomFillSync } from 'node:crypto';

/** Crockford base32, the ULID alphabet (no I, L, O, U). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ALPHABET_CODES = Uint8Array.from(ALPHABET, (char) => char.charCodeAt(0));
const TIME_LENGTH = 10;
const RANDOM_BYTES = 10;

/** A ULID: 26 characters, sortable by creation time (ms), unique per process. */
export type Ulid = string;

/** The shape of a ULID, for validation at boundaries. */
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * Makes ULIDs that sort in creation order even within one millisecond (monotonic: the random part
 * is incremented), so journal and outbox ids double as an insertion order.
 *
 * Every outbox enqueue makes one, right after the previous commit's fsync, when caches are cold:
 * so the characters are written into one reused buffer and read out as a single string (no
 * 26-step string building), the time part is encoded once per millisecond, and the random part of
 * a new millisecond comes from a pool filled from the CSPRNG 256 at a time.
 */
export class UlidFactory {
  private lastTime = -1;
  private readonly random = new Uint8Array(RANDOM_BYTES);
  private readonly chars = Buffer.alloc(TIME_LENGTH + 16);
  private readonly pool = Buffer.alloc(RANDOM_BYTES * 256);
  private poolOffset = this.pool.length;

  constructor(private readonly now: () => number = Date.now) {}

  /** The next ULID. */
  next(): Ulid {
    const time = Math.max(this.now(), this.lastTime);
    if (time === this.lastTime) {
      increment(this.random);
    } else {
      this.lastTime = time;
      this.freshRandom();
      encodeTime(time, this.chars);
    }
    encodeRandom(this.random, this.chars);
    return this.chars.toString('latin1');
  }

  private freshRandom(): void {
    if (this.poolOffset === this.pool.length) {
      randomFillSync(this.pool);
      this.poolOffset = 0;
    }
    this.random.set(this.pool.subarray(this.poolOffset, this.poolOffset + RANDOM_BYTES));
    this.poolOffset += RANDOM_BYTES;
  }
}

/** The creation time (ms since epoch) encoded in a ULID. */
export function ulidTime(id: Ulid): number {
  let time = 0;
  for (const char of id.slice(0, TIME_LENGTH)) time = time * 32 + ALPHABET.indexOf(char);
  return time;
}

/** 48 bits of time as the first 10 characters. */
function encodeTime(time: number, into: Buffer): void {
  for (let i = TIME_LENGTH - 1; i >= 0; i--) {
    into[i] = ALPHABET_CODES[time % 32] ?? 0;
    time = Math.floor(time / 32);
  }
}

/** 80 random bits as the last 16 characters, 5 bits each, most significant first. */
function encodeRandom(bytes: Uint8Array, into: Buffer): void {
  let at = TIME_LENGTH;
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      into[at++] = ALPHABET_CODES[(value >> bits) & 31] ?? 0;
    }
    value &= (1 << bits) - 1;
  }
}

function increment(bytes: Uint8Array): void {
  for (let i = bytes.length - 1; i >= 0; i--) {
    const next = (bytes[i] ?? 0) + 1;
    bytes[i] = next & 0xff;
    if (next <= 0xff) return;
  }
}
