import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES, WS_SUBPROTOCOL, WS_TOKEN_PREFIX } from '../contract/index.js';
import type { CommandHandlers } from './command-handlers.js';
import { CommandConnection, type ConnectionLimits } from './command-connection.js';
import type { Logger } from './log.js';
import { securityHeaders, serveStatic } from './static-files.js';

/** Options of the core's HTTP + WebSocket server. */
export interface KioskServerOptions {
  /** Loopback address to listen on. */
  host: string;
  /** Port; 0 picks a free one. */
  port: number;
  /** The per-boot token clients must present. */
  token: string;
  /** Extra allowed origins besides the server's own. */
  extraOrigins: string[];
  /** Folder of the built renderer. */
  rendererDir: string;
  /** Per-connection limits. */
  limits: ConnectionLimits & { maxConnections: number };
  /** Command handlers. */
  handlers: CommandHandlers;
  /** Generated resources served by path (e.g. proof page previews); undefined → next handler. */
  resources?: (pathname: string) => { type: string; body: Uint8Array } | undefined;
  /** Logger. */
  log: Logger;
}

/** Why a WebSocket handshake was refused (sent as JSON with the HTTP status). */
type HandshakeRefusal = { status: number; error: string };

/**
 * Serves the renderer over HTTP and the message protocol over a WebSocket at /ws. Only loopback,
 * only the kiosk's own origins and host names (against DNS rebinding), only with the token.
 */
export class KioskServer {
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<CommandConnection>();
  private port = 0;

  constructor(private readonly options: KioskServerOptions) {
    // maxPayload is the hard transport cap; the contract's limit gives a typed rejection below it.
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: MAX_MESSAGE_BYTES * 4,
      handleProtocols: (protocols) => (protocols.has(WS_SUBPROTOCOL) ? WS_SUBPROTOCOL : false),
    });
    this.http = createServer((req, res) => {
      const headers = securityHeaders(`ws://${this.hostHeader()}`);
      if (!this.allowedHost(req)) {
        res.writeHead(421, headers).end();
        return;
      }
      if (req.url === '/healthz') {
        res.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end('{"ok":true}');
        return;
      }
      const resource = options.resources?.(new URL(req.url ?? '/', 'http://localhost').pathname);
      if (resource && req.method === 'GET') {
        res
          .writeHead(200, {
            ...headers,
            'Content-Type': resource.type,
            'Cache-Control': 'no-store',
          })
          .end(resource.body);
        return;
      }
      serveStatic(options.rendererDir, req, res, headers).catch((error: unknown) => {
        options.log.error({ err: error }, 'http.static.failed');
        if (!res.headersSent) res.writeHead(500, headers);
        res.end();
      });
    });
    this.http.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
    this.http.on('clientError', (_error, socket) => socket.destroy());
  }

  /** Starts listening; resolves with the bound port. */
  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.options.port, this.options.host, () => resolve());
    });
    this.port = (this.http.address() as AddressInfo).port;
    return this.port;
  }

  /** The URL the renderer is served at. */
  get url(): string {
    return `http://${this.hostHeader()}/`;
  }

  /** Sends a message to every connected client. */
  broadcast(message: object): void {
    for (const connection of this.connections) connection.send(message);
  }

  /** Closes every connection and stops listening. */
  async close(): Promise<void> {
    for (const client of this.wss.clients) client.close(1001, 'kiosk core stopping');
    this.wss.close();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
    this.http.closeAllConnections();
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refusal = this.checkHandshake(req);
    if (refusal) {
      this.options.log.warn(
        { status: refusal.status, error: refusal.error },
        'ws.handshake.refused',
      );
      const body = JSON.stringify({ error: refusal.error });
      socket.end(
        `HTTP/1.1 ${refusal.status} Refused\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const { limits, handlers, log } = this.options;
      const connection = new CommandConnection(ws, handlers, limits, log);
      this.connections.add(connection);
      log.info({ clients: this.connections.size }, 'ws.connection.open');
      ws.on('close', () => {
        this.connections.delete(connection);
        log.info({ clients: this.connections.size }, 'ws.connection.closed');
      });
    });
  }

  private checkHandshake(req: IncomingMessage): HandshakeRefusal | undefined {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/ws')
      return { status: 404, error: 'notFound' };
    if (!this.allowedHost(req)) return { status: 421, error: 'badHost' };
    const origin = req.headers.origin;
    if (origin !== undefined && !this.allowedOrigins().includes(origin))
      return { status: 403, error: 'badOrigin' };
    const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    if (!offered.includes(WS_SUBPROTOCOL)) return { status: 400, error: 'unsupportedProtocol' };
    const presented = offered
      .find((p) => p.startsWith(WS_TOKEN_PREFIX))
      ?.slice(WS_TOKEN_PREFIX.length);
    if (!presented || !sameSecret(presented, this.options.token))
      return { status: 401, error: 'badToken' };
    if (this.connections.size >= this.options.limits.maxConnections)
      return { status: 503, error: 'tooManyConnections' };
    return undefined;
  }

  private hostHeader(): string {
    return `${this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host}:${this.port}`;
  }

  private allowedHost(req: IncomingMessage): boolean {
    const host = req.headers.host;
    return host === this.hostHeader() || host === `localhost:${this.port}`;
  }

  private allowedOrigins(): string[] {
    return [
      `http://${this.hostHeader()}`,
      `http://localhost:${this.port}`,
      ...this.options.extraOrigins,
    ];
  }
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
