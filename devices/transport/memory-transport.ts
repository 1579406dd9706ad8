import { TypedEmitter } from '../util/typed-emitter.js';
import type { Unsubscribe } from '../util/typed-emitter.js';
import type { ByteTransport } from './byte-transport.js';
import type { TransportEvents } from './stream-transport.js';
import { TransportError } from './transport-error.js';

/** Two linked in-memory transports (a null-modem cable), for tests and in-process simulators. */
export interface MemoryTransportPair {
  /** One end (usually the host/driver side). */
  readonly a: ByteTransport;
  /** The other end (usually the device/simulator side). */
  readonly b: ByteTransport;
  /** Pulls the cable: both ends close with a `disconnected` error. */
  sever(): void;
}

class MemoryTransport implements ByteTransport {
  readonly events = new TypedEmitter<TransportEvents>();
  peer: MemoryTransport | undefined;
  private ended = false;

  constructor(readonly description: string) {}

  get isOpen(): boolean {
    return !this.ended;
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.ended) {
      return Promise.reject(new TransportError('closed', `${this.description}: closed`));
    }
    const copy = Uint8Array.from(bytes);
    const peer = this.peer;
    // Delivered later, never synchronously: like a real port, and no re-entrancy surprises.
    queueMicrotask(() => {
      if (peer !== undefined && peer.isOpen) peer.events.emit('data', copy);
    });
    return Promise.resolve();
  }

  onData(listener: (bytes: Uint8Array) => void): Unsubscribe {
    return this.events.on('data', listener);
  }

  onClose(listener: (cause: TransportError | undefined) => void): Unsubscribe {
    return this.events.on('close', listener);
  }

  close(): Promise<void> {
    this.end(undefined);
    this.peer?.end(new TransportError('disconnected', `${this.description}: peer closed`));
    return Promise.resolve();
  }

  end(cause: TransportError | undefined): void {
    if (this.ended) return;
    this.ended = true;
    this.events.emit('close', cause);
  }
}

/** Creates a linked pair of in-memory transports. */
export function createMemoryTransportPair(name = 'memory'): MemoryTransportPair {
  const a = new MemoryTransport(`${name}:a`);
  const b = new MemoryTransport(`${name}:b`);
  a.peer = b;
  b.peer = a;
  return {
    a,
    b,
    sever() {
      a.end(new TransportError('disconnected', `${a.description}: cable pulled`));
      b.end(new TransportError('disconnected', `${b.description}: cable pulled`));
    },
  };
}
