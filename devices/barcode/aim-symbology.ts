/**
 * AIM symbology identifiers (ISO/IEC 15424): `]` + code character + modifier, sent before the
 * data when the scanner is set to transmit them. Only the code character names the symbology.
 */
const AIM_CODES: Readonly<Record<string, string>> = {
  A: 'code39',
  C: 'code128',
  d: 'dataMatrix',
  E: 'ean',
  e: 'gs1DataBar',
  F: 'codabar',
  G: 'code93',
  I: 'itf',
  L: 'pdf417',
  Q: 'qr',
  z: 'aztec',
  X: 'other',
};

/** Length of an AIM symbology identifier in bytes. */
export const AIM_ID_LENGTH = 3;

/** True when the 3 bytes at `at` look like an AIM identifier (`]`, a letter, a printable modifier). */
export function isAimId(bytes: Uint8Array, at = 0): boolean {
  const code = bytes[at + 1] ?? 0;
  const modifier = bytes[at + 2] ?? 0;
  const letter = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return bytes[at] === 0x5d && letter && modifier >= 0x21 && modifier <= 0x7e;
}

/** The AIM identifier at `at` as text (e.g. "]Q1"), or undefined when there is none. */
export function readAimId(bytes: Uint8Array, at = 0): string | undefined {
  if (!isAimId(bytes, at)) return undefined;
  return String.fromCharCode(...bytes.subarray(at, at + AIM_ID_LENGTH));
}

/** A readable symbology name for an AIM identifier ("]Q1" → "qr"); unknown ones stay as sent. */
export function symbologyName(aimId: string): string {
  return AIM_CODES[aimId.charAt(1)] ?? aimId;
}
