import type { ByteTransport } from '../transport/byte-transport.js';
import { realTimers, sleep } from '../util/timers.js';
import type { Timers } from '../util/timers.js';
import { SAM_COMMANDS } from './sam-commands.js';
import type { AdditionalAddressCommand, SamCommandName } from './sam-commands.js';
import { SamFrameDecoder, encodeSamCommand, replyFields } from './sam-frame.js';
import type { SamFrameError, SamReplyFields } from './sam-frame.js';
import { decodeAddresses, fail, formatSamId, map, parseReadout } from './sam-replies.js';
import type { CardReadout, SamIdentity, SamResult } from './sam-replies.js';
import { SW3, describeSamStatus } from './sam-status.js';

export type { CardReadout, SamError, SamIdentity, SamResult } from './sam-replies.js';

/** Options of the SAM protocol driver. */
export interface SamDriverOptions {
  /** How long to wait for each reply before a `timeout` error. Default 5000 ms. */
  readonly commandTimeoutMs?: number;
  /** Clock and timers; default the real ones. */
  readonly timers?: Timers;
  /** Which additional-address command to try first (the other is tried on SW3 21). Default 30 03. */
  readonly additionalAddressCommand?: AdditionalAddressCommand;
  /** After a timeout, how long to drop late replies before the next command. Default 300 ms. */
  readonly quietAfterTimeoutMs?: number;
}

/** Link-level counters, for health statistics. */
export interface SamLinkCounters {
  /** Commands sent. */
  commands: number;
  /** Replies that did not arrive in time. */
  timeouts: number;
  /** Frames rejected for a bad checksum or length. */
  badFrames: number;
  /** Bytes skipped outside any frame. */
  garbageBytes: number;
}

type Pending = (result: SamResult<SamReplyFields>) => void;

/**
 * The SAM protocol over a ByteTransport: one command at a time (later calls queue), each with a
 * timeout, replies checked and SW3 mapped to typed errors. Never throws; every method resolves.
 */
export class SamDriver {
  /** Link-level counters since construction. */
  readonly counters: SamLinkCounters = { commands: 0, timeouts: 0, badFrames: 0, garbageBytes: 0 };
  private readonly decoder = new SamFrameDecoder({ minBodyLength: 3 });
  private readonly timers: Timers;
  private readonly timeoutMs: number;
  private readonly quietMs: number;
  private afterTimeout = false;
  private addressCommand: AdditionalAddressCommand;
  private queue: Promise<unknown> = Promise.resolve();
  private pending: Pending | undefined;
  private readonly unsubscribe: Array<() => void>;

  constructor(
    private readonly transport: ByteTransport,
    options: SamDriverOptions = {},
  ) {
    this.timers = options.timers ?? realTimers;
    this.timeoutMs = options.commandTimeoutMs ?? 5000;
    this.quietMs = options.quietAfterTimeoutMs ?? 300;
    this.addressCommand = options.additionalAddressCommand ?? 'readAdditionalAddress';
    this.unsubscribe = [
      transport.onData((bytes) => this.receive(bytes)),
      transport.onClose((cause) =>
        this.settle(fail('transportClosed', cause?.message ?? 'transport closed', 'reset')),
      ),
    ];
  }

  /** Resets the SAM (`10 FF`). */
  async resetSam(): Promise<SamResult<void>> {
    return map(await this.command('resetSam', [SW3.success]), () => undefined);
  }

  /** Checks the SAM (`11 FF`); ok means SW3 90. */
  async samStatus(): Promise<SamResult<void>> {
    return map(await this.command('samStatus', [SW3.success]), () => undefined);
  }

  /** Reads the SAM's identity (`12 FF`). */
  async samId(): Promise<SamResult<SamIdentity>> {
    return map(await this.command('readSamId', [SW3.success]), (reply) => formatSamId(reply.data));
  }

  /** Looks for a card (`20 01`): true on 9F, false on 80 (no card, or already read). */
  async findCard(): Promise<SamResult<boolean>> {
    const result = await this.command('findCard', [SW3.cardFound, SW3.noCard]);
    return map(result, (reply) => reply.sw3 === SW3.cardFound);
  }

  /** Selects the found card (`20 02`); 90 and (as some readers answer) 9F are success. */
  async selectCard(): Promise<SamResult<void>> {
    return map(await this.command('selectCard', [SW3.success, SW3.cardFound]), () => undefined);
  }

  /** Reads text and photo (`30 01`). */
  async readTextAndPhoto(): Promise<SamResult<CardReadout>> {
    return parseReadout(await this.command('readTextAndPhoto', [SW3.success]), false);
  }

  /** Reads text, photo and fingerprint templates (`30 10`). */
  async readWithFingerprint(): Promise<SamResult<CardReadout>> {
    return parseReadout(await this.command('readWithFingerprint', [SW3.success]), true);
  }

  /**
   * Reads additional addresses (追加住址); [] when the card has none (SW3 91). The reply layout
   * is not public [?]: this reads it as UCS-2LE entries of 70 bytes. If the reader rejects the
   * configured command variant (SW3 21), the other one is tried and remembered.
   */
  async readAdditionalAddress(): Promise<SamResult<string[]>> {
    const accepted = [SW3.success, SW3.noContent];
    let result = await this.command(this.addressCommand, accepted);
    if (!result.ok && result.error.sw3 === SW3.commandError) {
      const other =
        this.addressCommand === 'readAdditionalAddress'
          ? 'readAdditionalAddressAlt'
          : 'readAdditionalAddress';
      result = await this.command(other, accepted);
      if (result.ok) this.addressCommand = other;
    }
    return map(result, (reply) => (reply.sw3 === SW3.noContent ? [] : decodeAddresses(reply.data)));
  }

  /** Detaches from the transport (does not close it); a command in flight fails. */
  dispose(): void {
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    this.settle(fail('transportClosed', 'driver disposed', 'reset'));
  }

  /** Sends one command (queued behind others) and resolves with its reply or a typed error. */
  private command(
    name: SamCommandName,
    accepted: readonly number[],
  ): Promise<SamResult<SamReplyFields>> {
    const run = (): Promise<SamResult<SamReplyFields>> => this.exchange(name, accepted);
    const next = this.queue.then(run, run);
    this.queue = next;
    return next;
  }

  private async exchange(
    name: SamCommandName,
    accepted: readonly number[],
  ): Promise<SamResult<SamReplyFields>> {
    if (this.afterTimeout) {
      // Replies are not tagged: a late reply to the timed-out command would be taken as the
      // answer to the next one, and every later command would be off by one. Drop it first.
      this.afterTimeout = false;
      await sleep(this.timers, this.quietMs);
      this.decoder.reset();
    }
    if (!this.transport.isOpen) return fail('transportClosed', 'transport closed', 'reset');
    const { cmd, para } = SAM_COMMANDS[name];
    this.counters.commands++;
    const reply = new Promise<SamResult<SamReplyFields>>((resolve) => {
      const timer = this.timers.setTimeout(() => {
        this.counters.timeouts++;
        this.afterTimeout = true;
        this.decoder.reset();
        this.settle(fail('timeout', `no reply to ${name} within ${this.timeoutMs} ms`, 'reset'));
      }, this.timeoutMs);
      this.pending = (result) => {
        this.timers.clearTimeout(timer);
        resolve(result);
      };
    });
    this.transport.write(encodeSamCommand(cmd, para)).catch((error: unknown) => {
      this.settle(
        fail('writeFailed', error instanceof Error ? error.message : String(error), 'reset'),
      );
    });
    const result = await reply;
    if (!result.ok) return result;
    const { sw3 } = result.value;
    if (accepted.includes(sw3)) return result;
    const status = describeSamStatus(sw3);
    const hex = sw3.toString(16).padStart(2, '0').toUpperCase();
    if (status.ok) {
      return fail(
        'unexpectedStatus',
        `${name}: unexpected SW3 ${hex}`,
        'softwareError',
        'software',
      );
    }
    return {
      ok: false,
      error: {
        code: status.code,
        kind: status.kind,
        action: status.action,
        sw3,
        description: `${name}: SW3 ${hex} ${status.meaning}`,
      },
    };
  }

  private receive(bytes: Uint8Array): void {
    for (const item of this.decoder.push(bytes)) {
      if (item.kind === 'error') {
        this.frameError(item.error);
        continue;
      }
      const reply = replyFields(item.frame);
      if (reply !== undefined) this.settle({ ok: true, value: reply });
    }
  }

  private frameError(error: SamFrameError): void {
    if (error.code === 'garbage') {
      this.counters.garbageBytes += error.discarded;
      return;
    }
    this.counters.badFrames++;
    this.settle(fail(error.code, `reply rejected: ${error.code}`, 'reset'));
  }

  /** Completes the command in flight, if any; later stray replies are dropped. */
  private settle(result: SamResult<SamReplyFields>): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.(result);
  }
}
