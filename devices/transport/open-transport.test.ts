import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { openTransport, parseTransportSpec } from './open-transport.js';
import { TransportError } from './transport-error.js';

describe('transport specs', () => {
  it.each([
    ['/dev/ttyUSB0', { kind: 'serial', path: '/dev/ttyUSB0' }],
    ['COM3', { kind: 'serial', path: 'COM3' }],
    ['tcp:7000', { kind: 'tcp', host: '127.0.0.1', port: 7000 }],
    ['tcp:reader.local:7000', { kind: 'tcp', host: 'reader.local', port: 7000 }],
    ['usblp:/dev/usb/lp0', { kind: 'deviceFile', path: '/dev/usb/lp0' }],
    ['/dev/usb/lp1', { kind: 'deviceFile', path: '/dev/usb/lp1' }],
    ['usblp:/tmp/printer-pty', { kind: 'deviceFile', path: '/tmp/printer-pty' }],
  ])('%s', (spec, expected) => {
    expect(parseTransportSpec(spec)).toEqual(expected);
  });

  it.each(['', 'tcp:', 'tcp:host:', 'tcp:0', 'tcp:70000', 'tcp:12ab', 'usblp:'])(
    'rejects "%s" as badPortSpec',
    (spec) => {
      expect(() => parseTransportSpec(spec)).toThrow(
        expect.objectContaining({ code: 'badPortSpec', action: 'configuration' }),
      );
    },
  );
});

describe('openTransport failures are typed', () => {
  it('a missing serial port is portNotFound, fixed by configuration', async () => {
    const error = await openTransport('/dev/does-not-exist-kiosk', 115200).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ code: 'portNotFound', action: 'configuration' });
    expect((error as Error).message).toBe(
      '/dev/does-not-exist-kiosk: No such file or directory, cannot open /dev/does-not-exist-kiosk',
    );
  });

  it('a missing USB printer node is portNotFound', async () => {
    await expect(openTransport('/dev/usb/lp97', 0)).rejects.toMatchObject({
      code: 'portNotFound',
      action: 'configuration',
    });
  });

  it('a closed TCP port is connectionRefused', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    await expect(openTransport(`tcp:127.0.0.1:${port}`, 0)).rejects.toMatchObject({
      code: 'connectionRefused',
    });
  });
});

describe('TCP transport', () => {
  it('carries bytes both ways and reports the far end closing', async () => {
    let peer: Socket | undefined;
    const server = createServer((socket) => {
      peer = socket;
      socket.on('data', (data) => socket.write(Buffer.from([...data].reverse())));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const transport = await openTransport(`tcp:${port}`, 0);
    const received = new Promise<Uint8Array>((resolve) => transport.onData(resolve));
    const closed = new Promise<TransportError | undefined>((resolve) => transport.onClose(resolve));
    await transport.write(Uint8Array.of(1, 2, 3));
    expect(await received).toEqual(Uint8Array.of(3, 2, 1));
    peer?.destroy();
    expect(await closed).toMatchObject({ code: 'disconnected' });
    expect(transport.isOpen).toBe(false);
    await expect(transport.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'closed' });
    await transport.close();
    await new Promise((resolve) => server.close(resolve));
  });
});
