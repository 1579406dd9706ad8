import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  KioskClient,
  WS_SUBPROTOCOL,
  WS_TOKEN_PREFIX,
  type KioskState,
} from '../contract/index.js';
import { offeredHandlers, type CommandHandlers } from './command-handlers.js';
import { KioskServer } from './kiosk-server.js';
import { createLogger } from './log.js';
import { until } from '../test/support/until.js';

const TOKEN = 'a'.repeat(64);
const STATE: KioskState = {
  kioskId: 'KIOSK-TEST-1',
  services: [{ service: 'printProof', available: false, reason: 'deviceNotInstalled' }],
  devices: [],
  session: { active: false },
  uiTimeouts: { idleMs: 60_000, countdownMs: 20_000 },
};

let server: KioskServer;
let port: number;
let behaviour: 'ok' | 'throw' | 'hang' | 'badResult' = 'ok';

const handlers: CommandHandlers = offeredHandlers({
  'Kiosk.GetState': async ({ signal }) => {
    if (behaviour === 'throw') throw new Error('boom 11010519491231002X');
    if (behaviour === 'hang')
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
    if (behaviour === 'badResult')
      return { completionCode: 'success', payload: { kioskId: 1 } as never };
    return { completionCode: 'success', payload: STATE };
  },
  'Session.End': async () => ({ completionCode: 'success', payload: {} }),
});

beforeEach(async () => {
  behaviour = 'ok';
  server = new KioskServer({
    host: '127.0.0.1',
    port: 0,
    token: TOKEN,
    extraOrigins: [],
    rendererDir: '/nonexistent',
    limits: { messagesPerSecond: 20, burst: 40, floodCloseAfter: 100, maxConnections: 4 },
    handlers,
    log: createLogger('silent'),
  });
  port = await server.listen();
});

afterEach(async () => {
  await server.close();
});

type Opened = { ws: WebSocket; messages: Record<string, any>[] }; // eslint-disable-line @typescript-eslint/no-explicit-any

function connect(
  protocols = [WS_SUBPROTOCOL, WS_TOKEN_PREFIX + TOKEN],
  headers: Record<string, string> = {},
) {
  return new Promise<Opened>((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, protocols, { headers });
    const messages: Opened['messages'] = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    ws.once('open', () => resolve({ ws, messages }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

const command = (name: string, requestId: number, payload: object = {}) =>
  JSON.stringify({ header: { type: 'command', name, requestId, version: 1 }, payload });

describe('handshake', () => {
  it('refuses a client without the token', async () => {
    await expect(connect([WS_SUBPROTOCOL])).rejects.toThrow('HTTP 401');
  });
  it('refuses a wrong token', async () => {
    await expect(connect([WS_SUBPROTOCOL, WS_TOKEN_PREFIX + 'b'.repeat(64)])).rejects.toThrow(
      'HTTP 401',
    );
  });
  it('refuses a foreign web page (Origin check)', async () => {
    await expect(connect(undefined, { Origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });
  it('refuses a rebinding host name', async () => {
    await expect(connect(undefined, { Host: `evil.example:${port}` })).rejects.toThrow('HTTP 421');
  });
  it('accepts its own origin and the token', async () => {
    const { ws } = await connect(undefined, { Origin: `http://127.0.0.1:${port}` });
    expect(ws.protocol).toBe(WS_SUBPROTOCOL);
    ws.close();
  });
  it('caps simultaneous connections', async () => {
    const open = await Promise.all([connect(), connect(), connect(), connect()]);
    await expect(connect()).rejects.toThrow('HTTP 503');
    open.forEach((o) => o.ws.close());
  });
});

describe('hostile messages get typed rejections', () => {
  const cases: [string, string | Buffer, string][] = [
    ['malformed JSON', '{"header": ', 'invalidMessage'],
    ['not an envelope', '[1,2,3]', 'invalidMessage'],
    ['an unknown command', command('Evil.Command', 7), 'unsupportedCommand'],
    [
      'a bad requestId',
      JSON.stringify({
        header: { type: 'command', name: 'Kiosk.GetState', requestId: -1, version: 1 },
        payload: {},
      }),
      'invalidRequestId',
    ],
    [
      'a payload that fails the schema',
      command('Session.End', 8, { reason: 'becauseISaidSo' }),
      'invalidMessage',
    ],
    [
      'an oversized message',
      command('Kiosk.GetState', 9, { junk: 'x'.repeat(100_000) }),
      'invalidMessage',
    ],
    ['a binary frame', Buffer.from([1, 2, 3]), 'invalidMessage'],
  ];
  it.each(cases)('%s', async (_what, raw, status) => {
    const { ws, messages } = await connect();
    ws.send(raw);
    const ack = await until(() => messages.find((m) => m.header.type === 'acknowledge'));
    expect(ack.header.status).toBe(status);
    expect(messages.some((m) => m.header.type === 'completion')).toBe(false);
    ws.close();
  });

  it('closes a connection whose frame exceeds the transport cap', async () => {
    const { ws } = await connect();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(300 * 1024));
    expect(await closed).toBe(1009);
  });

  it('rejects a requestId already in flight', async () => {
    behaviour = 'hang';
    const { ws, messages } = await connect();
    ws.send(command('Kiosk.GetState', 5));
    ws.send(command('Kiosk.GetState', 5));
    const rejected = await until(() =>
      messages.find((m) => m.header.status === 'invalidRequestId'),
    );
    expect(rejected.header.requestId).toBe(5);
    ws.close();
  });
});

describe('completions', () => {
  it('answers acknowledge then exactly one completion', async () => {
    const { ws, messages } = await connect();
    ws.send(command('Kiosk.GetState', 1));
    const done = await until(() => messages.find((m) => m.header.type === 'completion'));
    expect(messages.map((m) => m.header.type)).toEqual(['acknowledge', 'completion']);
    expect(done.header.completionCode).toBe('success');
    expect(done.payload.kioskId).toBe('KIOSK-TEST-1');
    ws.close();
  });
  it('turns a handler exception into internalError and keeps serving', async () => {
    behaviour = 'throw';
    const { ws, messages } = await connect();
    ws.send(command('Kiosk.GetState', 1));
    const done = await until(() => messages.find((m) => m.header.type === 'completion'));
    expect(done.header.completionCode).toBe('internalError');
    expect(JSON.stringify(done)).not.toContain('11010519491231002X');
    ws.close();
  });
  it('turns a result that breaks the contract into internalError', async () => {
    behaviour = 'badResult';
    const { ws, messages } = await connect();
    ws.send(command('Kiosk.GetState', 1));
    const done = await until(() => messages.find((m) => m.header.type === 'completion'));
    expect(done.header.completionCode).toBe('internalError');
    ws.close();
  });
  it('completes with timeOut when the command takes longer than its timeoutMs', async () => {
    behaviour = 'hang';
    const { ws, messages } = await connect();
    ws.send(
      JSON.stringify({
        header: {
          type: 'command',
          name: 'Kiosk.GetState',
          requestId: 3,
          version: 1,
          timeoutMs: 50,
        },
        payload: {},
      }),
    );
    const done = await until(() => messages.find((m) => m.header.type === 'completion'));
    expect(done.header.completionCode).toBe('timeOut');
    ws.close();
  });
  it('cancels a command in flight', async () => {
    behaviour = 'hang';
    const { ws, messages } = await connect();
    ws.send(command('Kiosk.GetState', 3));
    ws.send(command('Common.Cancel', 4, { requestIds: [3] }));
    const done = await until(() =>
      messages.find((m) => m.header.type === 'completion' && m.header.requestId === 3),
    );
    expect(done.header.completionCode).toBe('canceled');
    ws.close();
  });
});

describe('floods', () => {
  it('rate-limits a flooding client, then closes it, while another client keeps being served', async () => {
    const flooder = await connect();
    const closed = new Promise<number>((resolve) =>
      flooder.ws.once('close', (code) => resolve(code)),
    );
    for (let i = 1; i <= 400; i++) flooder.ws.send(command('Kiosk.GetState', i));
    expect(await closed).toBe(1008);
    expect(flooder.messages.some((m) => m.header.status === 'tooManyRequests')).toBe(true);

    const client = new KioskClient({
      url: `ws://127.0.0.1:${port}/ws`,
      token: TOKEN,
      createSocket: (u, p) => new WebSocket(u, p),
    });
    client.start();
    await until(() => (client.connection === 'open' ? true : undefined));
    const result = await client.execute('Kiosk.GetState', {});
    expect(result.kind === 'completed' && result.completionCode).toBe('success');
    client.stop();
  });
});

describe('http', () => {
  it('serves security headers and explains a missing renderer build', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
  it('does not serve files outside the renderer folder', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/..%2f..%2fetc%2fpasswd`);
    expect(response.status).toBe(404);
  });
});
