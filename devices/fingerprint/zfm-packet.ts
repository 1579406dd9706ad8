/**
 * Pure framing of the ZFM-20 / R30x / AS608 fingerprint module protocol (§2.1). No I/O.
 *
 *   EF 01 | address (4, BE) | PID | length (2, BE) = payload + 2 | payload | SUM16 (2, BE)
 *
 * The checksum covers PID, both length bytes and the payload (not the header or address).
 * The streaming decoder is in zfm-packet-decoder.ts.
 */

import { sum16, writeU16BE } from '../util/checksum.js';

export { sum16 } from '../util/checksum.js';

/** The fixed 2-byte packet header. */
export const ZFM_HEADER: readonly number[] = [0xef, 0x01];
/** Header, address, PID and length: the bytes before the payload. */
export const ZFM_PREFIX_LENGTH = 9;
/** Factory module address. */
export const ZFM_DEFAULT_ADDRESS = 0xffffffff;
/** Default cap on a payload: the largest packet-size setting (code 3) is 256 data bytes. */
export const DEFAULT_MAX_PAYLOAD_LENGTH = 256;

/** Packet identifiers (PID). */
export const ZFM_PID = {
  command: 0x01,
  data: 0x02,
  ack: 0x07,
  endData: 0x08,
} as const;

const EMPTY = new Uint8Array(0);

/** One decoded packet. */
export interface ZfmPacket {
  /** The module address the packet carried. */
  readonly address: number;
  /** Packet identifier, one of ZFM_PID. */
  readonly pid: number;
  /** Instruction + parameters, confirmation + return values, or data. */
  readonly payload: Uint8Array;
}

/** Why bytes were rejected; the decoder goes on with the bytes that follow. */
export type ZfmPacketError =
  | {
      /** Bytes outside any packet were skipped while looking for a header. */
      code: 'garbage';
      /** How many bytes were skipped. */
      discarded: number;
    }
  | {
      /** The PID byte is not 01, 02, 07 or 08. */
      code: 'badPid';
      /** The PID received. */
      pid: number;
    }
  | {
      /** The length field is below 3 (empty payload) or above the cap. */
      code: 'badLength';
      /** The declared length (payload + 2). */
      length: number;
    }
  | {
      /** The packet's SUM16 does not match its bytes. */
      code: 'badChecksum';
      /** The sum computed over the received bytes. */
      expected: number;
      /** The checksum received. */
      actual: number;
    }
  | {
      /** A well-formed packet for another module address; it was dropped whole. */
      code: 'wrongAddress';
      /** The address the decoder was set up for. */
      expected: number;
      /** The address the packet carried. */
      actual: number;
    };

/** One item out of the decoder: a packet or a typed error, in stream order. */
export type ZfmDecoded =
  | {
      /** A whole, valid packet. */
      kind: 'packet';
      /** The packet. */
      packet: ZfmPacket;
    }
  | {
      /** Bytes were rejected. */
      kind: 'error';
      /** Why. */
      error: ZfmPacketError;
    };

/** Frames a payload: header, address, PID, length, payload, SUM16. */
export function encodeZfmPacket(
  pid: number,
  payload: Uint8Array,
  address: number = ZFM_DEFAULT_ADDRESS,
): Uint8Array {
  if (payload.length > 0xfffd) throw new RangeError(`ZFM payload too long: ${payload.length}`);
  if (!Number.isInteger(address) || address < 0 || address > 0xffffffff)
    throw new RangeError(`ZFM address out of range: ${address}`);
  if (!Number.isInteger(pid) || pid < 0 || pid > 0xff) throw new RangeError(`ZFM PID: ${pid}`);
  const length = payload.length + 2;
  const packet = new Uint8Array(ZFM_PREFIX_LENGTH + length);
  packet.set(ZFM_HEADER, 0);
  new DataView(packet.buffer).setUint32(2, address);
  packet[6] = pid;
  writeU16BE(packet, 7, length);
  packet.set(payload, ZFM_PREFIX_LENGTH);
  writeU16BE(packet, packet.length - 2, sum16(packet, 6, packet.length - 2));
  return packet;
}

/** Encodes a host → module command packet (payload = instruction code + parameters). */
export function encodeZfmCommand(payload: Uint8Array, address?: number): Uint8Array {
  return encodeZfmPacket(ZFM_PID.command, payload, address);
}

/** Encodes a module → host acknowledge (used by simulators). */
export function encodeZfmAck(
  confirmation: number,
  data: Uint8Array = EMPTY,
  address?: number,
): Uint8Array {
  return encodeZfmPacket(ZFM_PID.ack, Uint8Array.of(confirmation, ...data), address);
}

/** Splits bulk data into data packets of `packetSize` bytes, the last one with PID 08. */
export function encodeZfmDataPackets(
  data: Uint8Array,
  packetSize: number,
  address?: number,
): Uint8Array[] {
  if (!Number.isInteger(packetSize) || packetSize < 1)
    throw new RangeError(`ZFM packet size: ${packetSize}`);
  const out: Uint8Array[] = [];
  for (let at = 0; at < data.length || out.length === 0; at += packetSize) {
    const last = at + packetSize >= data.length;
    const pid = last ? ZFM_PID.endData : ZFM_PID.data;
    out.push(encodeZfmPacket(pid, data.subarray(at, at + packetSize), address));
  }
  return out;
}

/** An acknowledge packet's fields. */
export interface ZfmAckFields {
  /** Confirmation code (§2.3), 00 = OK. */
  readonly confirmation: number;
  /** Return values after the confirmation code. */
  readonly data: Uint8Array;
}

/** Reads a packet as an acknowledge; undefined when it is not PID 07 or has no payload. */
export function ackFields(packet: ZfmPacket): ZfmAckFields | undefined {
  const [confirmation] = packet.payload;
  if (packet.pid !== ZFM_PID.ack || confirmation === undefined) return undefined;
  return { confirmation, data: packet.payload.subarray(1) };
}
