/**
 * Pure byte arithmetic the frame codecs share: checksums over a range of a frame and big-endian
 * 16-bit fields. No I/O. Bytes past the end of the array read as 0, as the decoders expect.
 */

/** XOR of `bytes[start..end)`: the SAM CHK and the CRT BCC. */
export function xorChecksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let chk = 0;
  for (let i = start; i < end; i++) chk ^= bytes[i] ?? 0;
  return chk;
}

/** Sum of `bytes[start..end)` modulo 2^16: the ZFM SUM16. */
export function sum16(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += bytes[i] ?? 0;
  return sum & 0xffff;
}

/** The big-endian 16-bit value at `bytes[at]`, `bytes[at + 1]`. */
export function readU16BE(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

/** Writes the low 16 bits of `value` big-endian at `bytes[at]`, `bytes[at + 1]`. */
export function writeU16BE(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = (value >> 8) & 0xff;
  bytes[at + 1] = value & 0xff;
}
