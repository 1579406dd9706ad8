import type { ByteTransport } from '../transport/byte-transport.js';
import { sleep } from '../util/timers.js';
import type { Timers } from '../util/timers.js';
import { confirmationFailure, linkFailure } from './zfm-failure.js';
import type { ZfmResult } from './zfm-failure.js';
import { ZfmPacketDecoder } from './zfm-packet-decoder.js';
import { ackFields, encodeZfmCommand } from './zfm-packet.js';
import type { ZfmAckFields, ZfmPacket, ZfmPacketError } from './zfm-packet.js';
import { ZfmReplyInbox } from './zfm-reply-inbox.js';

/** Link-level counters, for health statistics. */
export interface ZfmLinkCounters {
  /** Commands sent. */
  commands: number;
  /** Reply packets that did not arrive in time. */
  timeouts: number;
  /** Packets rejected for a bad PID, length or checksum. */
  badPackets: number;
  /** Bytes skipped outside any packet. */
  garbageBytes: number;
}

/** How a ZfmLink talks to its module. */
export interface ZfmLinkSettings {
  /** Module address: packets for other addresses are ignored. */
  readonly address: number;
  /** How long to wait for each reply packet (and for a write to complete). */
  readonly replyTimeoutMs: number;
  /** After a failed exchange, how long to drop late bytes before the next command. */
  readonly quietMs: number;
  /** Clock and timers. */
  readonly timers: Timers;
}

/**
 * Packets over a ByteTransport, one exchange at a time: commands out, reply packets in with a
 * timeout each. Replies carry no request id, so after an exchange that failed on the link,
 * late bytes are dropped for a quiet period before the next command goes out.
 */
export class ZfmLink {
  /** Link-level counters since construction. */
  readonly counters: ZfmLinkCounters = { commands: 0, timeouts: 0, badPackets: 0, garbageBytes: 0 };
  private readonly decoder: ZfmPacketDecoder;
  private readonly inbox: ZfmReplyInbox;
  private queue: Promise<unknown> = Promise.resolve();
  private needsQuiet = false;
  private readonly unsubscribe: Array<() => void>;

  constructor(
    private readonly transport: ByteTransport,
    private readonly settings: ZfmLinkSettings,
  ) {
    this.decoder = new ZfmPacketDecoder({ address: settings.address });
    this.inbox = new ZfmReplyInbox(settings.timers);
    this.unsubscribe = [
      transport.onData((bytes) => this.receive(bytes)),
      transport.onClose((cause) =>
        this.inbox.fail(linkFailure('transportClosed', cause?.message ?? 'transport closed').error),
      ),
    ];
  }

  /** Runs `work` after every earlier exchange, owning the replies until it ends. */
  exchange<T>(work: () => Promise<ZfmResult<T>>): Promise<ZfmResult<T>> {
    const run = async (): Promise<ZfmResult<T>> => {
      if (this.needsQuiet && this.transport.isOpen) {
        this.needsQuiet = false;
        await sleep(this.settings.timers, this.settings.quietMs);
        this.decoder.reset();
      }
      this.inbox.begin();
      try {
        const result = await work();
        if (!result.ok && result.error.confirmation === undefined) this.needsQuiet = true;
        return result;
      } finally {
        this.inbox.end();
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next;
    return next;
  }

  /** Inside an exchange: sends a command, waits for its acknowledge, checks the confirmation. */
  async command(
    name: string,
    payload: Uint8Array,
    accepted: readonly number[],
  ): Promise<ZfmResult<ZfmAckFields>> {
    if (!this.transport.isOpen) return linkFailure('transportClosed', `${name}: transport closed`);
    this.counters.commands++;
    void this.send(encodeZfmCommand(payload, this.settings.address), name).then((sent) => {
      if (!sent.ok) this.inbox.fail(sent.error);
    });
    const reply = await this.nextPacket(name);
    if (!reply.ok) return reply;
    const ack = ackFields(reply.value);
    if (ack === undefined) {
      const pid = reply.value.pid;
      return linkFailure('unexpectedReply', `${name}: expected an acknowledge, got PID ${pid}`);
    }
    if (accepted.includes(ack.confirmation)) return { ok: true, value: ack };
    return confirmationFailure(name, ack.confirmation);
  }

  /** Inside an exchange: the next packet, or `timeout`. */
  async nextPacket(what: string): Promise<ZfmResult<ZfmPacket>> {
    const packet = await this.inbox.next(this.settings.replyTimeoutMs, what);
    if (!packet.ok && packet.error.code === 'timeout') this.counters.timeouts++;
    return packet;
  }

  /** Writes bytes; a write that neither completes nor fails within the reply timeout fails. */
  send(bytes: Uint8Array, what: string): Promise<ZfmResult<void>> {
    const { timers, replyTimeoutMs } = this.settings;
    return new Promise((resolve) => {
      const timer = timers.setTimeout(
        () => resolve(linkFailure('writeFailed', `${what}: write did not complete`)),
        replyTimeoutMs,
      );
      const done = (result: ZfmResult<void>): void => {
        timers.clearTimeout(timer);
        resolve(result);
      };
      this.transport.write(bytes).then(
        () => done({ ok: true, value: undefined }),
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          done(linkFailure('writeFailed', `${what}: ${message}`));
        },
      );
    });
  }

  /** Detaches from the transport (does not close it); an exchange in flight fails. */
  dispose(): void {
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    this.inbox.fail(linkFailure('transportClosed', 'driver disposed').error);
  }

  private receive(bytes: Uint8Array): void {
    for (const item of this.decoder.push(bytes)) {
      if (item.kind === 'packet') this.inbox.deliver(item.packet);
      else this.packetError(item.error);
    }
  }

  private packetError(error: ZfmPacketError): void {
    if (error.code === 'garbage') {
      this.counters.garbageBytes += error.discarded;
      return;
    }
    // A packet for another address on a shared bus is not an answer to us: ignore it.
    if (error.code === 'wrongAddress') return;
    this.counters.badPackets++;
    this.inbox.fail(linkFailure(error.code, `reply rejected: ${error.code}`).error);
  }
}
