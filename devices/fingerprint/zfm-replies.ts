/** Parsers for the return values of an ack (the bytes after the confirmation code, §2.2, §2.4). */

/** Match ack: the similarity score. */
export interface ZfmMatchResult {
  /** Score, 2 bytes BE; 0 when absent (a 1-byte no-match ack). Log it, do not threshold it. */
  readonly score: number;
}

/** Search / HighSpeedSearch ack. */
export interface ZfmSearchResult {
  /** Library page of the matching template; 0 on failure. */
  readonly pageId: number;
  /** Score; 0 on failure. */
  readonly score: number;
}

/** ReadSysPara ack, 16 bytes (§2.4). */
export interface ZfmSystemParameters {
  /** Status register: bit 0 busy, 1 pass, 2 password verified, 3 valid image. */
  readonly status: number;
  /** System identifier code. */
  readonly systemId: number;
  /** Template library capacity. */
  readonly libraryCapacity: number;
  /** Security level 1–5. */
  readonly securityLevel: number;
  /** Module address. */
  readonly address: number;
  /** Data packet size in bytes (32, 64, 128 or 256). */
  readonly packetSize: number;
  /** Baud rate (N × 9600). */
  readonly baudRate: number;
}

const u16 = (data: Uint8Array, at: number): number => ((data[at] ?? 0) << 8) | (data[at + 1] ?? 0);

/**
 * Reads the Match score. Missing bytes read as 0: §2.5 notes that modules may send only the
 * confirmation byte on failure, and a driver must not crash on that.
 */
export function parseMatchAck(data: Uint8Array): ZfmMatchResult {
  return { score: u16(data, 0) };
}

/** Reads PageID (2) and score (2); tolerant of short acks like parseMatchAck. */
export function parseSearchAck(data: Uint8Array): ZfmSearchResult {
  return { pageId: u16(data, 0), score: u16(data, 2) };
}

/** Reads the TemplateNum count (2). */
export function parseTemplateCount(data: Uint8Array): number {
  return u16(data, 0);
}

/** Reads the 16-byte ReadSysPara block; undefined when shorter or the packet-size code is unknown. */
export function parseSystemParameters(data: Uint8Array): ZfmSystemParameters | undefined {
  if (data.length < 16) return undefined;
  const sizeCode = u16(data, 12);
  if (sizeCode > 3) return undefined;
  return {
    status: u16(data, 0),
    systemId: u16(data, 2),
    libraryCapacity: u16(data, 4),
    securityLevel: u16(data, 6),
    address: ((u16(data, 8) << 16) | u16(data, 10)) >>> 0,
    packetSize: 32 << sizeCode,
    baudRate: u16(data, 14) * 9600,
  };
}
