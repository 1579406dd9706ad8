/**
 * The points where public CRT-591 sources disagree or say nothing (device-protocols.md §4.2),
 * as data. The defaults follow the confirmed [C] reading; every other value is a known variant.
 */

/** Which bytes the BCC (block check) XORs over. */
export type CrtBccCoverage = 'stxThroughEtx' | 'afterStxThroughEtx';

/** How one CRT unit frames and hands over messages. */
export interface CrtVariant {
  /** The unit's address byte (0–15, DIP switches), or null when frames carry no address. Default 0. */
  readonly address: number | null;
  /** Size of the big-endian length field: 2 [C] or 1 byte. Default 2. */
  readonly lengthBytes: 1 | 2;
  /** BCC coverage: STX through ETX [C], or from the byte after STX. Default 'stxThroughEtx'. */
  readonly bcc: CrtBccCoverage;
  /** Host sends ENQ (05) after the ACK to ask for the reply [?]. Default false. */
  readonly enq: boolean;
  /** Host answers a reply frame with ACK (or NAK on a bad BCC) [C]. Default true. */
  readonly ackReplies: boolean;
  /** Header byte of negative replies the unit sends: 'N' (4E) or 'E' (45) [X]; both are decoded. Default 'N'. */
  readonly negativeHeader: 'N' | 'E';
  /** Card presentation: 'hold' = 32 30 (held in the gate, can be captured) or 'eject' = 32 39 [X]. Default 'hold'. */
  readonly presentCommand: 'hold' | 'eject';
  /** Read position: 'rf' = 32 32 (contactless) or 'ic' = 32 31 (contacts). Default 'rf'. */
  readonly readPosition: 'rf' | 'ic';
  /** st2 read inversely (30 = full), as one public source does. Default false. */
  readonly st2Inverted: boolean;
  /** Largest TEXT (CMT/header + CM + PM + data) accepted by the decoder. Default 512 (255 with a 1-byte length). */
  readonly maxTextLength: number;
}

/** The confirmed reading of the protocol (matches every worked frame in the spec). */
export const DEFAULT_CRT_VARIANT: CrtVariant = {
  address: 0,
  lengthBytes: 2,
  bcc: 'stxThroughEtx',
  enq: false,
  ackReplies: true,
  negativeHeader: 'N',
  presentCommand: 'hold',
  readPosition: 'rf',
  st2Inverted: false,
  maxTextLength: 512,
};

/** Fills in the defaults; an explicit `undefined` means the default. Throws on an impossible value. */
export function resolveCrtVariant(variant: Partial<CrtVariant> = {}): CrtVariant {
  const set = Object.fromEntries(
    Object.entries(variant).filter(([, value]) => value !== undefined),
  ) as Partial<CrtVariant>;
  const lengthBytes = set.lengthBytes ?? DEFAULT_CRT_VARIANT.lengthBytes;
  const cap = lengthBytes === 1 ? 0xff : 0xffff;
  const defaultMax = Math.min(cap, DEFAULT_CRT_VARIANT.maxTextLength);
  const resolved: CrtVariant = { ...DEFAULT_CRT_VARIANT, maxTextLength: defaultMax, ...set };
  const { address, maxTextLength } = resolved;
  if (address !== null && (!Number.isInteger(address) || address < 0 || address > 0x0f))
    throw new RangeError(`CRT address must be 0–15 or null, got ${address}`);
  if (!Number.isInteger(maxTextLength) || maxTextLength < 3 || maxTextLength > cap)
    throw new RangeError(`CRT maxTextLength must be 3–${cap}, got ${maxTextLength}`);
  return resolved;
}
