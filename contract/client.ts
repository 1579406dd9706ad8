import type { AckRejection, CompletionCode } from './completion-codes.js';
import { PROTOCOL_VERSION, WS_SUBPROTOCOL, WS_TOKEN_PREFIX } from './envelope.js';
import type {
  CommandName,
  CommandPayload,
  CompletionPayload,
  UnsolicitedName,
  UnsolicitedPayload,
} from './messages.js';
import { parseServerMessage } from './validate.js';

/**
 * The one client of the core's message protocol, used by the renderer (browser WebSocket) and by
 * Node (tests, CLIs, with the `ws` package). It reconnects by itself and turns every outcome of a
 * command into a value: completed (with its completion code), rejected (by the acknowledge) or lost.
 */

/** The part of a WebSocket the client uses; the browser's WebSocket and `ws` both fit. */
export interface SocketLike {
  /** Sends one text message. */
  send(data: string): void;
  /** Closes the socket. */
  close(code?: number, reason?: string): void;
  /** Subscribes to open/message/close/error. */
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (ev: any) => void): void; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Opens a socket to `url` offering `protocols`. */
export type SocketFactory = (url: string, protocols: string[]) => SocketLike;

/** Connection state, for a "connection lost" banner. */
export type ConnectionState = 'connecting' | 'open' | 'closed';

/** Outcome of one command. Expected failures are values; nothing here throws. */
export type CommandResult<N extends CommandName> =
  | { kind: 'completed'; completionCode: 'success'; payload: CompletionPayload<N> }
  | {
      kind: 'completed';
      completionCode: Exclude<CompletionCode, 'success'>;
      errorDescription?: string;
      payload: Record<string, unknown>;
    }
  | { kind: 'rejected'; status: AckRejection; errorDescription?: string }
  | { kind: 'lost'; reason: 'disconnected' | 'timeOut' };

/** Options of one command. */
export interface ExecuteOptions {
  /** Asks the core to complete with timeOut after this long; the client gives up 5 s later. */
  timeoutMs?: number;
  /** Receives events the core sends while the command is in flight. */
  onEvent?: (name: string, payload: Record<string, unknown>) => void;
}

/** Options of a client. */
export interface KioskClientOptions {
  /** WebSocket URL of the core, e.g. ws://127.0.0.1:8787/ws. */
  url: string;
  /** The core's per-boot token. */
  token: string;
  /** Opens sockets (browser: `(u, p) => new WebSocket(u, p)`). */
  createSocket: SocketFactory;
  /** First reconnect delay in ms (default 250); doubles up to maxReconnectMs. */
  initialReconnectMs?: number;
  /** Largest reconnect delay in ms (default 5000). */
  maxReconnectMs?: number;
  /** Told about messages from the core that fail validation (they are dropped). */
  onProtocolError?: (description: string) => void;
}

interface Pending {
  name: string;
  settle: (result: CommandResult<CommandName>) => void;
  onEvent: ExecuteOptions['onEvent'];
  timer: ReturnType<typeof setTimeout>;
}

const DEFAULT_COMMAND_TIMEOUT_MS = 30_000;
const CLIENT_GRACE_MS = 5_000;

export class KioskClient {
  private socket: SocketLike | undefined;
  private state: ConnectionState = 'closed';
  private running = false;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private nextRequestId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly connectionListeners = new Set<(state: ConnectionState) => void>();
  private readonly eventListeners = new Map<string, Set<(payload: never) => void>>();

  constructor(private readonly options: KioskClientOptions) {}

  /** Current connection state. */
  get connection(): ConnectionState {
    return this.state;
  }

  /** Connects, and keeps reconnecting until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.open();
  }

  /** Disconnects for good; commands in flight end as lost. */
  stop(): void {
    this.running = false;
    clearTimeout(this.reconnectTimer);
    this.socket?.close(1000, 'client stopped');
    this.socket = undefined;
    this.failAllPending();
    this.setState('closed');
  }

  /** Subscribes to connection state changes; returns the unsubscribe function. */
  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  /** Subscribes to an unsolicited event; returns the unsubscribe function. */
  on<N extends UnsolicitedName>(
    name: N,
    listener: (payload: UnsolicitedPayload<N>) => void,
  ): () => void {
    let set = this.eventListeners.get(name);
    if (!set) this.eventListeners.set(name, (set = new Set()));
    const entry = listener as (payload: never) => void;
    set.add(entry);
    return () => set.delete(entry);
  }

  /** Sends a command and resolves with its outcome. */
  execute<N extends CommandName>(
    name: N,
    payload: CommandPayload<N>,
    options: ExecuteOptions = {},
  ): Promise<CommandResult<N>> {
    return new Promise((resolve) => {
      const socket = this.socket;
      if (!socket || this.state !== 'open') {
        resolve({ kind: 'lost', reason: 'disconnected' });
        return;
      }
      const requestId = this.nextRequestId;
      this.nextRequestId = this.nextRequestId >= 2_147_483_647 ? 1 : this.nextRequestId + 1;
      const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
      const timer = setTimeout(
        () => this.settle(requestId, { kind: 'lost', reason: 'timeOut' }),
        timeoutMs + CLIENT_GRACE_MS,
      );
      this.pending.set(requestId, {
        name,
        settle: resolve as (result: CommandResult<CommandName>) => void,
        onEvent: options.onEvent,
        timer,
      });
      const header = {
        type: 'command',
        name,
        requestId,
        version: PROTOCOL_VERSION,
        ...(options.timeoutMs ? { timeoutMs } : {}),
      };
      socket.send(JSON.stringify({ header, payload }));
    });
  }

  private open(): void {
    this.setState('connecting');
    let socket: SocketLike;
    try {
      socket = this.options.createSocket(this.options.url, [
        WS_SUBPROTOCOL,
        WS_TOKEN_PREFIX + this.options.token,
      ]);
    } catch (error) {
      this.options.onProtocolError?.(`cannot open socket: ${String(error)}`);
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      this.setState('open');
    });
    socket.addEventListener('message', (ev: { data: unknown }) => {
      if (this.socket === socket) this.receive(String(ev.data));
    });
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.failAllPending();
      this.setState(this.running ? 'connecting' : 'closed');
      this.scheduleReconnect();
    });
    // An error is always followed by close; nothing to do here but keep it from being unhandled.
    socket.addEventListener('error', () => undefined);
  }

  private scheduleReconnect(): void {
    if (!this.running) return;
    const initial = this.options.initialReconnectMs ?? 250;
    const max = this.options.maxReconnectMs ?? 5_000;
    const delay = Math.min(max, initial * 2 ** this.attempt) * (0.5 + Math.random() / 2);
    this.attempt = Math.min(this.attempt + 1, 16);
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      if (this.running) this.open();
    }, delay);
  }

  private receive(text: string): void {
    const parsed = parseServerMessage(text);
    if (!parsed.ok) {
      this.options.onProtocolError?.(parsed.description);
      return;
    }
    const { header, payload } = parsed.message;
    switch (header.type) {
      case 'unsolicited':
        for (const listener of this.eventListeners.get(header.name) ?? [])
          listener(payload as never);
        return;
      case 'acknowledge':
        if (header.status) {
          this.settle(header.requestId, {
            kind: 'rejected',
            status: header.status,
            ...(header.errorDescription ? { errorDescription: header.errorDescription } : {}),
          });
        }
        return;
      case 'event':
        this.pending.get(header.requestId)?.onEvent?.(header.name, payload);
        return;
      case 'completion':
        this.settle(header.requestId, {
          kind: 'completed',
          completionCode: header.completionCode,
          payload,
          ...(header.errorDescription ? { errorDescription: header.errorDescription } : {}),
        } as CommandResult<CommandName>);
        return;
    }
  }

  private settle(requestId: number, result: CommandResult<CommandName>): void {
    const entry = this.pending.get(requestId);
    if (!entry) return;
    this.pending.delete(requestId);
    clearTimeout(entry.timer);
    entry.settle(result);
  }

  private failAllPending(): void {
    for (const id of [...this.pending.keys()])
      this.settle(id, { kind: 'lost', reason: 'disconnected' });
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.connectionListeners) listener(state);
  }
}
