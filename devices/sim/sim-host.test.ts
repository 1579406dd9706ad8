import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { IdCardReader } from '../idcard/idcard-reader.js';
import type { ReadCard } from '../idcard/card-readout.js';

/* The sim-host process, started as in development (tsx), driven through its control API. */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = `${ROOT}node_modules/tsx/dist/cli.mjs`;

type Host = ChildProcessByStdio<null, Readable, Readable>;
interface Ready {
  event: string;
  control: string;
  ports: Record<string, string>;
}

const started: Host[] = [];

function startHost(args: string[]): Host {
  const child = spawn(process.execPath, [TSX, 'devices/sim/sim-host.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  return child;
}

function firstLine(child: Host): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve(line));
    child.once('exit', (code) => reject(new Error(`sim-host exited ${code} before it was ready`)));
  });
}

function exitOf(child: Host): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

async function call(base: string, method: string, path: string, body?: string) {
  const response = await fetch(`${base}${path}`, {
    method,
    ...(body !== undefined ? { body } : {}),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function readOneCard(port: string): Promise<ReadCard> {
  const reader = new IdCardReader({ port, pollIntervalMs: 100, commandTimeoutMs: 2000 });
  try {
    const card = new Promise<ReadCard>((resolve) => reader.on('cardInserted', resolve));
    await reader.open();
    return await card;
  } finally {
    await reader.close();
  }
}

afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('sim-host process', () => {
  it('prints one ready line, serves the control API over a PTY, and exits cleanly on SIGTERM', async () => {
    const host = startHost(['--baud', '115200']);
    const ready = JSON.parse(await firstLine(host)) as Ready;
    expect(ready.event).toBe('sim.ready');
    expect(ready.control).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Object.keys(ready.ports).sort()).toEqual([
      'barcodeScanner',
      'cardDispenser',
      'fingerprintScanner',
      'idCardReader',
      'receiptPrinter',
    ]);
    for (const port of Object.values(ready.ports)) expect(existsSync(port)).toBe(true);
    const api = ready.control;

    expect(await call(api, 'GET', '/status')).toMatchObject({
      status: 200,
      json: { idcard: { cardPresent: false, fault: null }, transport: 'pty' },
    });
    expect(await call(api, 'POST', '/idcard/card')).toEqual({
      status: 200,
      json: {
        ok: true,
        card: { cardType: 'residentId', maskedName: '张*', maskedIdNumber: '1101**********002X' },
      },
    });
    const read = await readOneCard(ready.ports.idCardReader ?? '');
    expect(read.identity.name).toBe('张三');
    expect(await call(api, 'POST', '/printer/paper', '{"paper":"low"}')).toEqual({
      status: 200,
      json: { ok: true, paper: 'low' },
    });
    expect(await call(api, 'POST', '/dispenser/fault', '{"fault":"cardJam"}')).toEqual({
      status: 200,
      json: { ok: true, fault: 'cardJam' },
    });
    expect((await call(api, 'GET', '/status')).json).toMatchObject({
      dispenser: { fault: 'cardJam' },
      fingerprint: { fault: null },
      barcode: { fault: null },
    });

    const lisi = await call(
      api,
      'POST',
      '/idcard/card',
      JSON.stringify({ name: '李四', gender: 'female' }),
    );
    expect(lisi).toMatchObject({ status: 200, json: { card: { maskedName: '李*' } } });
    expect(await call(api, 'POST', '/idcard/fault', '{"fault":"garbage"}')).toEqual({
      status: 200,
      json: { ok: true, fault: 'garbage' },
    });
    expect((await call(api, 'GET', '/status')).json).toMatchObject({
      idcard: { fault: 'garbage' },
    });
    expect(await call(api, 'POST', '/idcard/fault', '{"fault":null}')).toEqual({
      status: 200,
      json: { ok: true, fault: null },
    });
    expect(await call(api, 'DELETE', '/idcard/card')).toEqual({ status: 200, json: { ok: true } });
    expect((await call(api, 'GET', '/status')).json).toMatchObject({
      idcard: { cardPresent: false },
    });

    host.kill('SIGTERM');
    expect(await exitOf(host)).toBe(0);
    for (const port of Object.values(ready.ports)) expect(existsSync(port)).toBe(false);
  });

  it('answers 400/404/405 with a JSON error for bad requests', async () => {
    const host = startHost([]);
    const { control: api } = JSON.parse(await firstLine(host)) as Ready;
    const cases: Array<[string, string, string | undefined, number, string]> = [
      ['POST', '/idcard/card', '{not json', 400, 'invalidJson'],
      ['POST', '/idcard/card', JSON.stringify({ name: '很'.repeat(16) }), 400, 'invalidCard'],
      ['POST', '/idcard/card', JSON.stringify({ birthDate: 'yesterday' }), 400, 'invalidCard'],
      ['POST', '/idcard/card', JSON.stringify({ colour: 'red' }), 400, 'invalidCard'],
      ['POST', '/idcard/card', JSON.stringify({ ethnicity: '火星' }), 400, 'invalidCard'],
      ['POST', '/idcard/fault', '{"fault":"melt"}', 400, 'unknownFault'],
      ['POST', '/idcard/fault', '{}', 400, 'unknownFault'],
      ['POST', '/idcard/fault', 'garbage', 400, 'invalidJson'],
      ['GET', '/nowhere', undefined, 404, 'notFound'],
      ['PUT', '/idcard/card', '{}', 405, 'methodNotAllowed'],
    ];
    for (const [method, path, body, status, error] of cases) {
      const result = await call(api, method, path, body);
      expect({ method, path, body, ...result }).toMatchObject({ status, json: { error } });
    }
    expect((await call(api, 'GET', '/status')).json).toMatchObject({
      idcard: { cardPresent: false, fault: null },
    });
    host.kill('SIGINT');
    expect(await exitOf(host)).toBe(0);
  });

  it('serves the reader over TCP with --transport tcp', async () => {
    const host = startHost(['--transport', 'tcp', '--control-port', '0']);
    const ready = JSON.parse(await firstLine(host)) as Ready;
    expect(ready.ports.idCardReader).toMatch(/^tcp:127\.0\.0\.1:\d+$/);
    await call(ready.control, 'POST', '/idcard/card', '{}');
    const read = await readOneCard(ready.ports.idCardReader ?? '');
    expect(read.masked.maskedIdNumber).toBe('1101**********002X');
    host.kill('SIGTERM');
    expect(await exitOf(host)).toBe(0);
  });

  it('exits 2 with the usage text on a bad option', async () => {
    const host = startHost(['--transport', 'carrier-pigeon']);
    let stderr = '';
    host.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(host)).toBe(2);
    expect(stderr).toContain('--transport must be pty or tcp');
    expect(stderr).toContain('usage: sim-host');
  });
});
