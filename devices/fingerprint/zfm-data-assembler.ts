import { ZFM_PID } from './zfm-packet.js';
import type { ZfmPacket } from './zfm-packet.js';

/** What one data packet did to a bulk transfer (UpChar, UpImage). */
export type DataAssemblyStep =
  | {
      /** More data packets are expected. */
      readonly kind: 'more';
    }
  | {
      /** The end packet (PID 08) arrived. */
      readonly kind: 'done';
      /** Every data byte, in order. */
      readonly data: Uint8Array;
    }
  | {
      /** The transfer is broken; the collected bytes were wiped. */
      readonly kind: 'error';
      /** `unexpectedPid`: not a data packet; `tooLong`: more bytes than the cap. */
      readonly code: 'unexpectedPid' | 'tooLong';
      /** Technician-facing detail (no data bytes). */
      readonly description: string;
    };

/**
 * Collects the data packets of one bulk transfer until the end packet (§2.4: "read until the
 * PID-08 packet"; the template length differs by module, so it is never assumed). Pure: packets
 * in, bytes out. The pieces are zero-filled once joined or dropped, because they may hold
 * biometric data.
 */
export class ZfmDataAssembler {
  private chunks: Uint8Array[] = [];
  private length = 0;
  private finished = false;

  /** `maxBytes` caps the transfer, so a babbling module cannot grow memory without bound. */
  constructor(private readonly maxBytes: number) {}

  /** Bytes collected so far. */
  get collected(): number {
    return this.length;
  }

  /** Adds one packet; after `done` or `error` every further packet is an error. */
  push(packet: ZfmPacket): DataAssemblyStep {
    const { pid, payload } = packet;
    if (this.finished || (pid !== ZFM_PID.data && pid !== ZFM_PID.endData)) {
      return this.fail('unexpectedPid', `PID ${pid.toString(16).padStart(2, '0')} in a transfer`);
    }
    if (this.length + payload.length > this.maxBytes) {
      return this.fail('tooLong', `transfer over ${this.maxBytes} bytes`);
    }
    this.chunks.push(payload);
    this.length += payload.length;
    if (pid === ZFM_PID.data) return { kind: 'more' };
    const data = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      data.set(chunk, at);
      at += chunk.length;
    }
    this.wipe();
    this.finished = true;
    return { kind: 'done', data };
  }

  /** Zero-fills and drops whatever was collected. */
  wipe(): void {
    for (const chunk of this.chunks) chunk.fill(0);
    this.chunks = [];
    this.length = 0;
  }

  private fail(code: 'unexpectedPid' | 'tooLong', description: string): DataAssemblyStep {
    this.wipe();
    this.finished = true;
    return { kind: 'error', code, description };
  }
}
