/**
 * The ESC/POS protocol over a ByteTransport: sends job bytes, asks DLE EOT 1–4 with a timeout
 * each, enables Automatic Status Back, and splits the printer's replies from ASB blocks and noise
 * with EscPosStatusDemux. Never throws; every method resolves to a DeviceResult.
 */
import { failWith, succeed } from '../device/device-result.js';
import type { DeviceResult } from '../device/device-result.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import { realTimers, sleep } from '../util/timers.js';
import type { Timers } from '../util/timers.js';
import { autoStatusBack, realtimeRecover, realtimeStatusQuery } from './escpos-commands.js';
import type { RealtimeQuery } from './escpos-commands.js';
import { EscPosStatusDemux } from './escpos-status-demux.js';
import type { EscPosFlags, StatusDecodeOptions } from './escpos-status.js';

/** Options of the driver. */
export interface EscPosDriverOptions extends StatusDecodeOptions {
  /** How long to wait for each DLE EOT reply. Default 1000 ms. */
  readonly statusTimeoutMs?: number;
  /** After a timeout, how long to drop late replies before the next query. Default 200 ms. */
  readonly quietAfterTimeoutMs?: number;
  /** Job bytes per write, so a cancel stops between chunks. Default 4096. */
  readonly writeChunkBytes?: number;
  /** Clock and timers. Default the real ones. */
  readonly timers?: Timers;
  /** Receives every ASB block's flags. */
  readonly onAsb?: (flags: EscPosFlags) => void;
}

/** Link counters, for diagnostics. */
export interface EscPosLinkCounters {
  /** DLE EOT queries sent. */
  queries: number;
  /** Queries unanswered in time. */
  timeouts: number;
  /** ASB blocks received. */
  asbBlocks: number;
  /** Bytes rejected by the demultiplexer (noise, truncated blocks, unexpected replies). */
  rejectedBytes: number;
}

type Waiter = (result: DeviceResult<Partial<EscPosFlags>>) => void;

const ALL_QUERIES: readonly RealtimeQuery[] = [1, 2, 3, 4];

/** One ESC/POS printer link; status queries run one at a time, in order. */
export class EscPosDriver {
  /** Link counters since construction. */
  readonly counters: EscPosLinkCounters = {
    queries: 0,
    timeouts: 0,
    asbBlocks: 0,
    rejectedBytes: 0,
  };
  private readonly demux: EscPosStatusDemux;
  private readonly timers: Timers;
  private readonly timeoutMs: number;
  private readonly quietMs: number;
  private readonly chunkBytes: number;
  private queue: Promise<unknown> = Promise.resolve();
  private waiter: Waiter | undefined;
  private noiseSinceQuery = false;
  private afterTimeout = false;
  private draining = false;
  private readonly unsubscribe: Array<() => void>;

  constructor(
    private readonly transport: ByteTransport,
    private readonly options: EscPosDriverOptions = {},
  ) {
    this.demux = new EscPosStatusDemux(options);
    this.timers = options.timers ?? realTimers;
    this.timeoutMs = options.statusTimeoutMs ?? 1000;
    this.quietMs = options.quietAfterTimeoutMs ?? 200;
    this.chunkBytes = Math.max(1, options.writeChunkBytes ?? 4096);
    this.unsubscribe = [
      transport.onData((bytes) => this.receive(bytes)),
      transport.onClose((cause) =>
        this.settle(failWith('transportClosed', 'hardware', 'reset', cause?.message ?? 'closed')),
      ),
    ];
  }

  /** Sends job bytes in chunks; stops early (failure `cancelled`) when `signal` fires. */
  async write(bytes: Uint8Array, signal?: AbortSignal): Promise<DeviceResult<void>> {
    for (let at = 0; at < bytes.length; at += this.chunkBytes) {
      if (signal?.aborted) return failWith('cancelled', 'user', 'clear', 'print cancelled');
      const sent = await this.send(bytes.subarray(at, at + this.chunkBytes));
      if (!sent.ok) return sent;
    }
    return succeed(undefined);
  }

  /** Asks DLE EOT `query`; resolves with the flags it covers or `statusTimeout`/`badStatusReply`. */
  query(query: RealtimeQuery): Promise<DeviceResult<Partial<EscPosFlags>>> {
    const run = (): Promise<DeviceResult<Partial<EscPosFlags>>> => this.exchange(query);
    const next = this.queue.then(run, run);
    this.queue = next;
    return next;
  }

  /** Asks `queries` (default all four) in turn and merges the flags; stops at the first failure. */
  async readStatus(
    queries: readonly RealtimeQuery[] = ALL_QUERIES,
  ): Promise<DeviceResult<Partial<EscPosFlags>>> {
    let flags: Partial<EscPosFlags> = {};
    for (const q of queries) {
      const reply = await this.query(q);
      if (!reply.ok) return reply;
      flags = { ...flags, ...reply.value };
    }
    return succeed(flags);
  }

  /**
   * Drops whatever the printer sends for `ms` (replies to a previous session's queries still in
   * the port's buffer): an unsolicited reply taken as the answer to a query would shift every
   * later reply by one.
   */
  async drain(ms: number): Promise<void> {
    this.draining = true;
    await sleep(this.timers, ms);
    this.draining = false;
    this.demux.reset();
  }

  /** GS a n: enables Automatic Status Back for `mask` (0 disables). */
  enableAsb(mask: number): Promise<DeviceResult<void>> {
    return this.send(autoStatusBack(mask));
  }

  /** DLE ENQ n: recovers from a recoverable error (n 2 also clears the buffers). */
  recover(n: 1 | 2): Promise<DeviceResult<void>> {
    return this.send(realtimeRecover(n));
  }

  /** Detaches from the transport (does not close it); a query in flight fails. */
  dispose(): void {
    for (const stop of this.unsubscribe) stop();
    this.settle(failWith('transportClosed', 'hardware', 'reset', 'driver disposed'));
  }

  private async send(bytes: Uint8Array): Promise<DeviceResult<void>> {
    if (!this.transport.isOpen) return failWith('transportClosed', 'hardware', 'reset', 'closed');
    try {
      await this.transport.write(bytes);
      return succeed(undefined);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return failWith('writeFailed', 'hardware', 'reset', message);
    }
  }

  private async exchange(query: RealtimeQuery): Promise<DeviceResult<Partial<EscPosFlags>>> {
    if (this.afterTimeout) {
      // Replies carry no query number: a late reply would answer the next query. Let it pass.
      this.afterTimeout = false;
      await sleep(this.timers, this.quietMs);
      this.demux.cancelQueries();
    }
    if (!this.transport.isOpen) return failWith('transportClosed', 'hardware', 'reset', 'closed');
    this.counters.queries++;
    this.noiseSinceQuery = false;
    const reply = new Promise<DeviceResult<Partial<EscPosFlags>>>((resolve) => {
      const timer = this.timers.setTimeout(() => this.timedOut(query), this.timeoutMs);
      this.waiter = (result) => {
        this.timers.clearTimeout(timer);
        resolve(result);
      };
    });
    this.demux.expect(query);
    const sent = await this.send(realtimeStatusQuery(query));
    if (!sent.ok) this.settle(sent);
    return reply;
  }

  private timedOut(query: RealtimeQuery): void {
    this.counters.timeouts++;
    this.afterTimeout = true;
    this.demux.cancelQueries();
    this.settle(
      this.noiseSinceQuery
        ? failWith(
            'badStatusReply',
            'hardware',
            'configuration',
            `DLE EOT ${query}: only malformed bytes came back (wrong baud rate or not ESC/POS?)`,
          )
        : failWith(
            'statusTimeout',
            'hardware',
            'reset',
            `DLE EOT ${query}: no reply in ${this.timeoutMs} ms`,
          ),
    );
  }

  private receive(bytes: Uint8Array): void {
    if (this.draining) {
      this.counters.rejectedBytes += bytes.length;
      return;
    }
    for (const item of this.demux.push(bytes)) {
      if (item.kind === 'realtime') this.settle(succeed(item.flags));
      else if (item.kind === 'asb') {
        this.counters.asbBlocks++;
        try {
          this.options.onAsb?.(item.flags);
        } catch {
          // A failing listener must not stop the link.
        }
      } else {
        const e = item.error;
        this.counters.rejectedBytes += e.code === 'unexpectedReply' ? 1 : e.discarded;
        if (this.waiter !== undefined) this.noiseSinceQuery = true;
      }
    }
  }

  private settle(result: DeviceResult<Partial<EscPosFlags>>): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.(result);
  }
}
