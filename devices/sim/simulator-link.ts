import type { ByteTransport } from '../transport/byte-transport.js';
import { realTimers, sleep } from '../util/timers.js';
import type { Timers } from '../util/timers.js';
import { concatBytes, isFaultOf, writePaced } from './device-simulator.js';
import type { FaultTable } from './device-simulator.js';

/**
 * The reply faults SimulatorLink.send applies itself, as simulators of framed request/reply
 * protocols list them (a simulator may describe its own variants instead).
 */
export const REPLY_FAULTS = {
  badChecksum: { once: true, description: 'the next reply has a corrupted checksum' },
  garbage: { once: false, description: 'random bytes before every reply' },
  slow: { once: false, description: 'every reply is delayed by slowDelayMs' },
  truncated: { once: true, description: 'the next reply stops after half its bytes' },
} as const satisfies FaultTable;

/** A streaming decoder as the protocol codecs have them: bytes in, whole items out. */
export interface ItemDecoder<T> {
  /** Feeds bytes; returns every item they complete, in order. */
  push(bytes: Uint8Array): Iterable<T>;
}

/** Settings of a simulator's link, with the simulator's defaults already applied. */
export interface SimulatorLinkOptions<F extends string> {
  /** The faults the simulator supports. */
  readonly faults: FaultTable<F>;
  /** Output is paced at this rate (10 bits per byte); 0 = no pacing. */
  readonly baudRate: number;
  /** Delay of a reply under the `slow` fault. */
  readonly slowDelayMs: number;
  /** Clock and timers. Default the real ones. */
  readonly timers?: Timers | undefined;
  /** Random source for noise. Default Math.random. */
  readonly random?: (() => number) | undefined;
  /** Noise put before a reply under the `garbage` fault. Default none. */
  readonly garbage?: (random: () => number) => Uint8Array;
  /** Called on every detach, also when the transport closes by itself. */
  readonly onDetach?: () => void;
}

/**
 * The transport side every device simulator shares: the attached transport and its listeners,
 * a serial queue of answers, the active fault with `once` faults switching themselves off, and
 * paced sending with the generic reply faults (slow, badChecksum, truncated, garbage). The
 * simulator keeps the protocol and the device state.
 */
export class SimulatorLink<F extends string> {
  /** The clock and timers the simulator runs on. */
  readonly timers: Timers;
  /** The simulator's random source. */
  readonly random: () => number;
  /** The active fault, or null. */
  fault: F | null = null;
  private current: ByteTransport | undefined;
  private listeners: Array<() => void> = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: SimulatorLinkOptions<F>) {
    this.timers = options.timers ?? realTimers;
    this.random = options.random ?? Math.random;
  }

  /** The attached transport, if any. */
  get transport(): ByteTransport | undefined {
    return this.current;
  }

  /** A transport is attached. */
  get attached(): boolean {
    return this.current !== undefined;
  }

  /**
   * Starts listening on `transport` (detaching from any previous one): `onData` gets what
   * arrives, and the link detaches by itself when the transport closes.
   */
  attach(transport: ByteTransport, onData?: (bytes: Uint8Array) => void): void {
    this.detach();
    this.current = transport;
    const stopClose = transport.onClose(() => {
      if (this.current === transport) this.detach();
    });
    this.listeners = onData === undefined ? [stopClose] : [transport.onData(onData), stopClose];
  }

  /**
   * Attaches to `transport`, decoding what arrives with `decoder` (a fresh one per attach) and
   * answering each item with `answer` in turn, after the answers before it.
   */
  attachDecoding<T>(
    transport: ByteTransport,
    decoder: ItemDecoder<T>,
    answer: (item: T) => Promise<void>,
  ): void {
    this.attach(transport, (bytes) => {
      for (const item of decoder.push(bytes)) this.schedule(() => answer(item));
    });
  }

  /** Stops listening; the fault stays. */
  detach(): void {
    for (const stop of this.listeners) stop();
    this.listeners = [];
    this.current = undefined;
    this.options.onDetach?.();
  }

  /** Switches a fault on, or all faults off with null. Throws on an unknown name. */
  setFault(fault: F | null): void {
    if (fault !== null && !isFaultOf(this.options.faults, fault))
      throw new Error(`unknown fault ${String(fault)}`);
    this.fault = fault;
  }

  /** The active fault for one reply; a `once` fault switches itself off. */
  takeFault(): F | null {
    const fault = this.fault;
    if (fault !== null && this.options.faults[fault].once) this.fault = null;
    return fault;
  }

  /** Runs `task` after every task queued before it; returns its outcome (the queue goes on). */
  enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => {});
    return run;
  }

  /** Like enqueue, dropping the outcome: a failed answer is silence on the line. */
  schedule(task: () => Promise<void>): void {
    this.enqueue(task).catch(() => {});
  }

  /** Waits the `slow` fault's delay. */
  slowDown(): Promise<void> {
    return sleep(this.timers, this.options.slowDelayMs);
  }

  /**
   * Sends one reply with `fault` applied: `slow` delays it, `badChecksum` flips its last byte,
   * `truncated` keeps its first half, `garbage` puts noise before it; other faults do nothing here.
   */
  async send(reply: Uint8Array, fault: F | null): Promise<void> {
    let bytes = reply;
    if (fault === 'slow') await this.slowDown();
    if (fault === 'badChecksum') {
      bytes = reply.slice();
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
    }
    if (fault === 'truncated') bytes = reply.slice(0, Math.floor(reply.length / 2));
    const garbage = this.options.garbage;
    if (fault === 'garbage' && garbage !== undefined)
      bytes = concatBytes(garbage(this.random), reply);
    return this.write(bytes);
  }

  /** Writes `bytes` paced to the attached transport; nothing when detached, stops if it changes. */
  async write(bytes: Uint8Array): Promise<void> {
    const transport = this.current;
    if (transport === undefined) return;
    const { baudRate } = this.options;
    await writePaced(transport, bytes, baudRate, this.timers, () => this.current === transport);
  }
}
