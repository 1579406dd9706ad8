import type { ByteTransport } from './byte-transport.js';
import { openDeviceFileTransport } from './device-file-transport.js';
import { openSerialTransport } from './serial-transport.js';
import { openTcpTransport } from './tcp-transport.js';
import { TransportError } from './transport-error.js';

/** Where a device is attached, parsed from a configuration string. */
export type TransportSpec =
  | {
      /** A serial port (RS-232, USB-serial, PTY). */
      kind: 'serial';
      /** Device path, e.g. /dev/ttyUSB0, COM3 or a PTY link. */
      path: string;
    }
  | {
      /** A TCP byte stream (simulator or serial device server). */
      kind: 'tcp';
      /** Host name or address; 127.0.0.1 when the spec gives only a port. */
      host: string;
      /** TCP port, 1..65535. */
      port: number;
    }
  | {
      /** A character device read and written as a file (Linux USB printer node /dev/usb/lpN). */
      kind: 'deviceFile';
      /** Device path. */
      path: string;
    };

const DEVICE_FILE_PREFIX = 'usblp:';

/**
 * Parses "tcp:HOST:PORT", "tcp:PORT", "usblp:PATH" (or a path under /dev/usb/lp) or a serial
 * device path. Throws TransportError `badPortSpec` for an empty spec or a bad TCP port.
 */
export function parseTransportSpec(spec: string): TransportSpec {
  const text = spec.trim();
  if (text === '') throw new TransportError('badPortSpec', 'empty port');
  if (text.startsWith(DEVICE_FILE_PREFIX)) {
    const path = text.slice(DEVICE_FILE_PREFIX.length);
    if (path === '') throw new TransportError('badPortSpec', `no device path in "${text}"`);
    return { kind: 'deviceFile', path };
  }
  if (text.startsWith('/dev/usb/lp')) return { kind: 'deviceFile', path: text };
  if (!text.startsWith('tcp:')) return { kind: 'serial', path: text };
  const rest = text.slice('tcp:'.length);
  const colon = rest.lastIndexOf(':');
  const host = colon < 0 ? '127.0.0.1' : rest.slice(0, colon);
  const portText = colon < 0 ? rest : rest.slice(colon + 1);
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535) || host === '') {
    throw new TransportError('badPortSpec', `bad TCP port spec "${text}" (want tcp:HOST:PORT)`);
  }
  return { kind: 'tcp', host, port };
}

/** Opens the transport a spec names: TCP, a device file, otherwise a serial port at `baudRate`. */
export async function openTransport(spec: string, baudRate: number): Promise<ByteTransport> {
  const parsed = parseTransportSpec(spec);
  switch (parsed.kind) {
    case 'tcp':
      return openTcpTransport(parsed.host, parsed.port);
    case 'deviceFile':
      return openDeviceFileTransport(parsed.path);
    case 'serial':
      return openSerialTransport(parsed.path, baudRate);
  }
}

/** The signature of `openTransport`, injectable into device classes for tests. */
export type OpenTransport = (spec: string, baudRate: number) => Promise<ByteTransport>;
