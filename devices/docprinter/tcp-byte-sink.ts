import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

/**
 * A loopback TCP listener that keeps what each connection sent: the far end of a CUPS
 * `socket://` queue (as a printer on port 9100 would be). One connection = one job. Used to
 * check that raw jobs arrive byte for byte, and usable as a PDF sink for a simulator.
 */
export class TcpByteSink {
  /** Bytes of each finished connection, oldest first (at most `keep`). */
  readonly jobs: Uint8Array[] = [];
  private readonly sockets = new Set<Socket>();
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly server: Server,
    /** The port it listens on. */
    readonly port: number,
    private readonly keep: number,
  ) {}

  /** Listens on 127.0.0.1 (`port` 0 = any free port); keeps the last `keep` jobs. */
  static async start(port = 0, keep = 50): Promise<TcpByteSink> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    const sink = new TcpByteSink(
      server,
      typeof address === 'object' && address ? address.port : 0,
      keep,
    );
    server.on('connection', (socket) => sink.accept(socket));
    return sink;
  }

  /** socket://127.0.0.1:PORT, the device URI of a queue that prints here. */
  get deviceUri(): string {
    return `socket://127.0.0.1:${this.port}`;
  }

  /** Resolves when at least `count` jobs arrived; rejects after `timeoutMs`. */
  async waitForJobs(count: number, timeoutMs = 10_000): Promise<Uint8Array[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.jobs.length < count) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`sink: ${this.jobs.length} of ${count} jobs after ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.jobs.slice();
  }

  /** Stops listening and drops open connections. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.jobs.push(new Uint8Array(Buffer.concat(chunks)));
      if (this.jobs.length > this.keep) this.jobs.shift();
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    });
    // CUPS's socket backend half-closes after the job and waits for the printer to close.
    socket.on('end', () => socket.end());
  }
}
