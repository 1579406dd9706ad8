import { execFileSync } from 'node:child_process';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPtyPair } from '../sim/pty-pair.js';
import { waitFor } from '../testing/wait-for.js';
import { openDeviceFileTransport } from './device-file-transport.js';
import { openSerialTransport } from './serial-transport.js';
import type { TransportError } from './transport-error.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-devfile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('DeviceFileTransport (USB printer node /dev/usb/lpN)', () => {
  it('writes job bytes to the file, and closes cleanly', async () => {
    const path = join(dir, 'lp-file');
    await writeFile(path, '');
    const transport = await openDeviceFileTransport(path, { readPollMs: 5 });
    const closed = new Promise<TransportError | undefined>((r) => transport.onClose(r));
    await transport.write(Uint8Array.of(0x1b, 0x40, 0x41, 0x0a));
    await transport.write(Uint8Array.of(0x1d, 0x56, 0x01));
    expect([...(await readFile(path))]).toEqual([0x1b, 0x40, 0x41, 0x0a, 0x1d, 0x56, 0x01]);
    await transport.close();
    expect(await closed).toBeUndefined();
    expect(transport.isOpen).toBe(false);
    await expect(transport.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'closed' });
  });

  it('reads status bytes that come back (a FIFO stands in for the node)', async () => {
    const path = join(dir, 'lp-fifo');
    execFileSync('mkfifo', [path]);
    const transport = await openDeviceFileTransport(path, { readPollMs: 5 });
    const received: number[] = [];
    transport.onData((bytes) => received.push(...bytes));
    const printer = await open(path, 'w');
    await printer.write(Uint8Array.of(0x12, 0x1e));
    await waitFor(() => received.length === 2, 'status bytes');
    expect(received).toEqual([0x12, 0x1e]);
    await printer.close();
    await transport.close();
  });

  it('carries bytes both ways over a character device (a socat PTY)', async () => {
    const pair = await createPtyPair();
    const device = await openSerialTransport(pair.b, 115_200);
    device.onData((bytes) => void device.write(Uint8Array.from(bytes, (b) => b ^ 0xff)));
    const transport = await openDeviceFileTransport(pair.a, { readPollMs: 5 });
    const received: number[] = [];
    transport.onData((bytes) => received.push(...bytes));
    await transport.write(Uint8Array.of(0x10, 0x04, 0x01));
    await waitFor(() => received.length === 3, 'echo');
    expect(received).toEqual([0xef, 0xfb, 0xfe]);
    await transport.close();
    await device.close();
    await pair.dispose();
  });

  it('classifies open errors', async () => {
    await expect(openDeviceFileTransport(join(dir, 'missing'))).rejects.toMatchObject({
      code: 'portNotFound',
      action: 'configuration',
    });
    await expect(openDeviceFileTransport(dir)).rejects.toMatchObject({ code: 'openFailed' });
  });
});
