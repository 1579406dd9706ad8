import type { ByteTransport } from '../transport/byte-transport.js';
import type { OpenTransport } from '../transport/open-transport.js';
import { TransportError, classifyOpenError } from '../transport/transport-error.js';
import type { StatusTracker } from '../util/status-tracker.js';
import type { TimerHandle, Timers } from '../util/timers.js';
import type { DeviceResult } from './device-result.js';

/**
 * Default reopen backoff of every device: 500 ms doubling to 3 s. A device whose fault clears
 * (port back, password fixed, paper loaded) is in use again within about 3 s — the kiosk promises
 * recovery within 5 s — and one failed open every 3 s costs nothing.
 */
export const DEFAULT_REOPEN_DELAYS = { initialMs: 500, maxMs: 3_000 } as const;

/** What a ConnectionKeeper needs to know about its device. */
export interface ConnectionKeeperOptions<C> {
  /** Where the device is (serial path, PTY, tcp:HOST:PORT, …). */
  readonly port: string;
  /** Serial baud rate (ignored by non-serial transports). */
  readonly baudRate: number;
  /** Opens the transport. */
  readonly openTransport: OpenTransport;
  /** Clock and timers. */
  readonly timers: Timers;
  /** First delay before reopening; doubles each failure up to `reopenMaxDelayMs`. */
  readonly reopenInitialDelayMs: number;
  /** Cap of the reopen delay. */
  readonly reopenMaxDelayMs: number;
  /** The device's status; the keeper reports open failures and losses on it. */
  readonly tracker: StatusTracker;
  /**
   * Builds the protocol session on a fresh transport (driver, handshake, first status). A
   * failure is reported as hardwareError with its code, the transport is closed and reopened.
   */
  readonly connect: (transport: ByteTransport) => Promise<DeviceResult<C>>;
  /** Releases a session (stops its driver); the keeper closes the transport. */
  readonly dispose: (connection: C) => void;
  /** The session is up: set the status and start polling (with `keeper.schedule`). */
  readonly connected: (connection: C) => void;
  /** The session is gone (port lost, closed): forget per-connection state (card present, …). */
  readonly disconnected?: () => void;
  /** Operational log (no personal data). */
  readonly log: (event: string, detail?: Readonly<Record<string, string | number>>) => void;
}

interface Live<C> {
  readonly transport: ByteTransport;
  readonly session: C;
}

/**
 * Keeps one device connected: opens the transport, runs the handshake, reopens with backoff when
 * the port disappears or the handshake fails, and runs every step (connect, poll, command) one
 * at a time. Nothing thrown inside a step escapes: it becomes a softwareError and a fresh
 * connection. Every device class over a byte transport sits on one of these.
 */
export class ConnectionKeeper<C> {
  private running = false;
  private live: Live<C> | undefined;
  private timer: TimerHandle | undefined;
  private busy: Promise<void> = Promise.resolve();
  private reopenAttempts = 0;

  constructor(private readonly o: ConnectionKeeperOptions<C>) {}

  /** The current session, if connected. */
  get session(): C | undefined {
    return this.live?.session;
  }

  /** The transport's description, if connected. */
  get transportDescription(): string | undefined {
    return this.live?.transport.description;
  }

  /** Starts connecting; resolves after the first attempt. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.o.tracker.update({ state: 'starting' });
    await this.serialise(() => this.connect());
  }

  /** Stops, closes the transport and waits for a running step to end. */
  async stop(): Promise<void> {
    this.running = false;
    this.cancelTimer();
    const live = this.live;
    this.live = undefined;
    if (live !== undefined) {
      this.o.dispose(live.session);
      await live.transport.close();
    }
    await this.busy;
    this.o.disconnected?.();
  }

  /** True while `session` is the current session (checked after every await). */
  isCurrent(session: C): boolean {
    return this.running && this.live?.session === session;
  }

  /** Runs a step after the running one; a throw becomes softwareError + reconnect. */
  serialise(step: () => Promise<void>): Promise<void> {
    const run = async (): Promise<void> => {
      try {
        if (this.running) await step();
      } catch (error) {
        const description = error instanceof Error ? error.message : String(error);
        this.o.tracker.problem('hardwareError', 'internalError', {
          kind: 'software',
          action: 'softwareError',
          description,
        });
        await this.dropCurrent();
        this.scheduleReopen();
      }
    };
    this.busy = this.busy.then(run);
    return this.busy;
  }

  /** Runs `step` (serialised) after `ms`; replaces any scheduled step. */
  schedule(step: () => Promise<void>, ms: number): void {
    this.cancelTimer();
    if (!this.running) return;
    this.timer = this.o.timers.setTimeout(() => {
      this.timer = undefined;
      void this.serialise(step);
    }, ms);
  }

  /** Treats the connection as lost (e.g. a write failed though the OS kept the port open). */
  fail(session: C, cause: TransportError): void {
    const live = this.live;
    if (live?.session !== session) return;
    this.lost(live, cause);
    void live.transport.close();
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.o.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async connect(): Promise<void> {
    await this.dropCurrent();
    let transport: ByteTransport;
    try {
      transport = await this.o.openTransport(this.o.port, this.o.baudRate);
    } catch (error) {
      const cause = error instanceof TransportError ? error : classifyOpenError(error, this.o.port);
      this.o.tracker.problem('offline', cause.code, { ...cause, description: cause.message });
      this.scheduleReopen();
      return;
    }
    if (!this.running) {
      await transport.close();
      return;
    }
    const result = await this.o.connect(transport);
    if (!this.running || !transport.isOpen) {
      if (result.ok) this.o.dispose(result.value);
      await transport.close();
      if (this.running) this.scheduleReopen();
      return;
    }
    if (!result.ok) {
      this.o.tracker.problem('hardwareError', result.error.code, result.error);
      await transport.close();
      this.scheduleReopen();
      return;
    }
    const live = { transport, session: result.value };
    this.live = live;
    transport.onClose((cause) => this.lost(live, cause));
    this.reopenAttempts = 0;
    this.o.log('device.opened', { port: transport.description });
    this.o.connected(live.session);
  }

  private lost(live: Live<C>, cause: TransportError | undefined): void {
    if (this.live !== live || !this.running) return;
    this.live = undefined;
    this.o.dispose(live.session);
    this.cancelTimer();
    this.o.disconnected?.();
    const error = cause ?? new TransportError('closed', `${this.o.port}: closed`);
    this.o.tracker.problem('offline', error.code, { ...error, description: error.message });
    this.scheduleReopen();
  }

  private async dropCurrent(): Promise<void> {
    const live = this.live;
    if (live === undefined) return;
    this.live = undefined;
    this.o.dispose(live.session);
    await live.transport.close();
    this.o.disconnected?.();
  }

  private scheduleReopen(): void {
    const delay = Math.min(
      this.o.reopenMaxDelayMs,
      this.o.reopenInitialDelayMs * 2 ** this.reopenAttempts,
    );
    this.reopenAttempts = Math.min(this.reopenAttempts + 1, 30);
    this.o.log('device.reopenScheduled', { delayMs: delay });
    this.schedule(() => this.connect(), delay);
  }
}
