import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The local reference central platform. This first slice answers health checks so the kiosk can
 * tell online from offline; the full kiosk ↔ platform API (registration, catalogue, lookups,
 * idempotent submissions, fault modes) arrives with the offline-sync work.
 */

const portArg = process.argv.indexOf('--port');
const port = portArg >= 0 ? Number(process.argv[portArg + 1]) : 0;

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method === 'GET' && path === '/v1/health') {
    res
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ status: 'ok' }));
    return;
  }
  res
    .writeHead(404, { 'Content-Type': 'application/json' })
    .end(JSON.stringify({ error: 'notFound' }));
});

server.listen(port, '127.0.0.1', () => {
  const bound = (server.address() as AddressInfo).port;
  process.stdout.write(
    `${JSON.stringify({ event: 'platform.ready', url: `http://127.0.0.1:${bound}` })}\n`,
  );
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
