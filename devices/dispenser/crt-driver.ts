import type { ByteTransport } from '../transport/byte-transport.js';
import { realTimers, sleep } from '../util/timers.js';
import type { Timers } from '../util/timers.js';
import { CRT_COMMANDS } from './crt-commands.js';
import type { CrtCommandName } from './crt-commands.js';
import { ACK, CrtFrameDecoder, ENQ, NAK } from './crt-frame.js';
import type { CrtFrame } from './crt-frame.js';
import { encodeCrtCommand, parseCrtText } from './crt-replies.js';
import { linkFailure, replyResult } from './crt-result.js';
import type { CrtFailure, CrtReply, CrtResult } from './crt-result.js';
import type { CrtVariant } from './crt-variant.js';
import { LinkInbox } from './link-inbox.js';
import type { LinkEvent } from './link-inbox.js';

export type { CrtFailure, CrtReply, CrtResult } from './crt-result.js';

/** Options of the CRT link driver. */
export interface CrtDriverOptions {
  /** The unit's framing and handshake variant (resolved). */
  readonly variant: CrtVariant;
  /** How long to wait for ACK/NAK after sending a frame. Default 500 ms. */
  readonly ackTimeoutMs?: number;
  /** Resends of a frame after NAK or silence, and NAKs of a corrupt reply. Default 3. */
  readonly maxRetransmits?: number;
  /** How long to wait for the reply after the ACK (card moves take seconds). Default 8000 ms. */
  readonly replyTimeoutMs?: number;
  /** After a reply timeout, how long to drop late bytes before the next command. Default 300 ms. */
  readonly quietAfterTimeoutMs?: number;
  /** Clock and timers. Default the real ones. */
  readonly timers?: Timers;
  /** Called on every retransmission (frame resent, or reply NAKed). */
  readonly onRetransmit?: () => void;
}

/** Link-level counters, for health statistics. */
export interface CrtLinkCounters {
  /** Commands sent. */
  commands: number;
  /** Frames resent after NAK/silence plus replies NAKed for a bad BCC. */
  retransmits: number;
  /** Commands that got no (good) reply in time. */
  timeouts: number;
  /** Frames rejected (bad BCC, length or ETX). */
  badFrames: number;
  /** Bytes skipped outside any frame. */
  garbageBytes: number;
  /** Replies that did not belong to the command in flight (late, other address). */
  strayReplies: number;
}

/**
 * The CRT-591 link protocol over a ByteTransport: send a command frame, expect ACK (resend on
 * NAK or silence, up to `maxRetransmits`), send ENQ if the variant wants it, receive the reply
 * (NAK a corrupt one), ACK it, map it to a typed result. One command at a time (later calls
 * queue). Never throws; every method resolves. Bytes arriving outside a command are dropped.
 */
export class CrtDriver {
  /** Link-level counters since construction. */
  readonly counters: CrtLinkCounters = {
    commands: 0,
    retransmits: 0,
    timeouts: 0,
    badFrames: 0,
    garbageBytes: 0,
    strayReplies: 0,
  };
  private readonly v: CrtVariant;
  private readonly decoder: CrtFrameDecoder;
  private readonly timers: Timers;
  private readonly inbox: LinkInbox;
  private readonly ackMs: number;
  private readonly replyMs: number;
  private readonly retries: number;
  private readonly quietMs: number;
  private afterTimeout = false;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly unsubscribe: Array<() => void>;

  constructor(
    private readonly transport: ByteTransport,
    private readonly options: CrtDriverOptions,
  ) {
    this.v = options.variant;
    this.decoder = new CrtFrameDecoder(this.v);
    this.timers = options.timers ?? realTimers;
    this.inbox = new LinkInbox(this.timers);
    this.ackMs = options.ackTimeoutMs ?? 500;
    this.replyMs = options.replyTimeoutMs ?? 8000;
    this.retries = options.maxRetransmits ?? 3;
    this.quietMs = options.quietAfterTimeoutMs ?? 300;
    this.unsubscribe = [
      transport.onData((bytes) => this.receive(bytes)),
      transport.onClose((cause) =>
        this.inbox.close(cause?.message ?? `${transport.description}: closed`),
      ),
    ];
  }

  /** Sends a known command (queued behind others); resolves with its reply or a typed failure. */
  command(name: CrtCommandName, data?: Uint8Array): Promise<CrtResult<CrtReply>> {
    const [cm, pm] = CRT_COMMANDS[name];
    return this.raw(cm, pm, name, data);
  }

  /** Sends any CM PM (vendor escape hatch), queued like `command`. */
  raw(
    cm: number,
    pm: number,
    name = hex2(cm, pm),
    data?: Uint8Array,
  ): Promise<CrtResult<CrtReply>> {
    const run = (): Promise<CrtResult<CrtReply>> => this.exchange(cm, pm, name, data);
    const next = this.queue.then(run, run);
    this.queue = next;
    return next;
  }

  /** Detaches from the transport (does not close it); a command in flight fails. */
  dispose(): void {
    for (const stop of this.unsubscribe) stop();
    this.inbox.close('driver disposed');
  }

  private async exchange(
    cm: number,
    pm: number,
    name: string,
    data: Uint8Array | undefined,
  ): Promise<CrtResult<CrtReply>> {
    if (this.afterTimeout) {
      // A late reply to the timed-out command must not be taken for the next one's.
      this.afterTimeout = false;
      await sleep(this.timers, this.quietMs);
      this.decoder.reset();
    }
    if (this.inbox.closed !== undefined || !this.transport.isOpen)
      return linkFailure('transportClosed', `${name}: transport closed`);
    this.counters.commands++;
    this.inbox.open();
    try {
      const frame = encodeCrtCommand(cm, pm, this.v, data);
      const acked = await this.sendUntilAcked(frame, name, cm, pm);
      if (acked.kind === 'failed') return acked.result;
      if (acked.kind === 'reply') return await this.finish(acked.frame, name);
      if (this.v.enq) this.write([ENQ]);
      return await this.awaitReply(name, cm, pm);
    } finally {
      this.inbox.shut();
    }
  }

  private async sendUntilAcked(
    frame: Uint8Array,
    name: string,
    cm: number,
    pm: number,
  ): Promise<
    | { kind: 'acked' }
    | { kind: 'reply'; frame: CrtFrame }
    | { kind: 'failed'; result: CrtResult<CrtReply> }
  > {
    let lastNak = false;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) this.retransmitted();
      this.write(frame);
      const deadline = this.timers.now() + this.ackMs;
      for (;;) {
        const event = await this.inbox.next(deadline - this.timers.now());
        if (event.kind === 'closed' || event.kind === 'writeFailed')
          return { kind: 'failed', result: lost(event) };
        if (event.kind === 'timeout') {
          lastNak = false;
          break;
        }
        if (event.kind === 'ack') return { kind: 'acked' };
        if (event.kind === 'nak') {
          lastNak = true;
          break;
        }
        // A reply without an ACK before it: the unit executed the command, so take it.
        if (event.kind === 'frame' && this.belongs(event.frame, cm, pm))
          return { kind: 'reply', frame: event.frame };
      }
    }
    const code = lastNak ? 'nak' : 'noAck';
    const what = lastNak ? 'NAKed' : 'not acknowledged';
    return {
      kind: 'failed',
      result: linkFailure(code, `${name}: ${what} after ${this.retries + 1} attempts`),
    };
  }

  private async awaitReply(name: string, cm: number, pm: number): Promise<CrtResult<CrtReply>> {
    const deadline = this.timers.now() + this.replyMs;
    let naks = 0;
    for (;;) {
      const event = await this.inbox.next(deadline - this.timers.now());
      switch (event.kind) {
        case 'closed':
        case 'writeFailed':
          return lost(event);
        case 'timeout':
          this.counters.timeouts++;
          this.afterTimeout = true;
          this.decoder.reset();
          return linkFailure('replyTimeout', `${name}: no reply within ${this.replyMs} ms`);
        case 'badFrame':
          if (naks >= this.retries) {
            this.counters.timeouts++;
            return linkFailure('badChecksum', `${name}: reply corrupt after ${naks} NAKs`);
          }
          naks++;
          this.retransmitted();
          this.write([NAK]);
          break;
        case 'frame':
          if (this.belongs(event.frame, cm, pm)) return this.finish(event.frame, name);
          break;
        default:
          break;
      }
    }
  }

  /** True when `frame` is a reply from our unit to CM PM; otherwise counts it as stray. */
  private belongs(frame: CrtFrame, cm: number, pm: number): boolean {
    const text = parseCrtText(frame.text);
    const ours = this.v.address === null || frame.address === this.v.address;
    const match = ours && text !== undefined && text.kind !== 'command';
    if (match && text.cm === cm && text.pm === pm) return true;
    // A whole frame from our unit that is not our reply (a late one): acknowledge and forget it.
    if (match && this.v.ackReplies) this.write([ACK]);
    this.counters.strayReplies++;
    return false;
  }

  private finish(frame: CrtFrame, name: string): CrtResult<CrtReply> {
    if (this.v.ackReplies) this.write([ACK]);
    return replyResult(frame, name, this.v);
  }

  private retransmitted(): void {
    this.counters.retransmits++;
    try {
      this.options.onRetransmit?.();
    } catch {
      // A failing listener must not break the link.
    }
  }

  private write(bytes: Uint8Array | readonly number[]): void {
    this.transport.write(Uint8Array.from(bytes)).catch((error: unknown) => {
      this.inbox.push({
        kind: 'writeFailed',
        reason: error instanceof Error ? error.message : String(error),
      });
    });
  }

  private receive(bytes: Uint8Array): void {
    for (const item of this.decoder.push(bytes)) {
      let event: LinkEvent | undefined;
      if (item.kind === 'frame') event = { kind: 'frame', frame: item.frame };
      else if (item.kind === 'control') {
        if (item.control === 'ack' || item.control === 'nak') event = { kind: item.control };
      } else if (item.error.code === 'garbage') this.counters.garbageBytes += item.error.discarded;
      else {
        this.counters.badFrames++;
        event = { kind: 'badFrame', code: item.error.code };
      }
      if (event !== undefined) this.inbox.push(event);
    }
  }
}

function lost(event: { kind: 'closed' | 'writeFailed'; reason: string }): {
  ok: false;
  error: CrtFailure;
} {
  return linkFailure(event.kind === 'closed' ? 'transportClosed' : 'writeFailed', event.reason);
}

function hex2(cm: number, pm: number): string {
  return [cm, pm].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}
