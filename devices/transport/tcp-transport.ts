import { connect } from 'node:net';
import type { Socket } from 'node:net';
import type { ByteTransport } from './byte-transport.js';
import { StreamTransport } from './stream-transport.js';
import { classifyOpenError } from './transport-error.js';

/** Connects to a TCP byte stream (a simulator, or a serial device server). */
export function openTcpTransport(host: string, port: number): Promise<ByteTransport> {
  const where = `tcp:${host}:${port}`;
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const onError = (error: Error): void => {
      socket.destroy();
      reject(classifyOpenError(error, where));
    };
    socket.once('error', onError);
    socket.once('connect', () => {
      socket.off('error', onError);
      resolve(socketTransport(socket, where));
    });
  });
}

/** Wraps a connected socket (either side: a client, or a server's accepted connection). */
export function socketTransport(socket: Socket, description: string): ByteTransport {
  socket.setNoDelay(true);
  return new StreamTransport(socket, description, () => endSocket(socket));
}

function endSocket(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) {
      resolve();
      return;
    }
    socket.once('close', () => resolve());
    socket.destroy();
  });
}
