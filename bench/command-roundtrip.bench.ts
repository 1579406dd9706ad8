/**
 * Cost of the message protocol layer: Kiosk.GetState through the core's server and the contract
 * client (schema validation on both sides, dispatch, timeout bookkeeping) against bare `ws` sockets
 * exchanging the same message pattern (one request → an acknowledge and a completion of the same
 * bytes), same machine, same run. Goal (a regression guard): p50 within 3× of the bare sockets —
 * the layer validates three schemas per command (command, completion on the core, completion on
 * the client); measured 2.0–2.4× when written.
 */
import { performance } from 'node:perf_hooks';
import WebSocket, { WebSocketServer } from 'ws';
import { KioskClient } from '../contract/index.js';
import { KioskServer } from '../core/kiosk-server.js';
import { offeredHandlers } from '../core/command-handlers.js';
import { createLogger } from '../core/log.js';
import { percentile, report } from './result.js';

const ROUNDS = 2_000;
const token = 't'.repeat(64);
const state = {
  kioskId: 'BENCH',
  services: [{ service: 'printProof' as const, available: true }],
  devices: [{ id: 'idCardReader', deviceClass: 'idCardReader' as const, state: 'online' as const }],
  session: { active: false },
  uiTimeouts: { idleMs: 60_000, countdownMs: 20_000 },
};

const server = new KioskServer({
  host: '127.0.0.1',
  port: 0,
  token,
  extraOrigins: [],
  rendererDir: '/nonexistent',
  limits: { messagesPerSecond: 1e9, burst: 1e6, floodCloseAfter: 1e9, maxConnections: 4 },
  handlers: offeredHandlers({
    'Kiosk.GetState': async () => ({ completionCode: 'success', payload: state }),
    'Session.End': async () => ({ completionCode: 'success', payload: {} }),
  }),
  log: createLogger('silent'),
});
const port = await server.listen();
const client = new KioskClient({
  url: `ws://127.0.0.1:${port}/ws`,
  token,
  createSocket: (u, p) => new WebSocket(u, p),
});
client.start();
await new Promise<void>((resolve) => client.onConnection((s) => s === 'open' && resolve()));

const echo = new WebSocketServer({ host: '127.0.0.1', port: 0 });
const ackBytes = JSON.stringify({
  header: { type: 'acknowledge', name: 'Kiosk.GetState', requestId: 1, version: 1 },
  payload: {},
});
const completionBytes = JSON.stringify({
  header: {
    type: 'completion',
    name: 'Kiosk.GetState',
    requestId: 1,
    version: 1,
    completionCode: 'success',
  },
  payload: state,
});
echo.on('connection', (ws) =>
  ws.on('message', () => {
    ws.send(ackBytes);
    ws.send(completionBytes);
  }),
);
await new Promise((r) => echo.once('listening', r));
const raw = new WebSocket(`ws://127.0.0.1:${(echo.address() as { port: number }).port}`);
await new Promise((r) => raw.once('open', r));
const rawRoundTrip = (payload: string) =>
  new Promise<void>((resolve) => {
    let replies = 0;
    const onMessage = () => {
      if (++replies < 2) return;
      raw.off('message', onMessage);
      resolve();
    };
    raw.on('message', onMessage);
    raw.send(payload);
  });

const body = JSON.stringify({
  header: { type: 'command', name: 'Kiosk.GetState', requestId: 1, version: 1 },
  payload: {},
});
const kioskTimes: number[] = [];
const rawTimes: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  // Interleave so both see the same machine conditions.
  let t = performance.now();
  await rawRoundTrip(body);
  rawTimes.push(performance.now() - t);
  t = performance.now();
  const result = await client.execute('Kiosk.GetState', {});
  kioskTimes.push(performance.now() - t);
  if (result.kind !== 'completed' || result.completionCode !== 'success')
    throw new Error('command failed');
}
kioskTimes.sort((a, b) => a - b);
rawTimes.sort((a, b) => a - b);
const ratio = percentile(kioskTimes, 50) / percentile(rawTimes, 50);
console.log(
  `kiosk GetState p50 ${percentile(kioskTimes, 50).toFixed(3)} ms p95 ${percentile(kioskTimes, 95).toFixed(3)} ms; ` +
    `bare ws p50 ${percentile(rawTimes, 50).toFixed(3)} ms p95 ${percentile(rawTimes, 95).toFixed(3)} ms`,
);
client.stop();
raw.close();
echo.close();
await server.close();
report({
  bench: 'command-roundtrip',
  metric: 'p50_ratio_vs_bare_ws_same_pattern',
  value: Number(ratio.toFixed(2)),
  goal: '<= 3',
  met: ratio <= 3,
  details: {
    rounds: ROUNDS,
    kioskP50Ms: Number(percentile(kioskTimes, 50).toFixed(3)),
    rawP50Ms: Number(percentile(rawTimes, 50).toFixed(3)),
  },
});
