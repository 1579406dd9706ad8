import type { DeviceError, DeviceStatus } from '../../contract/index.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import { TransportError, classifyOpenError } from '../transport/transport-error.js';
import { StatusTracker } from '../util/status-tracker.js';
import type { TimerHandle } from '../util/timers.js';
import { TypedEmitter } from '../util/typed-emitter.js';
import type { Listener, Unsubscribe } from '../util/typed-emitter.js';
import { CardPresence } from './card-presence.js';
import { interpretReadout } from './card-readout.js';
import type { ReadCard, ReadFailure } from './card-readout.js';
import { resolveReaderOptions } from './idcard-reader-options.js';
import type {
  IdCardReaderOptions,
  ReaderLogEntry,
  ResolvedReaderOptions,
} from './idcard-reader-options.js';
import { SamDriver } from './sam-driver.js';
import type { SamError } from './sam-driver.js';

export type { IdCardReaderOptions, ReaderLogEntry } from './idcard-reader-options.js';

/** A failed attempt to use a presented card (the contract's IdCard.ReadFailed payload). */
export interface ReadFailedEvent {
  /** Machine-readable cause, e.g. "invalidIdNumber", "readFailed", "unknownCardType". */
  readonly errorCode: string;
  /** What to do: `clear` = the citizen re-presents the card or staff help; `reset` = retried. */
  readonly action: ReadFailure['action'];
}

/** Events of an IdCardReader. */
export interface IdCardReaderEvents {
  /** A card was read and its ID number checked. PERSONAL DATA: pass on only `masked`. */
  cardInserted: ReadCard;
  /** The card that was seen is gone (or, on real readers, read and no longer answering). */
  cardRemoved: undefined;
  /** A presented card could not be read or failed a check. */
  readFailed: ReadFailedEvent;
  /** The full device status, each time it changes. */
  status: DeviceStatus;
  /** A device error for technicians, once per new problem. */
  error: DeviceError;
}

interface Connection {
  readonly transport: ByteTransport;
  readonly driver: SamDriver;
}

/**
 * The second-generation ID card reader (SAM / GA 467). `open()` connects and checks the SAM,
 * then polls find card → select → read → decode → ID-number check. A card must leave the
 * field before it is read again. Lost ports are reopened with backoff. Nothing thrown inside
 * the loop escapes; problems become `status`, `error` and `readFailed` events.
 */
export class IdCardReader {
  private readonly o: ResolvedReaderOptions;
  private readonly events: TypedEmitter<IdCardReaderEvents>;
  private readonly tracker: StatusTracker;
  private readonly card: CardPresence;
  private running = false;
  private connection: Connection | undefined;
  private timer: TimerHandle | undefined;
  private busy: Promise<void> = Promise.resolve();
  private reopenAttempts = 0;
  private linkFailures = 0;

  constructor(options: IdCardReaderOptions) {
    this.o = resolveReaderOptions(options);
    this.events = new TypedEmitter((error) =>
      this.log('idcard.listenerError', { message: String(error) }),
    );
    this.card = new CardPresence(this.o.removalMisses, this.o.maxReadAttempts);
    this.tracker = new StatusTracker(
      {
        id: this.o.id,
        deviceClass: 'idCardReader',
        state: 'offline',
        reason: 'closed',
        cardPresent: false,
      },
      {
        status: (status) => this.events.emit('status', status),
        error: (error) => {
          this.log('idcard.problem', { state: this.tracker.status.state, reason: error.errorCode });
          this.events.emit('error', error);
        },
      },
    );
  }

  /** The current status. */
  get status(): DeviceStatus {
    return this.tracker.status;
  }

  /** Subscribes to an event; returns the function that unsubscribes. */
  on<K extends keyof IdCardReaderEvents>(
    event: K,
    listener: Listener<IdCardReaderEvents[K]>,
  ): Unsubscribe {
    return this.events.on(event, listener);
  }

  /** Connects and starts polling. Resolves with the status after the first attempt; never rejects. */
  async open(): Promise<DeviceStatus> {
    if (this.running) return this.status;
    this.running = true;
    this.tracker.update({ state: 'starting' });
    await this.serialise(() => this.connect());
    return this.status;
  }

  /** Stops polling and closes the port. */
  async close(): Promise<void> {
    this.running = false;
    this.cancelTimer();
    const connection = this.connection;
    this.connection = undefined;
    connection?.driver.dispose();
    await connection?.transport.close();
    await this.busy;
    this.card.forget();
    this.tracker.update({ state: 'offline', reason: 'closed', cardPresent: false });
  }

  /** Runs one step at a time (connect or poll), never two at once, and never lets one throw. */
  private serialise(step: () => Promise<void>): Promise<void> {
    const run = async (): Promise<void> => {
      try {
        if (this.running) await step();
      } catch (error) {
        // A bug, not a device state: report it, then start over with a fresh connection.
        const description = error instanceof Error ? error.message : String(error);
        this.tracker.problem('hardwareError', 'internalError', {
          kind: 'software',
          action: 'softwareError',
          description,
        });
        this.scheduleReopen();
      }
    };
    this.busy = this.busy.then(run);
    return this.busy;
  }

  private schedule(step: () => Promise<void>, ms: number): void {
    this.cancelTimer();
    if (!this.running) return;
    this.timer = this.o.timers.setTimeout(() => {
      this.timer = undefined;
      void this.serialise(step);
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.o.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async connect(): Promise<void> {
    if (this.connection !== undefined) await this.drop(this.connection);
    let transport: ByteTransport;
    try {
      transport = await this.o.openTransport(this.o.port, this.o.baudRate);
    } catch (error) {
      const cause = error instanceof TransportError ? error : classifyOpenError(error, this.o.port);
      this.tracker.problem('offline', cause.code, { ...cause, description: cause.message });
      this.scheduleReopen();
      return;
    }
    if (!this.running) {
      await transport.close();
      return;
    }
    const driver = new SamDriver(transport, {
      commandTimeoutMs: this.o.commandTimeoutMs,
      timers: this.o.timers,
    });
    const connection = { transport, driver };
    this.connection = connection;
    transport.onClose((cause) => this.lost(connection, cause));
    const sam = await driver.samStatus();
    if (this.connection !== connection) return;
    if (!sam.ok) {
      this.tracker.problem('hardwareError', sam.error.code, sam.error);
      await this.drop(connection);
      this.scheduleReopen();
      return;
    }
    const samId = await driver.samId();
    this.log('idcard.opened', {
      port: transport.description,
      samId: samId.ok ? samId.value.formatted : 'unknown',
    });
    this.reopenAttempts = 0;
    this.linkFailures = 0;
    this.tracker.online();
    this.schedule(() => this.poll(connection), 0);
  }

  private lost(connection: Connection, cause: TransportError | undefined): void {
    if (this.connection !== connection || !this.running) return;
    this.connection = undefined;
    connection.driver.dispose();
    this.cancelTimer();
    this.cardGone();
    const error = cause ?? new TransportError('closed', `${this.o.port}: closed`);
    this.tracker.problem('offline', error.code, { ...error, description: error.message });
    this.scheduleReopen();
  }

  private async drop(connection: Connection): Promise<void> {
    if (this.connection === connection) this.connection = undefined;
    connection.driver.dispose();
    await connection.transport.close();
  }

  private scheduleReopen(): void {
    const delay = Math.min(
      this.o.reopenMaxDelayMs,
      this.o.reopenInitialDelayMs * 2 ** this.reopenAttempts,
    );
    this.reopenAttempts = Math.min(this.reopenAttempts + 1, 30);
    this.log('idcard.reopenScheduled', { delayMs: delay });
    this.schedule(() => this.connect(), delay);
  }

  private async poll(connection: Connection): Promise<void> {
    const found = await connection.driver.findCard();
    if (this.connection !== connection) return;
    if (!found.ok) {
      this.commandFailed(connection, found.error);
    } else {
      this.linkFailures = 0;
      if (this.status.state !== 'online') this.tracker.online();
      if (found.value) await this.cardInField(connection);
      else if (this.card.missed()) this.announceRemoval();
    }
    if (this.connection === connection)
      this.schedule(() => this.poll(connection), this.o.pollIntervalMs);
  }

  private async cardInField(connection: Connection): Promise<void> {
    const { appeared, read: shouldRead } = this.card.found();
    if (appeared) this.tracker.update({ cardPresent: true });
    if (!shouldRead) return;
    const { driver } = connection;
    const selected = await driver.selectCard();
    if (this.connection !== connection) return;
    const read = !selected.ok
      ? selected
      : this.o.readFingerprint
        ? await driver.readWithFingerprint()
        : await driver.readTextAndPhoto();
    if (this.connection !== connection) return;
    if (!read.ok) {
      this.card.readFailed();
      const { code, kind, action, description } = read.error;
      this.readFailed({ errorCode: code, kind, action, description });
      return;
    }
    this.card.readDone();
    const result = interpretReadout(read.value, this.o.today());
    if (!result.ok) {
      this.readFailed(result.failure);
      return;
    }
    this.log('idcard.read', { cardType: result.card.identity.cardType });
    this.events.emit('cardInserted', result.card);
  }

  private readFailed(failure: ReadFailure): void {
    const { errorCode, kind, action, description } = failure;
    this.log('idcard.readFailed', { errorCode, kind, action, description });
    this.events.emit('readFailed', { errorCode, action });
  }

  /** The port is gone: whatever card was there is no longer known to be. */
  private cardGone(): void {
    if (this.card.forget()) this.announceRemoval();
  }

  private announceRemoval(): void {
    this.tracker.update({ cardPresent: false });
    this.events.emit('cardRemoved', undefined);
  }

  private commandFailed(connection: Connection, error: SamError): void {
    this.log('idcard.commandFailed', { code: error.code });
    if (error.code === 'writeFailed') {
      // The port is unusable even if the OS has not closed it yet: treat it as lost and reopen.
      this.lost(connection, new TransportError('writeFailed', error.description));
      void connection.transport.close();
      return;
    }
    // A SW3 failure code is the SAM speaking: trust it at once. Link errors may be noise.
    this.linkFailures++;
    if (error.sw3 !== undefined || this.linkFailures >= this.o.failuresBeforeHardwareError) {
      this.tracker.problem('hardwareError', error.code, error);
    }
  }

  private log(event: string, detail?: ReaderLogEntry['detail']): void {
    try {
      this.o.log({ event, ...(detail !== undefined ? { detail } : {}) });
    } catch {
      // A failing logger must not stop the reader.
    }
  }
}
