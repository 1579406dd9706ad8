import type { DeviceStatus } from '../../contract/index.js';
import { ConnectionKeeper } from '../device/connection-keeper.js';
import { DeviceBase, safeLog } from '../device/device-base.js';
import { runDeviceCommand } from '../device/device-command.js';
import type { CommandLimits } from '../device/device-command.js';
import { MemoryCounters } from '../device/device-counters.js';
import { failWith, succeed } from '../device/device-result.js';
import type { DeviceResult } from '../device/device-result.js';
import type { Capabilities, HealthLevel, HealthReport } from '../device/kiosk-device.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import { TransportError } from '../transport/transport-error.js';
import { resolveDispenserOptions } from './card-dispenser-options.js';
import type {
  CardDispenserOptions,
  DispenserLogEntry,
  ResolvedDispenserOptions,
} from './card-dispenser-options.js';
import { initCommand, presentCommand, readPositionCommand } from './crt-commands.js';
import type { CrtCommandName } from './crt-commands.js';
import { CrtDriver } from './crt-driver.js';
import type { CrtResult } from './crt-driver.js';
import type {
  CardDispenserEvents,
  DispenserSession,
  DispenserState,
} from './card-dispenser-events.js';
import { journaled } from './step-journal.js';
import { dispenserCapabilities, dispenserHealth } from './dispenser-health.js';
import { DispenserMonitor } from './dispenser-monitor.js';
import { waitForTake } from './present-card.js';
import type { PresentLimits, PresentOutcome } from './present-card.js';

export type {
  CardDispenserOptions,
  DispenserLogEntry,
  DispenserStepRecord,
} from './card-dispenser-options.js';
export type {
  CardDispenserEvents,
  DispenserSession,
  DispenserState,
} from './card-dispenser-events.js';
export type { PresentLimits, PresentOutcome } from './present-card.js';

const COUNTERS = ['dispensed', 'taken', 'captured', 'jams', 'retransmits'] as const;

/**
 * A Creator CRT-591 card dispenser (or another unit with the same framing, see crt-variant.ts).
 * `open()` connects, initialises (per `initMode`) and reads the status, then polls the status
 * when idle. Commands run one at a time between polls, each bounded by CommandLimits, and
 * resolve to DeviceResult; nothing throws. Stacker low and bin high raise notices before
 * empty/full; a jam is hardwareError (maintenance) until an initialise succeeds.
 * Counters: dispensed, taken, captured, jams, retransmits (+ captureBinBaseline).
 */
export class CardDispenser extends DeviceBase<CardDispenserEvents> {
  /** The device class it implements. */
  readonly deviceClass = 'cardDispenser' as const;
  /** What this unit can do, from its variant. */
  readonly capabilities: Capabilities;
  private readonly o: ResolvedDispenserOptions;
  private readonly log: (event: string, detail?: DispenserLogEntry['detail']) => void;
  private readonly monitor: DispenserMonitor;
  private readonly keeper: ConnectionKeeper<DispenserSession>;
  private connecting: DispenserSession | undefined;

  constructor(options: CardDispenserOptions) {
    const o = resolveDispenserOptions(options);
    const log = safeLog(o.log);
    super({
      initial: { id: o.id, deviceClass: 'cardDispenser', state: 'offline', reason: 'closed' },
      counters: o.counters ?? new MemoryCounters(Object.fromEntries(COUNTERS.map((c) => [c, 0]))),
      logPrefix: 'dispenser',
      log,
    });
    this.o = o;
    this.log = log;
    this.capabilities = dispenserCapabilities(this.o);
    this.monitor = new DispenserMonitor(this.tracker, this.stats, this.o);
    this.keeper = new ConnectionKeeper<DispenserSession>({
      ...this.o,
      tracker: this.tracker,
      connect: (transport) => this.connect(transport),
      dispose: (session) => session.driver.dispose(),
      connected: (session) => this.keeper.schedule(() => this.poll(session), this.o.pollIntervalMs),
      disconnected: () => this.monitor.forget(),
      log: (event, detail) => this.log(event, detail),
    });
  }

  /** Connects, initialises and starts polling; resolves with the status after the first attempt. */
  async open(): Promise<DeviceStatus> {
    await this.keeper.start();
    return this.status;
  }

  /** Stops polling and closes the port. */
  async close(): Promise<void> {
    await this.keeper.stop();
    this.tracker.update({ state: 'offline', reason: 'closed' });
  }

  /** Reads the unit's status (stacker, bin, card position). */
  queryStatus(limits: CommandLimits): Promise<DeviceResult<DispenserState>> {
    return this.run('queryStatus', limits, (s) => this.send(s, 'status'));
  }

  /** Moves a card to the read (RF or IC) position, issuing one from the stacker if the channel is empty. */
  moveToReadPosition(limits: CommandLimits): Promise<DeviceResult<DispenserState>> {
    return this.run('moveToReadPosition', limits, (s) =>
      this.physical(s, 'moveToReadPosition', readPositionCommand(this.o.variant)),
    );
  }

  /** Presents the card at the gate (issuing one if needed); counts `dispensed`. */
  ejectToGate(limits: CommandLimits): Promise<DeviceResult<DispenserState>> {
    return this.run('ejectToGate', limits, (s) => this.present(s));
  }

  /** Captures the card in the channel into the bin; counts `captured` when there was one. */
  capture(limits: CommandLimits): Promise<DeviceResult<DispenserState>> {
    return this.run('capture', limits, (s) => this.captureIn(s));
  }

  /**
   * Presents the card at the gate and waits for it to be taken (`taken`); after
   * `takeTimeoutMs`, or when cancelled or timed out, captures it (`captured`). Give
   * `timeoutMs` above the take timeout plus a capture, or the capture happens early.
   */
  presentAndWaitForTake(limits: PresentLimits): Promise<DeviceResult<PresentOutcome>> {
    const takeTimeoutMs = limits.takeTimeoutMs ?? this.o.takeTimeoutMs;
    return this.run('presentAndWaitForTake', limits, async (session, signal) => {
      const presented = await this.present(session);
      if (!presented.ok) return presented;
      this.events.emit('takeCard', { takeTimeoutMs });
      return waitForTake({
        timers: this.o.timers,
        signal,
        takeTimeoutMs,
        pollIntervalMs: this.o.takePollIntervalMs,
        position: async () => {
          const read = await this.send(session, 'status');
          return read.ok ? succeed(read.value.cardPosition) : read;
        },
        capture: () => this.captureIn(session),
        taken: () => {
          this.stats.add('taken');
          this.events.emit('cardTaken', undefined);
        },
        captured: (reason) => this.events.emit('cardCaptured', { reason }),
      });
    });
  }

  /** Staff emptied the capture bin: restarts the "bin high" estimate. */
  captureBinEmptied(): void {
    this.monitor.binEmptied();
  }

  /** internal = status; external = one card to the read position and captured (uses a card); interactive = present and wait for a person to take it (uses a card). */
  checkHealth(level: HealthLevel, limits?: Partial<CommandLimits>): Promise<HealthReport> {
    return dispenserHealth(this, level, limits, this.o.takeTimeoutMs);
  }

  private run<T>(
    name: string,
    limits: CommandLimits,
    work: (session: DispenserSession, signal: AbortSignal) => Promise<DeviceResult<T>>,
  ): Promise<DeviceResult<T>> {
    return runDeviceCommand(name, this.o.timers, limits, (signal) => {
      return new Promise<DeviceResult<T>>((resolve) => {
        const notReady = failWith('deviceNotReady', 'hardware', 'reset', `${name}: not connected`);
        void this.keeper
          .serialise(async () => {
            const session = this.keeper.session;
            if (signal.aborted || session === undefined) return resolve(notReady);
            resolve(await work(session, signal));
          })
          .then(() => resolve(notReady));
      });
    });
  }

  private async connect(transport: ByteTransport): Promise<DeviceResult<DispenserSession>> {
    const driver = new CrtDriver(transport, {
      ...this.o,
      onRetransmit: () => this.stats.add('retransmits'),
    });
    const session = { transport, driver };
    this.connecting = session;
    try {
      return await this.handshake(session);
    } finally {
      this.connecting = undefined;
    }
  }

  private async handshake(session: DispenserSession): Promise<DeviceResult<DispenserSession>> {
    const init = await this.initialise(session);
    // A unit that answers, even with an error, is connected: the poll keeps initialising it.
    if (!init.ok && init.error.errorCode === undefined) {
      session.driver.dispose();
      return init;
    }
    if (init.ok) await this.send(session, 'status');
    this.log('dispenser.initialised', { ok: init.ok });
    return succeed(session);
  }

  private async poll(session: DispenserSession): Promise<void> {
    if (this.monitor.needsInit) await this.initialise(session);
    else await this.send(session, 'status');
    if (this.keeper.isCurrent(session))
      this.keeper.schedule(() => this.poll(session), this.o.pollIntervalMs);
  }

  private initialise(session: DispenserSession): Promise<CrtResult<unknown>> {
    return this.send(session, initCommand(this.o.initMode, this.o.initResetsCaptureCounter));
  }

  /** Sends a command and lets the monitor absorb its outcome. */
  private async send(
    session: DispenserSession,
    name: CrtCommandName,
  ): Promise<CrtResult<DispenserState>> {
    const result = await session.driver.command(name);
    // Outcomes of a session that is gone (or not yet up) must not touch the status.
    if (!this.keeper.isCurrent(session) && this.connecting !== session)
      return result.ok ? succeed({}) : result;
    if (!result.ok) {
      this.log('dispenser.commandFailed', { command: name, code: result.error.code });
      if (this.monitor.failed(result.error))
        this.keeper.fail(session, new TransportError('writeFailed', result.error.description));
      return result;
    }
    this.monitor.succeeded(result.value, name.startsWith('init'));
    const { stacker, captureBin, cardPosition } = this.tracker.status;
    return succeed({ stacker, captureBin, cardPosition });
  }

  private async present(session: DispenserSession): Promise<DeviceResult<DispenserState>> {
    const result = await this.physical(session, 'ejectToGate', presentCommand(this.o.variant));
    if (result.ok) this.stats.add('dispensed');
    return result;
  }

  private async captureIn(session: DispenserSession): Promise<DeviceResult<DispenserState>> {
    const before = this.tracker.status.cardPosition;
    const result = await this.physical(session, 'capture', 'capture');
    if (result.ok && before !== 'none') this.stats.add('captured');
    return result;
  }

  /** A card move, recorded before (intent) and after (result) for crash recovery. */
  private physical(
    session: DispenserSession,
    step: string,
    name: CrtCommandName,
  ): Promise<DeviceResult<DispenserState>> {
    return journaled(
      this.o.recordStep,
      this.id,
      step,
      () => this.send(session, name),
      (message) => this.log('dispenser.journalFailed', { step, message }),
    );
  }
}
