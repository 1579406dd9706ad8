import { SerialPort } from 'serialport';
import type { ByteTransport } from './byte-transport.js';
import { StreamTransport } from './stream-transport.js';
import { classifyOpenError } from './transport-error.js';

/**
 * Opens a serial port (RS-232, USB-serial or a PTY). Rejects with a TransportError:
 * `portNotFound` (action configuration) when the path does not exist, `permissionDenied`,
 * `portBusy` when another process holds it, `openFailed` otherwise.
 */
export async function openSerialTransport(path: string, baudRate: number): Promise<ByteTransport> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => {
    port.open((error) => (error ? reject(classifyOpenError(error, path)) : resolve()));
  });
  return new StreamTransport(port, path, () => closePort(port));
}

function closePort(port: SerialPort): Promise<void> {
  return new Promise((resolve) => {
    if (!port.isOpen) {
      resolve();
      return;
    }
    port.close(() => resolve());
  });
}
