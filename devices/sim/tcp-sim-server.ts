import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { ByteTransport } from '../transport/byte-transport.js';
import { socketTransport } from '../transport/tcp-transport.js';
import type { DeviceSimulator } from './device-simulator.js';

/** A simulator reachable over TCP. */
export interface TcpSimServer {
  /** The bound port. */
  readonly port: number;
  /** The spec a kiosk opens, e.g. "tcp:127.0.0.1:40123". */
  readonly spec: string;
  /** Stops listening and drops the connection. */
  close(): Promise<void>;
}

/**
 * Serves the simulator on a TCP port, like a serial device server: one host at a time; a new
 * connection replaces the previous one.
 */
export async function serveSimulatorOverTcp(
  sim: Pick<DeviceSimulator, 'attach' | 'detach'>,
  host: string,
  port: number,
): Promise<TcpSimServer> {
  let current: ByteTransport | undefined;
  const server = createServer((socket) => {
    const previous = current;
    current = socketTransport(
      socket,
      `tcp:${socket.remoteAddress ?? '?'}:${socket.remotePort ?? 0}`,
    );
    sim.attach(current);
    void previous?.close();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    spec: `tcp:${host}:${bound}`,
    async close() {
      sim.detach();
      await current?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
