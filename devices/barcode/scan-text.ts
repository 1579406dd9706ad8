import iconv from 'iconv-lite';

/** Character encodings a scanner may send its data in. */
export type ScanEncoding = 'utf-8' | 'gb18030';

/** One decoded scan. PERSONAL DATA: `text` may be an e-licence token; never log it. */
export interface DecodedScan {
  /** The scanned text. */
  readonly text: string;
  /** The AIM symbology identifier it came with, e.g. "]Q1". */
  readonly aimId?: string;
  /** Length of the data in bytes (safe to log). */
  readonly byteLength: number;
}

/** Decoded text, or the reason it could not be decoded. */
export type ScanTextResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly code: 'badEncoding' };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes scanned bytes strictly: invalid sequences are `badEncoding`, never replacement
 * characters, because a silently altered e-licence token fails later and less clearly.
 */
export function decodeScanText(bytes: Uint8Array, encoding: ScanEncoding): ScanTextResult {
  if (encoding === 'utf-8') {
    try {
      return { ok: true, text: utf8.decode(bytes) };
    } catch {
      return { ok: false, code: 'badEncoding' };
    }
  }
  // iconv-lite substitutes instead of failing: a lossless round trip is the validity check.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = iconv.decode(buffer, 'gb18030');
  return iconv.encode(text, 'gb18030').equals(buffer)
    ? { ok: true, text }
    : { ok: false, code: 'badEncoding' };
}

/** Encodes text as a scanner configured for `encoding` would send it. */
export function encodeScanText(text: string, encoding: ScanEncoding): Uint8Array {
  return encoding === 'utf-8'
    ? new TextEncoder().encode(text)
    : new Uint8Array(iconv.encode(text, 'gb18030'));
}
