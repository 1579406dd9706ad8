import type { Unsubscribe } from '../util/typed-emitter.js';
import type { TransportError } from './transport-error.js';

/**
 * The minimal byte pipe a protocol driver needs (node-serialport's seam): write bytes, hear
 * bytes, hear the end. Serial ports, TCP sockets and in-memory pairs all implement it, so a fake
 * for a test is a few lines.
 */
export interface ByteTransport {
  /** Where the bytes go, for logs and status, e.g. "/dev/ttyUSB0" or "tcp:127.0.0.1:7000". */
  readonly description: string;
  /** False once the transport has closed, for any reason. */
  readonly isOpen: boolean;
  /** Sends bytes; rejects with a TransportError (code `writeFailed` or `closed`). */
  write(bytes: Uint8Array): Promise<void>;
  /** Subscribes to received bytes, in arrival order, in whatever chunks the OS delivers. */
  onData(listener: (bytes: Uint8Array) => void): Unsubscribe;
  /**
   * Subscribes to the end of the transport: called once, with the error that ended it, or
   * with undefined when `close()` was called. After it, the transport is dead; open a new one.
   */
  onClose(listener: (cause: TransportError | undefined) => void): Unsubscribe;
  /** Closes the transport; resolves when it is closed. Safe to call more than once. */
  close(): Promise<void>;
}
