import type { ZfmPacketSize } from '../fingerprint/zfm-driver.js';
import { ZFM_CONFIRMATION } from '../fingerprint/zfm-confirmation.js';
import { zfmInstructionName } from '../fingerprint/zfm-instructions.js';
import { ZFM_PID, encodeZfmAck, encodeZfmDataPackets } from '../fingerprint/zfm-packet.js';
import type { ZfmPacket } from '../fingerprint/zfm-packet.js';
import { readU16BE } from '../util/checksum.js';
import { concatBytes } from './device-simulator.js';
import { simulatedFeatures, similarityScore } from './fingerprint-simulator-fingers.js';
import type { SimulatedImage } from './fingerprint-simulator-fingers.js';

/** What the simulated module is like. */
export interface SimulatedModuleSettings {
  /** Module address. */
  readonly address: number;
  /** Module password. */
  readonly password: number;
  /** Data packet size of uploads. */
  readonly packetSize: ZfmPacketSize;
  /** Library capacity. */
  readonly libraryCapacity: number;
  /** Template length in bytes. */
  readonly templateLength: number;
  /** Lowest similarity score (0–200) Match and RegModel accept. */
  readonly acceptScore: number;
  /** Baud rate reported by ReadSysPara. */
  readonly baudRate: number;
}

/** Faults that change what the module answers (not how the bytes travel). */
export interface ModuleFaults {
  /** GenImg never sees a finger. */
  readonly noFinger: boolean;
  /** Match always answers 08. */
  readonly fingerMismatch: boolean;
  /** VfyPwd answers 13. */
  readonly wrongPassword: boolean;
}

const C = ZFM_CONFIRMATION;
const CODE = {
  combineFailed: 0x0a,
  pageOutOfRange: 0x0b,
  templateInvalid: 0x0c,
  uploadFailed: 0x0d,
  noValidImage: 0x15,
  invalidRegister: 0x1a,
  unsupported: 0xfc,
} as const;
const SIZE_CODES: Readonly<Record<ZfmPacketSize, number>> = { 32: 0, 64: 1, 128: 2, 256: 3 };
const EMPTY = new Uint8Array(0);
const be16 = (value: number): number[] => [(value >> 8) & 0xff, value & 0xff];

/**
 * The state machine of a ZFM-20 / R30x / AS608 module, without I/O: a sensor with a simulated
 * finger, an image buffer, two CharBuffers, a template library and the password check. Packets
 * in, reply packets out.
 */
export class SimulatedZfmModule {
  /** The simulated finger on the sensor, or null. */
  finger: string | null = null;
  private verified = false;
  private captures = 0;
  private image: SimulatedImage | undefined;
  private readonly charBuffers = new Map<number, Uint8Array>();
  private readonly library = new Map<number, Uint8Array>();
  private download: { bufferId: number; chunks: Uint8Array[] } | undefined;

  constructor(private readonly settings: SimulatedModuleSettings) {}

  /** VfyPwd succeeded since the last failed one. */
  get passwordVerified(): boolean {
    return this.verified;
  }

  /** Templates stored in the library. */
  get enrolledTemplates(): number {
    return this.library.size;
  }

  /** Forgets a half-received download (the link went away). */
  abortTransfer(): void {
    this.download = undefined;
  }

  /** Handles one packet; returns the reply packets (none for data packets of a download). */
  handle(packet: ZfmPacket, faults: ModuleFaults): Uint8Array[] {
    const { pid, payload } = packet;
    const download = this.download;
    if (download !== undefined && (pid === ZFM_PID.data || pid === ZFM_PID.endData)) {
      download.chunks.push(payload);
      if (pid === ZFM_PID.endData) {
        this.charBuffers.set(download.bufferId, concatBytes(...download.chunks));
        this.download = undefined;
      }
      return [];
    }
    if (pid !== ZFM_PID.command) return [];
    this.download = undefined;
    return this.answer(payload, faults);
  }

  /** The reply packets to one command payload. */
  private answer(payload: Uint8Array, faults: ModuleFaults): Uint8Array[] {
    const name = zfmInstructionName(payload[0] ?? -1);
    const ack = (confirmation: number, data: readonly number[] = []): Uint8Array[] => [
      encodeZfmAck(confirmation, Uint8Array.from(data), this.settings.address),
    ];
    if (name === 'vfyPwd') {
      const password = readU16BE(payload, 1) * 0x10000 + readU16BE(payload, 3);
      this.verified = !faults.wrongPassword && password === this.settings.password;
      return ack(this.verified ? C.ok : C.wrongPassword);
    }
    if (!this.verified) return ack(C.passwordRequired);
    const bufferId = payload[1] ?? 0;
    const buffer = this.charBuffers.get(bufferId) ?? EMPTY;
    if (
      ['img2Tz', 'upChar', 'downChar', 'store', 'loadChar'].includes(name ?? '') &&
      bufferId !== 1 &&
      bufferId !== 2
    )
      return ack(CODE.invalidRegister);
    switch (name) {
      case 'readSysPara':
        return ack(C.ok, this.systemParameters());
      case 'genImg':
        if (this.finger === null || faults.noFinger) return ack(C.noFinger);
        this.image = { fingerId: this.finger, capture: ++this.captures };
        return ack(C.ok);
      case 'img2Tz':
        if (this.image === undefined) return ack(CODE.noValidImage);
        this.charBuffers.set(bufferId, simulatedFeatures(this.image, this.settings.templateLength));
        return ack(C.ok);
      case 'match': {
        const score = this.score(this.charBuffers.get(1), this.charBuffers.get(2));
        if (faults.fingerMismatch || score === 0) return ack(C.noMatch, [0, 0]);
        return ack(C.ok, be16(score));
      }
      case 'search':
        return this.search(buffer, readU16BE(payload, 2), readU16BE(payload, 4));
      case 'regModel': {
        const first = this.charBuffers.get(1);
        if (first === undefined || this.score(first, this.charBuffers.get(2)) === 0)
          return ack(CODE.combineFailed);
        this.charBuffers.set(2, first.slice());
        return ack(C.ok);
      }
      case 'store': {
        const page = readU16BE(payload, 2);
        if (page >= this.capacity) return ack(CODE.pageOutOfRange);
        if (buffer.length === 0) return ack(CODE.templateInvalid);
        this.library.set(page, buffer.slice());
        return ack(C.ok);
      }
      case 'loadChar': {
        const stored = this.library.get(readU16BE(payload, 2));
        if (stored === undefined) return ack(CODE.templateInvalid);
        this.charBuffers.set(bufferId, stored.slice());
        return ack(C.ok);
      }
      case 'upChar':
        if (buffer.length === 0) return ack(CODE.uploadFailed);
        return [
          ...ack(C.ok),
          ...encodeZfmDataPackets(buffer, this.settings.packetSize, this.settings.address),
        ];
      case 'downChar':
        this.download = { bufferId, chunks: [] };
        return ack(C.ok);
      case 'deleteChar':
        for (let page = readU16BE(payload, 1), n = 0; n < readU16BE(payload, 3); page++, n++)
          this.library.delete(page);
        return ack(C.ok);
      case 'empty':
        this.library.clear();
        return ack(C.ok);
      case 'templateNum':
        return ack(C.ok, be16(this.library.size));
      default:
        return ack(CODE.unsupported);
    }
  }

  private get capacity(): number {
    return this.settings.libraryCapacity;
  }

  /** Similarity of two buffers, or 0 when below the accept score. */
  private score(a: Uint8Array | undefined, b: Uint8Array | undefined): number {
    const score = similarityScore(a ?? EMPTY, b ?? EMPTY);
    return score >= this.settings.acceptScore ? score : 0;
  }

  private search(buffer: Uint8Array, startPage: number, pageCount: number): Uint8Array[] {
    let best = { pageId: 0, score: 0 };
    for (const [pageId, template] of this.library) {
      const score = this.score(buffer, template);
      if (pageId >= startPage && pageId < startPage + pageCount && score > best.score)
        best = { pageId, score };
    }
    const confirmation = best.score > 0 ? C.ok : C.notFound;
    const data = Uint8Array.of(...be16(best.pageId), ...be16(best.score));
    return [encodeZfmAck(confirmation, data, this.settings.address)];
  }

  /** The 16-byte ReadSysPara block (§2.4). */
  private systemParameters(): number[] {
    const status = (this.verified ? 0b100 : 0) | (this.image !== undefined ? 0b1000 : 0);
    const baudMultiplier = Math.max(1, Math.round(this.settings.baudRate / 9600));
    const address = [this.settings.address >>> 16, this.settings.address & 0xffff].flatMap(be16);
    return [
      ...be16(status),
      ...be16(0),
      ...be16(this.capacity),
      ...be16(3),
      ...address,
      ...be16(SIZE_CODES[this.settings.packetSize]),
      ...be16(baudMultiplier),
    ];
  }
}
