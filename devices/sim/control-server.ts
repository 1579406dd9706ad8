import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimControlError, SimRouteError, runControlAction } from './simulated-device.js';
import type { SimulatedDevice } from './simulated-device.js';

/** The running control API. */
export interface ControlServer {
  /** Base URL, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** Stops the server. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * HTTP control API of the simulators, on 127.0.0.1 only:
 *   POST /<device>/fault {"fault": name | null} for every device;
 *   POST|DELETE /<device>/<action> per device (e.g. POST /idcard/card, DELETE /idcard/card,
 *   POST /printer/paper {"paper":"low"}); GET /status.
 * Errors answer JSON `{ "error": code, "message": text }` with 400, 404, 405 or 413.
 */
export async function startControlServer(
  devices: readonly SimulatedDevice[],
  port: number,
  extraStatus: () => Record<string, unknown>,
): Promise<ControlServer> {
  const byKey = new Map(devices.map((d) => [d.key, d]));
  const status = () => ({
    ...Object.fromEntries(devices.map((d) => [d.key, d.status()])),
    ...extraStatus(),
  });

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      const http =
        error instanceof HttpError ? error : new HttpError(500, 'internalError', String(error));
      reply(response, http.status, { error: http.code, message: http.message });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const method = request.method ?? '';
    if (path === '/status') {
      if (method !== 'GET') throw new HttpError(405, 'methodNotAllowed', `${method} ${path}`);
      reply(response, 200, status());
      return;
    }
    const [, key = '', action = '', ...rest] = path.split('/');
    const device = byKey.get(key);
    if (device === undefined || action === '' || rest.length > 0)
      throw new HttpError(404, 'notFound', `no route ${path}`);
    const body = await readJson(request);
    try {
      reply(response, 200, runControlAction(device, action, method, body));
    } catch (error) {
      if (error instanceof SimControlError) throw new HttpError(400, error.code, error.message);
      if (error instanceof SimRouteError)
        throw new HttpError(
          error.status,
          error.status === 404 ? 'notFound' : 'methodNotAllowed',
          error.message,
        );
      throw error;
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The request body as JSON; undefined when empty. */
async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, 'bodyTooLarge', `body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'invalidJson', 'the body is not JSON');
  }
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}
