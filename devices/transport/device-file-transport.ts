import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { TypedEmitter } from '../util/typed-emitter.js';
import type { Unsubscribe } from '../util/typed-emitter.js';
import type { ByteTransport } from './byte-transport.js';
import type { TransportEvents } from './stream-transport.js';
import { TransportError, classifyOpenError } from './transport-error.js';

/** Options of a device-file transport. */
export interface DeviceFileOptions {
  /** Pause between reads that found nothing. Default 20 ms. */
  readonly readPollMs?: number;
}

const RETRY = new Set(['EAGAIN', 'EWOULDBLOCK', 'EINTR']);
const errno = (error: unknown): string => String((error as { code?: unknown } | null)?.code ?? '');
const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A ByteTransport over a character device such as a Linux USB printer node (/dev/usb/lpN), opened
 * read+write like python-escpos' File printer. The node is opened non-blocking and read in a
 * polling loop: a blocking read would hold one of libuv's few threadpool threads for as long as
 * the printer stays silent, and char devices cannot be watched with epoll through Node. A
 * unidirectional printer refuses reads (EINVAL); the transport then stays write-only.
 */
export class DeviceFileTransport implements ByteTransport {
  private readonly events = new TypedEmitter<TransportEvents>();
  private ended = false;
  private readonly reading: Promise<void>;
  private writes: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: FileHandle,
    readonly description: string,
    private readonly pollMs: number,
  ) {
    this.reading = this.readLoop();
  }

  /** Opens `path` read+write, non-blocking; rejects with a classified TransportError. */
  static async open(path: string, options: DeviceFileOptions = {}): Promise<DeviceFileTransport> {
    try {
      const file = await open(path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
      return new DeviceFileTransport(file, path, options.readPollMs ?? 20);
    } catch (error) {
      throw classifyOpenError(error, path);
    }
  }

  /** False once closed or failed. */
  get isOpen(): boolean {
    return !this.ended;
  }

  /** Writes all bytes, retrying while the device is busy (EAGAIN). */
  write(bytes: Uint8Array): Promise<void> {
    if (this.ended)
      return Promise.reject(new TransportError('closed', `${this.description}: closed`));
    const run = (): Promise<void> => this.writeAll(Uint8Array.from(bytes));
    const next = this.writes.then(run, run);
    this.writes = next.catch(() => {});
    return next;
  }

  /** Subscribes to bytes read back (status replies). */
  onData(listener: (bytes: Uint8Array) => void): Unsubscribe {
    return this.events.on('data', listener);
  }

  /** Subscribes to the end of the transport. */
  onClose(listener: (cause: TransportError | undefined) => void): Unsubscribe {
    return this.events.on('close', listener);
  }

  /** Stops reading and closes the file. */
  async close(): Promise<void> {
    if (this.ended) return;
    this.end(undefined);
    await this.reading;
    await this.writes;
    await this.file.close().catch(() => {});
  }

  private async writeAll(bytes: Uint8Array): Promise<void> {
    let at = 0;
    while (at < bytes.length) {
      if (this.ended) throw new TransportError('closed', `${this.description}: closed`);
      try {
        const { bytesWritten } = await this.file.write(bytes, at, bytes.length - at, null);
        at += bytesWritten;
      } catch (error) {
        if (RETRY.has(errno(error))) {
          await pause(this.pollMs);
          continue;
        }
        const cause = new TransportError('writeFailed', `${this.description}: ${message(error)}`);
        this.fail(cause);
        throw cause;
      }
    }
  }

  private async readLoop(): Promise<void> {
    const buffer = new Uint8Array(256);
    while (!this.ended) {
      let got = 0;
      try {
        ({ bytesRead: got } = await this.file.read(buffer, 0, buffer.length, null));
      } catch (error) {
        const code = errno(error);
        if (code === 'EINVAL' || code === 'EISDIR') return; // one-way printer: write-only
        if (!RETRY.has(code)) {
          this.fail(new TransportError('disconnected', `${this.description}: ${message(error)}`));
          return;
        }
      }
      if (this.ended) return;
      if (got > 0) this.events.emit('data', buffer.slice(0, got));
      else await pause(this.pollMs);
    }
  }

  private fail(cause: TransportError): void {
    if (this.ended) return;
    this.end(cause);
    void this.reading.then(() => this.file.close()).catch(() => {});
  }

  private end(cause: TransportError | undefined): void {
    if (this.ended) return;
    this.ended = true;
    this.events.emit('close', cause);
  }
}

/** Opens a character device as a ByteTransport (see DeviceFileTransport). */
export function openDeviceFileTransport(
  path: string,
  options?: DeviceFileOptions,
): Promise<ByteTransport> {
  return DeviceFileTransport.open(path, options);
}
