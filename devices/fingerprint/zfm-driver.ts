import type { ByteTransport } from '../transport/byte-transport.js';
import { realTimers } from '../util/timers.js';
import type { Timers } from '../util/timers.js';
import { ZFM_CONFIRMATION } from './zfm-confirmation.js';
import { ZfmDataAssembler } from './zfm-data-assembler.js';
import { linkFailure } from './zfm-failure.js';
import type { ZfmResult } from './zfm-failure.js';
import { ZFM_DEFAULT_PASSWORD, zfmPayload } from './zfm-instructions.js';
import { ZfmLink } from './zfm-link.js';
import type { ZfmLinkCounters } from './zfm-link.js';
import { ZFM_DEFAULT_ADDRESS, encodeZfmDataPackets } from './zfm-packet.js';
import type { ZfmAckFields } from './zfm-packet.js';
import {
  parseMatchAck,
  parseSearchAck,
  parseSystemParameters,
  parseTemplateCount,
} from './zfm-replies.js';
import type { ZfmSystemParameters } from './zfm-replies.js';

export type { ZfmFailure, ZfmResult } from './zfm-failure.js';
export type { ZfmLinkCounters } from './zfm-link.js';

/** The data packet sizes a module can be set to (§2.4). */
export type ZfmPacketSize = 32 | 64 | 128 | 256;

/** Options of the ZFM protocol driver. */
export interface ZfmDriverOptions {
  /** Module address. Default FFFFFFFF. */
  readonly address?: number;
  /** Module password for VfyPwd. Default 00000000. */
  readonly password?: number;
  /** Data packet size for DownChar; set it to what ReadSysPara reports. Default 128. */
  readonly packetSize?: ZfmPacketSize;
  /** How long to wait for each reply packet. Default 2000 ms. */
  readonly replyTimeoutMs?: number;
  /** After a failed exchange, how long to drop late bytes before the next command. Default 200 ms. */
  readonly quietAfterFailureMs?: number;
  /** Cap of an uploaded transfer (UpChar). Default 4096 bytes. */
  readonly maxTransferBytes?: number;
  /** Clock and timers. Default the real ones. */
  readonly timers?: Timers;
}

/** A Match answer. */
export interface ZfmMatchOutcome {
  /** True when the module answered 00 (the features match at its security level). */
  readonly matched: boolean;
  /** The module's score (0 on no match). */
  readonly score: number;
}

/** A Search answer. */
export interface ZfmSearchOutcome {
  /** True when a library template matched (00); false on 09. */
  readonly found: boolean;
  /** Library page of the match (0 when not found). */
  readonly pageId: number;
  /** Score (0 when not found). */
  readonly score: number;
}

const { ok: OK, noFinger: NO_FINGER, noMatch: NO_MATCH, notFound: NOT_FOUND } = ZFM_CONFIRMATION;

/**
 * The ZFM-20 / R30x / AS608 protocol over a ByteTransport: one exchange at a time (later calls
 * queue, see ZfmLink), each reply packet with a timeout, confirmation codes mapped to typed
 * failures, bulk transfers in data packets. Never throws; every method resolves.
 */
export class ZfmDriver {
  /** Data packet size used for DownChar (the module's setting, from ReadSysPara). */
  packetSize: ZfmPacketSize;
  private readonly address: number;
  private readonly password: number;
  private readonly maxTransferBytes: number;
  private readonly link: ZfmLink;

  constructor(transport: ByteTransport, options: ZfmDriverOptions = {}) {
    this.address = options.address ?? ZFM_DEFAULT_ADDRESS;
    this.password = options.password ?? ZFM_DEFAULT_PASSWORD;
    this.packetSize = options.packetSize ?? 128;
    this.maxTransferBytes = options.maxTransferBytes ?? 4096;
    this.link = new ZfmLink(transport, {
      address: this.address,
      replyTimeoutMs: options.replyTimeoutMs ?? 2000,
      quietMs: options.quietAfterFailureMs ?? 200,
      timers: options.timers ?? realTimers,
    });
  }

  /** Link-level counters since construction. */
  get counters(): Readonly<ZfmLinkCounters> {
    return this.link.counters;
  }

  /** VfyPwd (13) with the configured password; `wrongPassword` (13) is a configuration error. */
  verifyPassword(): Promise<ZfmResult<void>> {
    return this.simple('VfyPwd', zfmPayload.vfyPwd(this.password));
  }

  /** ReadSysPara (0F): library size, security level, packet size, baud rate. */
  readSystemParameters(): Promise<ZfmResult<ZfmSystemParameters>> {
    return this.exchange('ReadSysPara', zfmPayload.readSysPara(), [OK], (ack) => {
      const parameters = parseSystemParameters(ack.data);
      return parameters !== undefined
        ? { ok: true, value: parameters }
        : linkFailure('unexpectedReply', 'ReadSysPara: reply is not a 16-byte parameter block');
    });
  }

  /** GenImg (01): true when a finger was imaged, false when there is none on the sensor (02). */
  captureImage(): Promise<ZfmResult<boolean>> {
    return this.exchange('GenImg', zfmPayload.genImg(), [OK, NO_FINGER], (ack) => ({
      ok: true,
      value: ack.confirmation === OK,
    }));
  }

  /** Img2Tz / GenChar (02): image → features in CharBuffer `bufferId`. */
  extractFeatures(bufferId: number): Promise<ZfmResult<void>> {
    return this.simple('Img2Tz', zfmPayload.img2Tz(bufferId));
  }

  /** Match (03): CharBuffer1 against CharBuffer2; a mismatch (08) is an answer, not a failure. */
  match(): Promise<ZfmResult<ZfmMatchOutcome>> {
    return this.exchange('Match', zfmPayload.match(), [OK, NO_MATCH], (ack) => ({
      ok: true,
      value: { matched: ack.confirmation === OK, score: parseMatchAck(ack.data).score },
    }));
  }

  /** Search (04): 1:N over library pages; not found (09) is an answer, not a failure. */
  search(
    bufferId: number,
    startPage: number,
    pageCount: number,
  ): Promise<ZfmResult<ZfmSearchOutcome>> {
    const payload = zfmPayload.search(bufferId, startPage, pageCount);
    return this.exchange('Search', payload, [OK, NOT_FOUND], (ack) => ({
      ok: true,
      value: { found: ack.confirmation === OK, ...parseSearchAck(ack.data) },
    }));
  }

  /** RegModel (05): merges CharBuffer1 and 2 into one template (in both buffers). */
  createModel(): Promise<ZfmResult<void>> {
    return this.simple('RegModel', zfmPayload.regModel());
  }

  /** Store (06): CharBuffer `bufferId` to library page `pageId`. */
  store(bufferId: number, pageId: number): Promise<ZfmResult<void>> {
    return this.simple('Store', zfmPayload.store(bufferId, pageId));
  }

  /** LoadChar (07): library page `pageId` into CharBuffer `bufferId`. */
  loadTemplate(bufferId: number, pageId: number): Promise<ZfmResult<void>> {
    return this.simple('LoadChar', zfmPayload.loadChar(bufferId, pageId));
  }

  /** DeletChar (0C): deletes `count` library pages from `startPage`. */
  deleteTemplates(startPage: number, count: number): Promise<ZfmResult<void>> {
    return this.simple('DeletChar', zfmPayload.deleteChar(startPage, count));
  }

  /** Empty (0D): deletes every library template. */
  emptyLibrary(): Promise<ZfmResult<void>> {
    return this.simple('Empty', zfmPayload.empty());
  }

  /** TemplateNum (1D): how many templates the library holds. */
  templateCount(): Promise<ZfmResult<number>> {
    return this.exchange('TemplateNum', zfmPayload.templateNum(), [OK], (ack) => ({
      ok: true,
      value: parseTemplateCount(ack.data),
    }));
  }

  /** UpChar (08): CharBuffer `bufferId` to the host, read until the end packet. BIOMETRIC DATA. */
  uploadTemplate(bufferId: number): Promise<ZfmResult<Uint8Array>> {
    return this.exchange('UpChar', zfmPayload.upChar(bufferId), [OK], async () => {
      const assembler = new ZfmDataAssembler(this.maxTransferBytes);
      for (;;) {
        const packet = await this.link.nextPacket('UpChar data');
        if (!packet.ok) {
          assembler.wipe();
          return packet;
        }
        const step = assembler.push(packet.value);
        if (step.kind === 'done') return { ok: true, value: step.data };
        if (step.kind === 'error') return linkFailure('badTransfer', `UpChar: ${step.description}`);
      }
    });
  }

  /** DownChar (09): `template` into CharBuffer `bufferId`, in data packets of `packetSize`. */
  downloadTemplate(bufferId: number, template: Uint8Array): Promise<ZfmResult<void>> {
    return this.exchange('DownChar', zfmPayload.downChar(bufferId), [OK], async () => {
      const packets = encodeZfmDataPackets(template, this.packetSize, this.address);
      const bytes = Buffer.concat(packets);
      for (const packet of packets) packet.fill(0);
      // pyfingerprint sends the data packets back to back; the module acknowledges none of them.
      const sent = await this.link.send(bytes, 'DownChar data');
      bytes.fill(0);
      return sent;
    });
  }

  /** Detaches from the transport (does not close it); an exchange in flight fails. */
  dispose(): void {
    this.link.dispose();
  }

  private simple(name: string, payload: Uint8Array): Promise<ZfmResult<void>> {
    return this.exchange(name, payload, [OK], () => ({ ok: true, value: undefined }));
  }

  /** One exchange: command, an accepted acknowledge, then `then` (which may move data packets). */
  private exchange<T>(
    name: string,
    payload: Uint8Array,
    accepted: readonly number[],
    then: (ack: ZfmAckFields) => ZfmResult<T> | Promise<ZfmResult<T>>,
  ): Promise<ZfmResult<T>> {
    return this.link.exchange(async () => {
      const ack = await this.link.command(name, payload, accepted);
      return ack.ok ? then(ack.value) : ack;
    });
  }
}
