import type { Duplex } from 'node:stream';
import { TypedEmitter } from '../util/typed-emitter.js';
import type { Unsubscribe } from '../util/typed-emitter.js';
import type { ByteTransport } from './byte-transport.js';
import { TransportError } from './transport-error.js';

/** Events every ByteTransport implementation publishes. */
export interface TransportEvents {
  /** Bytes received. */
  data: Uint8Array;
  /** The transport ended; the error that ended it, or undefined for a requested close. */
  close: TransportError | undefined;
}

/**
 * A ByteTransport over an already-open Node Duplex stream (a SerialPort or a net.Socket: both
 * emit 'data', 'error' and 'close'). Any stream error ends the transport: the owner reopens,
 * which is the only recovery that works for unplugged USB-serial adapters.
 */
export class StreamTransport implements ByteTransport {
  private readonly events = new TypedEmitter<TransportEvents>();
  private readonly pendingWrites = new Set<(error: TransportError) => void>();
  private ended = false;
  private closeRequested = false;

  constructor(
    private readonly stream: Duplex,
    readonly description: string,
    private readonly closeStream: () => Promise<void>,
  ) {
    stream.on('data', (chunk: Buffer) => {
      this.events.emit('data', new Uint8Array(chunk));
    });
    stream.on('error', (error: Error) => {
      this.end(new TransportError('disconnected', `${description}: ${error.message}`));
      void this.closeStream().catch(() => {});
    });
    stream.on('close', () => {
      this.end(
        this.closeRequested
          ? undefined
          : new TransportError('disconnected', `${description}: closed by the other side`),
      );
    });
  }

  get isOpen(): boolean {
    return !this.ended;
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.ended) {
      return Promise.reject(new TransportError('closed', `${this.description}: closed`));
    }
    return new Promise((resolve, reject) => {
      // A write queued when the stream dies may never get its callback: settle it on end.
      const settle = (error: TransportError | undefined): void => {
        if (!this.pendingWrites.delete(onEnd)) return;
        if (error === undefined) resolve();
        else reject(error);
      };
      const onEnd = (error: TransportError): void => settle(error);
      this.pendingWrites.add(onEnd);
      this.stream.write(Buffer.from(bytes), (error) => {
        settle(
          error
            ? new TransportError('writeFailed', `${this.description}: ${error.message}`)
            : undefined,
        );
      });
    });
  }

  onData(listener: (bytes: Uint8Array) => void): Unsubscribe {
    return this.events.on('data', listener);
  }

  onClose(listener: (cause: TransportError | undefined) => void): Unsubscribe {
    return this.events.on('close', listener);
  }

  async close(): Promise<void> {
    if (this.ended) return;
    this.closeRequested = true;
    await this.closeStream().catch(() => {});
    this.end(undefined);
  }

  private end(cause: TransportError | undefined): void {
    if (this.ended) return;
    this.ended = true;
    const writeError = cause ?? new TransportError('closed', `${this.description}: closed`);
    for (const reject of [...this.pendingWrites]) reject(writeError);
    this.events.emit('close', cause);
  }
}
