import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { KioskClient, type UnsolicitedName } from '../contract/index.js';
import { openSerialTransport } from '../devices/index.js';
import { IdCardSimulator } from '../devices/sim/idcard-simulator.js';
import { createPtyPair, type PtyPair } from '../devices/sim/pty-pair.js';
import { parseSimCard } from '../devices/sim/sim-card.js';
import { parseConfig } from './config.js';
import { writeCoreEndpoint } from './core-endpoint.js';
import { startKioskCore, type RunningKioskCore } from './kiosk-core.js';
import { createLogger } from './log.js';
import { until } from '../test/support/until.js';

/**
 * The whole core as the renderer sees it: the real ID-card reader driver on one end of a socat
 * PTY pair, the device simulator on the other, a reference-platform health endpoint over HTTP,
 * and the contract client over the core's WebSocket.
 */

const TOKEN = 'c'.repeat(64);
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-core-pty-'));
let pty: PtyPair;
let simulator: IdCardSimulator;
let platform: Server;
let core: RunningKioskCore;
let client: KioskClient;
const received: { name: UnsolicitedName; payload: unknown }[] = [];

function card(overrides: Record<string, unknown> = {}) {
  const parsed = parseSimCard(overrides);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.card;
}

const eventNamed = (name: UnsolicitedName, from = 0) =>
  until(() => received.slice(from).find((e) => e.name === name));

async function state() {
  const result = await client.execute('Kiosk.GetState', {});
  if (result.kind !== 'completed' || result.completionCode !== 'success')
    throw new Error('GetState failed');
  return result.payload;
}

beforeAll(async () => {
  pty = await createPtyPair();
  simulator = new IdCardSimulator({ baudRate: 115_200 });
  simulator.attach(await openSerialTransport(pty.b, 115_200));
  platform = createServer((_req, res) => res.writeHead(200).end('{"status":"ok"}'));
  await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
  const config = parseConfig({
    kioskId: 'PTY-TEST-1',
    dataDir,
    server: { port: 0 },
    devices: {
      idCardReader: { port: pty.a, pollIntervalMs: 200 },
      cardDispenser: { installed: false },
      barcodeScanner: { installed: false },
      fingerprintScanner: { installed: false },
      receiptPrinter: { installed: false },
      documentScanner: { installed: false },
      documentPrinter: { installed: false },
    },
    platform: { url: `http://127.0.0.1:${(platform.address() as AddressInfo).port}/` },
  });
  core = await startKioskCore(config, {
    token: TOKEN,
    log: createLogger('silent'),
    rendererDir: '/nonexistent',
  });
  client = new KioskClient({
    url: `ws://127.0.0.1:${core.port}/ws`,
    token: TOKEN,
    createSocket: (u, p) => new WebSocket(u, p),
  });
  for (const name of [
    'IdCard.CardInserted',
    'IdCard.CardRemoved',
    'IdCard.ReadFailed',
    'Session.Ended',
    'Device.StatusChanged',
  ] as const) {
    client.on(name, (payload) => received.push({ name, payload }));
  }
  client.start();
  await until(() => (client.connection === 'open' ? true : undefined));
});

afterAll(async () => {
  client?.stop();
  await core?.stop();
  simulator?.detach();
  await pty?.dispose();
  platform?.close();
});

describe('kiosk core over a real PTY', () => {
  it('reports the reader online and no session at start', async () => {
    const reader = await until(() =>
      received.find(
        (e) => e.name === 'Device.StatusChanged' && JSON.stringify(e.payload).includes('"online"'),
      ),
    );
    expect(reader).toBeDefined();
    const snapshot = await state();
    expect(snapshot.kioskId).toBe('PTY-TEST-1');
    expect(snapshot.devices.find((d) => d.id === 'idCardReader')?.state).toBe('online');
    expect(snapshot.session).toEqual({ active: false });
  });

  it('a tapped card starts a session that carries only the masked identity', async () => {
    const from = received.length;
    simulator.present(card());
    const inserted = await eventNamed('IdCard.CardInserted', from);
    expect(inserted.payload).toEqual({
      identity: { cardType: 'residentId', maskedName: '张*', maskedIdNumber: '1101**********002X' },
    });
    const snapshot = await state();
    expect(snapshot.session.active).toBe(true);
    expect(JSON.stringify(snapshot)).not.toContain('11010519491231002X');
    expect(JSON.stringify(received)).not.toContain('张三');
  });

  it('the card leaving the reader does not end the session; Session.End does', async () => {
    const from = received.length;
    simulator.remove();
    await eventNamed('IdCard.CardRemoved', from);
    expect((await state()).session.active).toBe(true);
    const result = await client.execute('Session.End', { reason: 'citizenFinished' });
    expect(result.kind === 'completed' && result.completionCode).toBe('success');
    expect((await eventNamed('Session.Ended', from)).payload).toEqual({
      reason: 'citizenFinished',
    });
    expect((await state()).session).toEqual({ active: false });
  });

  it('a card whose ID number fails the GB 11643 check is refused with a typed reason', async () => {
    const from = received.length;
    simulator.present(card({ idNumber: '110105194912310021' }));
    const failed = await eventNamed('IdCard.ReadFailed', from);
    expect(failed.payload).toMatchObject({ errorCode: 'invalidIdNumber' });
    expect((await state()).session.active).toBe(false);
    simulator.remove();
  });

  it('the technician CLI shows every device from the running core and runs a health check', async () => {
    writeCoreEndpoint(dataDir, { wsUrl: `ws://127.0.0.1:${core.port}/ws`, token: TOKEN, pid: 1 });
    // Asynchronously: the core under test runs in this process and must keep answering.
    const cli = (...args: string[]) =>
      new Promise<{ stdout: string; status: number }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', 'core/cli/devices-cli.ts', ...args],
          { encoding: 'utf8', env: { ...process.env, KIOSK_DATA_DIR: dataDir, KIOSK_CONFIG: '' } },
          (error, stdout) => resolve({ stdout, status: error ? Number(error.code) : 0 }),
        );
      });
    const status = await cli('status');
    expect(status.stdout).toContain('kiosk PTY-TEST-1');
    expect(status.stdout).toMatch(/idCardReader\s+idCardReader\s+online/);
    expect(status.stdout).toMatch(/camera\s+camera\s+starting/);
    expect(status.status).toBe(1); // the camera has no renderer here
    const health = await cli('test', 'idCardReader');
    expect(health.stdout).toMatch(/idCardReader internal: OK ok — SAM .* answers/);
    expect(health.status).toBe(0);
    expect((await cli('test', 'nothing')).status).toBe(1);
    expect((await cli('test')).status).toBe(2);
    const sync = await cli('sync');
    expect(sync.stdout).toMatch(/queued\s+0/);
    expect(sync.stdout).toMatch(/dead letters\s+0/);
    const jobs = await cli('jobs');
    expect(jobs.stdout).toContain('no print jobs need a look');
    expect(jobs.status).toBe(0);
    expect((await cli('resolve', '01M84C9VQBR59R2SVC89W9RKJA')).status).toBe(2);
    const settle = ['completed', '--tech', 'tech-07', '--reason', 'checked the tray'];
    const unknownJob = await cli('resolve', '01M84C9VQBR59R2SVC89W9RKJA', ...settle);
    expect(unknownJob.status).toBe(1);
  });
});
