/** Bytes from a spaced hex string as the protocol specs write frames, e.g. "EF 01 FF FF FF FF". */
export function hex(text: string): Uint8Array {
  return Uint8Array.from(
    text
      .trim()
      .split(/\s+/)
      .map((b) => parseInt(b, 16)),
  );
}
