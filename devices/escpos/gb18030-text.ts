/**
 * GB18030 text for ESC/POS printers in Chinese mode (device-protocols.md §3.1: FS & enters it,
 * FS . leaves it). Node has a GB18030 decoder but no encoder, so iconv-lite encodes. Pure, no I/O.
 *
 * zh-TW receipts go through GB18030 as well: GB18030 is a full Unicode encoding and holds the
 * traditional characters (臺, 灣, 證 …), mostly in its two-byte GBK area, so one printer font mode
 * serves both locales. Big5 mode is not used.
 */
import iconv from 'iconv-lite';
import type { TextEncodeFn } from './escpos-text.js';

/** Printed instead of a character that cannot or must not be sent. */
export const REPLACEMENT_BYTE = 0x3f; // '?'

/** Options of the GB18030 encoder. */
export interface Gb18030Options {
  /**
   * Whether the printer font has the four-byte GB18030 characters (rare ideographs such as
   * U+20BB7); printer specific [?]. When false they print as '?'. Default true.
   */
  readonly fourByte?: boolean;
}

/** The bytes of one text, and how many characters were replaced by '?'. */
export interface Gb18030Encoded {
  /** GB18030 bytes, safe to send between commands (no control bytes but LF and TAB). */
  readonly bytes: Uint8Array;
  /** Characters replaced by '?' (controls, lone surrogates, four-byte forms when refused). */
  readonly replaced: number;
}

const CACHE_LIMIT = 4096;
const cache = new Map<string, Uint8Array>();

/** Encodes one non-ASCII code point (cached: receipts repeat the same few hundred characters). */
function encodeCodePoint(char: string): Uint8Array {
  let bytes = cache.get(char);
  if (bytes === undefined) {
    bytes = new Uint8Array(iconv.encode(char, 'gb18030'));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(char, bytes);
  }
  return bytes;
}

/** Whether a code point must never reach the printer as text (it could start a command). */
function isForbidden(cp: number): boolean {
  if (cp === 0x0a || cp === 0x09) return false;
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xd800 && cp <= 0xdfff);
}

/** Encodes text as GB18030; unencodable characters become '?' and are counted, never thrown. */
export function encodeGb18030(text: string, options: Gb18030Options = {}): Gb18030Encoded {
  const fourByte = options.fourByte ?? true;
  const out: number[] = [];
  let replaced = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (isForbidden(cp)) {
      out.push(REPLACEMENT_BYTE);
      replaced++;
    } else if (cp < 0x80) {
      out.push(cp);
    } else {
      const bytes = encodeCodePoint(char);
      if (bytes.length === 4 && !fourByte) {
        out.push(REPLACEMENT_BYTE);
        replaced++;
      } else out.push(...bytes);
    }
  }
  return { bytes: Uint8Array.from(out), replaced };
}

/** Decodes GB18030 bytes (invalid sequences become U+FFFD). */
export function decodeGb18030(bytes: Uint8Array): string {
  return iconv.decode(bytes, 'gb18030');
}

/**
 * A TextEncodeFn for EscPosEncoder's injected-encoder seam that counts replaced characters, so a
 * caller can log "3 characters could not be printed" without the receipt failing.
 */
export class Gb18030TextEncoder {
  private count = 0;

  constructor(private readonly options: Gb18030Options = {}) {}

  /** Characters replaced by '?' since construction. */
  get replaced(): number {
    return this.count;
  }

  /** The encoder function (bound; pass it as `encodeText`). */
  readonly encode: TextEncodeFn = (text) => {
    const result = encodeGb18030(text, this.options);
    this.count += result.replaced;
    return result.bytes;
  };
}
