import type { Timers } from '../util/timers.js';
import { linkFailure } from './zfm-failure.js';
import type { ZfmFailure, ZfmResult } from './zfm-failure.js';
import type { ZfmPacket } from './zfm-packet.js';

type Waiter = (result: ZfmResult<ZfmPacket>) => void;

/**
 * The packets of the one exchange in flight, handed out one at a time with a timeout each.
 * Outside an exchange nothing is accepted: a late reply to a command that already timed out is
 * dropped instead of being taken as the answer to the next one.
 */
export class ZfmReplyInbox {
  private accepting = false;
  private packets: ZfmPacket[] = [];
  private failure: ZfmFailure | undefined;
  private waiter: Waiter | undefined;

  constructor(private readonly timers: Timers) {}

  /** Starts an exchange: forgets leftovers and accepts packets. */
  begin(): void {
    this.packets = [];
    this.failure = undefined;
    this.accepting = true;
  }

  /** Ends the exchange: what is left and what comes later is dropped. */
  end(): void {
    this.accepting = false;
    this.packets = [];
    this.failure = undefined;
  }

  /** Hands a received packet to the exchange; false when none is in flight (a stray packet). */
  deliver(packet: ZfmPacket): boolean {
    if (!this.accepting) return false;
    if (this.waiter !== undefined) this.waiter({ ok: true, value: packet });
    else this.packets.push(packet);
    return true;
  }

  /** Fails the exchange in flight (bad packet, write error, closed transport). */
  fail(failure: ZfmFailure): void {
    if (!this.accepting) return;
    if (this.waiter !== undefined) this.waiter({ ok: false, error: failure });
    else this.failure ??= failure;
  }

  /** The next packet of the exchange, or `timeout` when none arrives within `timeoutMs`. */
  next(timeoutMs: number, what: string): Promise<ZfmResult<ZfmPacket>> {
    const packet = this.packets.shift();
    if (packet !== undefined) return Promise.resolve({ ok: true, value: packet });
    const failure = this.failure;
    if (failure !== undefined) {
      this.failure = undefined;
      return Promise.resolve({ ok: false, error: failure });
    }
    return new Promise((resolve) => {
      const timer = this.timers.setTimeout(() => {
        this.waiter = undefined;
        resolve(linkFailure('timeout', `no reply to ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = (result) => {
        this.timers.clearTimeout(timer);
        this.waiter = undefined;
        resolve(result);
      };
    });
  }
}
