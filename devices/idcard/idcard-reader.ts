import type { DeviceError, DeviceStatus } from '../../contract/index.js';
import { ConnectionKeeper } from '../device/connection-keeper.js';
import { DeviceBase, safeLog } from '../device/device-base.js';
import { MemoryCounters } from '../device/device-counters.js';
import { succeed } from '../device/device-result.js';
import type { DeviceResult } from '../device/device-result.js';
import type { Capabilities, HealthLevel, HealthReport } from '../device/kiosk-device.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import { TransportError } from '../transport/transport-error.js';
import { AutoBaud } from './auto-baud.js';
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

/** One open link to the reader. */
interface Connection {
  readonly transport: ByteTransport;
  readonly driver: SamDriver;
  /** The SAM's identity, for health reports. */
  readonly samId: string;
}

/**
 * The second-generation ID card reader (SAM / GA 467). `open()` connects and checks the SAM,
 * then polls find card → select → read → decode → ID-number check. A card must leave the
 * field before it is read again. Lost ports are reopened with backoff (ConnectionKeeper).
 * Nothing thrown inside the loop escapes; problems become `status`, `error` and `readFailed`.
 * Counters: reads, readFailures, commands, timeouts, badFrames.
 */
export class IdCardReader extends DeviceBase<IdCardReaderEvents> {
  /** Always 'idCardReader'. */
  readonly deviceClass = 'idCardReader' as const;
  private readonly o: ResolvedReaderOptions;
  private readonly log: (event: string, detail?: ReaderLogEntry['detail']) => void;
  private readonly card: CardPresence;
  private readonly keeper: ConnectionKeeper<Connection>;
  private readonly autoBaud: AutoBaud | undefined;
  private linkFailures = 0;

  constructor(options: IdCardReaderOptions) {
    const o = resolveReaderOptions(options);
    const log = safeLog(o.log);
    super({
      initial: {
        id: o.id,
        deviceClass: 'idCardReader',
        state: 'offline',
        reason: 'closed',
        cardPresent: false,
      },
      counters: o.counters ?? new MemoryCounters(),
      logPrefix: 'idcard',
      log,
    });
    this.o = o;
    this.log = log;
    this.card = new CardPresence(this.o.removalMisses, this.o.maxReadAttempts);
    const fixedBaud = this.o.baudRate === 'auto' ? undefined : this.o.baudRate;
    this.autoBaud =
      fixedBaud === undefined
        ? new AutoBaud(this.o.openTransport, (baudRate, tried) =>
            this.log('idcard.baudFound', { baudRate, tried: tried.join(',') }),
          )
        : undefined;
    this.keeper = new ConnectionKeeper<Connection>({
      port: this.o.port,
      baudRate: fixedBaud ?? 0,
      openTransport: this.autoBaud?.openTransport ?? this.o.openTransport,
      timers: this.o.timers,
      reopenInitialDelayMs: this.o.reopenInitialDelayMs,
      reopenMaxDelayMs: this.o.reopenMaxDelayMs,
      tracker: this.tracker,
      connect: (transport) => this.connect(transport),
      dispose: (connection) => connection.driver.dispose(),
      connected: (connection) => {
        this.linkFailures = 0;
        this.tracker.online();
        this.keeper.schedule(() => this.poll(connection), 0);
      },
      disconnected: () => this.cardGone(),
      log: (event, detail) => this.log(`idcard.${event.replace(/^device\./, '')}`, detail),
    });
  }

  /** What this reader can do. */
  get capabilities(): Capabilities {
    const baudRate = this.autoBaud?.baudRate ?? this.o.baudRate;
    return { fingerprintBlock: this.o.readFingerprint, additionalAddress: true, baudRate };
  }

  /** Connects and starts polling. Resolves with the status after the first attempt; never rejects. */
  async open(): Promise<DeviceStatus> {
    await this.keeper.start();
    return this.status;
  }

  /** Stops polling and closes the port. */
  async close(): Promise<void> {
    await this.keeper.stop();
    this.card.forget();
    this.tracker.update({ state: 'offline', reason: 'closed', cardPresent: false });
  }

  /**
   * `internal`: the SAM answers its status check. `external` and `interactive` need a card on
   * the reader, which the polling loop reads anyway: they report the last state.
   */
  async checkHealth(level: HealthLevel): Promise<HealthReport> {
    const connection = this.keeper.session;
    if (connection === undefined) {
      return {
        level,
        ok: false,
        code: this.status.reason ?? 'offline',
        description: 'not connected',
      };
    }
    let report: HealthReport | undefined;
    await this.keeper.serialise(async () => {
      const sam = await connection.driver.samStatus();
      report = sam.ok
        ? { level, ok: true, code: 'ok', description: `SAM ${connection.samId} answers` }
        : { level, ok: false, code: sam.error.code, description: sam.error.description };
    });
    return report ?? { level, ok: false, code: 'closed', description: 'reader closed' };
  }

  private async connect(transport: ByteTransport): Promise<DeviceResult<Connection>> {
    const driver = new SamDriver(transport, {
      commandTimeoutMs: this.o.commandTimeoutMs,
      timers: this.o.timers,
    });
    const sam = await driver.samStatus();
    if (!sam.ok) {
      driver.dispose();
      this.autoBaud?.forget();
      return sam;
    }
    const samId = await driver.samId();
    const formatted = samId.ok ? samId.value.formatted : 'unknown';
    this.log('idcard.samChecked', { samId: formatted });
    return succeed({ transport, driver, samId: formatted });
  }

  private async poll(connection: Connection): Promise<void> {
    const found = await connection.driver.findCard();
    if (!this.keeper.isCurrent(connection)) return;
    if (!found.ok) {
      this.commandFailed(connection, found.error);
    } else {
      this.linkFailures = 0;
      if (this.status.state !== 'online') this.tracker.online();
      if (found.value) await this.cardInField(connection);
      else if (this.card.missed()) this.announceRemoval();
    }
    if (this.keeper.isCurrent(connection))
      this.keeper.schedule(() => this.poll(connection), this.o.pollIntervalMs);
  }

  private async cardInField(connection: Connection): Promise<void> {
    const { appeared, read: shouldRead } = this.card.found();
    if (appeared) this.tracker.update({ cardPresent: true });
    if (!shouldRead) return;
    const { driver } = connection;
    const selected = await driver.selectCard();
    if (!this.keeper.isCurrent(connection)) return;
    const read = !selected.ok
      ? selected
      : this.o.readFingerprint
        ? await driver.readWithFingerprint()
        : await driver.readTextAndPhoto();
    if (!this.keeper.isCurrent(connection)) return;
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
    this.stats.add('reads');
    this.log('idcard.read', { cardType: result.card.identity.cardType });
    this.events.emit('cardInserted', result.card);
  }

  private readFailed(failure: ReadFailure): void {
    const { errorCode, kind, action, description } = failure;
    this.stats.add('readFailures');
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
    this.stats.add(error.code === 'timeout' ? 'timeouts' : 'commandFailures');
    if (error.code === 'writeFailed') {
      // The port is unusable even if the OS has not closed it yet: treat it as lost and reopen.
      this.keeper.fail(connection, new TransportError('writeFailed', error.description));
      return;
    }
    // A SW3 failure code is the SAM speaking: trust it at once. Link errors may be noise.
    this.linkFailures++;
    if (error.sw3 !== undefined || this.linkFailures >= this.o.failuresBeforeHardwareError) {
      this.tracker.problem('hardwareError', error.code, error);
    }
  }
}
