/**
 * Text encoding for ESC/POS. iconv-lite is not a dependency and Node has no GB18030 TextEncoder
 * (only a decoder), so the default accepts printable ASCII only and throws EscPosEncodingError
 * otherwise; a GB18030 encoder must be injected for Chinese receipts (§3.1).
 */

/** Turns text into printer bytes (e.g. GB18030 in Chinese mode). */
export type TextEncodeFn = (text: string) => Uint8Array;

/** Thrown when text cannot be encoded by the configured encoder. */
export class EscPosEncodingError extends Error {
  /** Machine-readable code. */
  readonly code = 'unencodableText';
  constructor(
    /** The offending character. */
    readonly char: string,
    /** Its UTF-16 index in the text. */
    readonly index: number,
  ) {
    super(`cannot encode U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()} at ${index}`);
    this.name = 'EscPosEncodingError';
  }
}

/** Default encoder: printable ASCII plus LF and TAB; anything else throws (no command injection). */
export const asciiOnly: TextEncodeFn = (text) => {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x09))
      throw new EscPosEncodingError(text.charAt(i), i);
    out[i] = c;
  }
  return out;
};
