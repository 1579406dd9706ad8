/**
 * Streaming demultiplexer for the printer → host byte stream (device-protocols.md §3.6): with
 * ASB enabled, 4-byte status blocks and 1-byte DLE EOT replies share one stream. Pure, no I/O.
 */
import type { RealtimeQuery } from './escpos-commands.js';
import {
  decodeAsb,
  decodeRealtimeStatus,
  isAsbFirstByte,
  isAsbTailByte,
  isRealtimeReply,
} from './escpos-status.js';
import type { EscPosFlags, StatusDecodeOptions } from './escpos-status.js';

/** ASB block length. */
export const ASB_LENGTH = 4;

/** Why bytes were rejected; the demultiplexer goes on with the bytes that follow. */
export type EscPosStreamError =
  | {
      /** Bytes matching neither a reply nor an ASB first byte were skipped. */
      code: 'garbage';
      /** How many consecutive bytes were skipped. */
      discarded: number;
    }
  | {
      /** A reply-shaped byte arrived with no DLE EOT query outstanding. */
      code: 'unexpectedReply';
      /** The byte. */
      byte: number;
    }
  | {
      /** An ASB block was cut short by a byte with bit 4 set. */
      code: 'truncatedAsb';
      /** How many block bytes were dropped. */
      discarded: number;
    };

/** One item out of the demultiplexer, in stream order. */
export type EscPosStatusItem =
  | {
      /** A DLE EOT reply, matched to the oldest outstanding query. */
      kind: 'realtime';
      /** The query it answers. */
      query: RealtimeQuery;
      /** The raw reply byte. */
      byte: number;
      /** The flags that query covers. */
      flags: Partial<EscPosFlags>;
    }
  | {
      /** A whole Automatic Status Back block. */
      kind: 'asb';
      /** The 4 raw bytes. */
      bytes: Uint8Array;
      /** Every flag. */
      flags: EscPosFlags;
    }
  | {
      /** Bytes were rejected. */
      kind: 'error';
      /** Why. */
      error: EscPosStreamError;
    };

/**
 * Splits the stream by fixed bits: `0xx1xx10` is a DLE EOT reply (only while a query is
 * outstanding), `0xx1xx00` starts an ASB block, whose next 3 bytes have bit 4 = 0. A reply
 * arriving inside a block is taken as a reply and the block goes on, because the printer sends
 * real-time replies immediately, even in the middle of other output. Never throws on input.
 */
export class EscPosStatusDemux {
  private readonly queries: RealtimeQuery[] = [];
  private asb: number[] = [];

  constructor(private readonly options: StatusDecodeOptions = {}) {}

  /** Records that `DLE EOT query` was sent; replies are matched in send order. */
  expect(query: RealtimeQuery): void {
    this.queries.push(query);
  }

  /** DLE EOT queries still awaiting a reply, oldest first. */
  get outstanding(): readonly RealtimeQuery[] {
    return this.queries;
  }

  /** Bytes of a partial ASB block held back. */
  get pendingBytes(): number {
    return this.asb.length;
  }

  /** Forgets outstanding queries (e.g. after a reply timed out); returns how many were dropped. */
  cancelQueries(): number {
    return this.queries.splice(0).length;
  }

  /** Drops outstanding queries and any partial ASB block. */
  reset(): void {
    this.queries.length = 0;
    this.asb = [];
  }

  /** Feeds bytes; returns every reply, block and error they complete, in order. */
  push(bytes: Uint8Array): EscPosStatusItem[] {
    const out: EscPosStatusItem[] = [];
    const fail = (error: EscPosStreamError): void => {
      const last = out[out.length - 1];
      if (error.code === 'garbage' && last?.kind === 'error' && last.error.code === 'garbage')
        last.error.discarded += error.discarded;
      else out.push({ kind: 'error', error });
    };
    for (const byte of bytes) {
      if (this.asb.length > 0) {
        if (isAsbTailByte(byte)) {
          this.asb.push(byte);
          if (this.asb.length === ASB_LENGTH) {
            const block = Uint8Array.from(this.asb);
            this.asb = [];
            out.push({ kind: 'asb', bytes: block, flags: decodeAsb(block, this.options) });
          }
          continue;
        }
        if (!(isRealtimeReply(byte) && this.queries.length > 0)) {
          fail({ code: 'truncatedAsb', discarded: this.asb.length });
          this.asb = [];
        }
      }
      if (isRealtimeReply(byte)) {
        const query = this.queries.shift();
        if (query === undefined) fail({ code: 'unexpectedReply', byte });
        else
          out.push({
            kind: 'realtime',
            query,
            byte,
            flags: decodeRealtimeStatus(query, byte, this.options),
          });
      } else if (isAsbFirstByte(byte)) this.asb = [byte];
      else fail({ code: 'garbage', discarded: 1 });
    }
    return out;
  }
}
