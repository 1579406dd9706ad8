import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { until } from '../test/support/until.js';
import { createLogger } from './log.js';
import { PlatformMonitor } from './platform-monitor.js';

let server: Server;
let healthy: boolean;
let url: string;
let seen: boolean[];
let monitor: PlatformMonitor;

beforeEach(async () => {
  healthy = true;
  seen = [];
  server = createServer((_request, response) => {
    response.statusCode = healthy ? 200 : 503;
    response.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  // An hour between checks: anything seen after start() came from checkNow().
  monitor = new PlatformMonitor(
    url,
    (online) => seen.push(online),
    createLogger('silent'),
    3_600_000,
  );
});
afterEach(async () => {
  monitor.stop();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

it('reports reachability at start, and follows a change at once when asked to check now', async () => {
  await monitor.start();
  expect(seen).toEqual([true]);
  healthy = false;
  monitor.checkNow();
  await until(() => seen.length === 2);
  expect(seen).toEqual([true, false]);
  expect(monitor.isOnline).toBe(false);
  healthy = true;
  monitor.checkNow();
  await until(() => seen.length === 3);
  expect(monitor.isOnline).toBe(true);
});
