import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { maskIdentity } from '../idcard/card-readout.js';
import { SIM_FAULTS, isSimFault } from './idcard-simulator.js';
import type { IdCardSimulator } from './idcard-simulator.js';
import { demoCard, parseSimCard } from './sim-card.js';

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
 *   POST /idcard/card (optional SimCard JSON; empty = demo card) · DELETE /idcard/card
 *   POST /idcard/fault {"fault": name | null} · GET /status
 * Errors answer JSON `{ "error": code, "message": text }` with 400, 404, 405 or 413.
 */
export async function startControlServer(
  sim: IdCardSimulator,
  port: number,
  extraStatus: () => Record<string, unknown>,
): Promise<ControlServer> {
  const routes: Record<string, Partial<Record<string, (body: unknown) => unknown>>> = {
    '/idcard/card': {
      POST: (body) => {
        const parsed =
          body === undefined ? { ok: true as const, card: demoCard() } : parseSimCard(body);
        if (!parsed.ok) throw new HttpError(400, 'invalidCard', parsed.error);
        sim.present(parsed.card);
        return { ok: true, card: maskIdentity(parsed.card.identity) };
      },
      DELETE: () => {
        sim.remove();
        return { ok: true };
      },
    },
    '/idcard/fault': {
      POST: (body) => {
        const fault = (body as { fault?: unknown } | undefined)?.fault;
        if (fault !== null && !isSimFault(fault)) {
          const allowed = Object.keys(SIM_FAULTS).join(', ');
          throw new HttpError(400, 'unknownFault', `want {"fault": null} or one of: ${allowed}`);
        }
        sim.setFault(fault);
        return { ok: true, fault };
      },
    },
    '/status': {
      GET: () => ({ idcard: statusOf(sim), ...extraStatus() }),
    },
  };

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      const http =
        error instanceof HttpError ? error : new HttpError(500, 'internalError', String(error));
      reply(response, http.status, { error: http.code, message: http.message });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const route = routes[path];
    if (route === undefined) throw new HttpError(404, 'notFound', `no route ${path}`);
    const handler = route[request.method ?? ''];
    if (handler === undefined)
      throw new HttpError(405, 'methodNotAllowed', `${request.method} ${path}`);
    reply(response, 200, handler(await readJson(request)));
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

function statusOf(sim: IdCardSimulator): Record<string, unknown> {
  const card = sim.currentCard;
  return { ...sim.state, card: card === undefined ? null : maskIdentity(card.identity) };
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
