import type { DeviceStatus } from '../../contract/index.js';
import { ConnectionKeeper } from '../device/connection-keeper.js';
import { DeviceBase, safeLog } from '../device/device-base.js';
import { runDeviceCommand } from '../device/device-command.js';
import type { CommandLimits } from '../device/device-command.js';
import { failWith } from '../device/device-result.js';
import type { DeviceResult } from '../device/device-result.js';
import type {
  Capabilities,
  CommonDeviceEvents,
  HealthLevel,
  HealthReport,
} from '../device/kiosk-device.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import { captureFinger } from './finger-flows.js';
import {
  enrolFlow,
  healthReport,
  personTimeout,
  uploadFlow,
  verifyFlow,
} from './finger-commands.js';
import type { CommandDeps, FingerMatch } from './finger-commands.js';
import { ScannerUpkeep } from './scanner-upkeep.js';
import type { ScannerSession } from './scanner-upkeep.js';
import type { FingerPrompt, FlowContext } from './finger-flows.js';
import { resolveScannerOptions } from './fingerprint-scanner-options.js';
import type {
  FingerprintScannerOptions,
  ResolvedScannerOptions,
  ScannerLogEntry,
} from './fingerprint-scanner-options.js';
import { HeldTemplates } from './held-templates.js';
import { ZfmDriver } from './zfm-driver.js';
import type { ZfmPacketSize, ZfmResult } from './zfm-driver.js';
import { describeParameters, zfmCapabilities, zfmHandshake } from './zfm-handshake.js';

export type { FingerprintScannerOptions, ScannerLogEntry } from './fingerprint-scanner-options.js';
export type { FingerPrompt, FingerPurpose } from './finger-flows.js';
export type { FingerMatch } from './finger-commands.js';

/** Payload of `templateCleared`. */
export interface TemplatesCleared {
  /** How many held template buffers were zero-filled. */
  readonly count: number;
}

/** Events of a FingerprintScanner. */
export interface FingerprintScannerEvents extends CommonDeviceEvents {
  /** Ask the person to place a finger (attempt n of m). */
  presentFinger: FingerPrompt;
  /** A finger is on the sensor and was imaged. */
  fingerDetected: FingerPrompt;
  /** Ask the person to lift the finger (between the two placements of an enrolment). */
  liftFinger: FingerPrompt;
  /** Biometric data held in memory was zero-filled (privacy: end of every transaction). */
  templateCleared: TemplatesCleared;
}

/**
 * A ZFM-20 / R30x / R50x / AS608 optical fingerprint module as a kiosk device. `open()` keeps it
 * connected (VfyPwd + ReadSysPara handshake, reopen with backoff) and re-checks it while idle.
 * Commands take CommandLimits and resolve to DeviceResult; finger waits poll GenImg and stop
 * at once on cancellation. Templates stay in memory and are wiped by `clearBiometrics()`.
 * Counters: captures, matches, mismatches, noFinger, errors, enrolments.
 */
export class FingerprintScanner extends DeviceBase<FingerprintScannerEvents> {
  /** The device class it implements. */
  readonly deviceClass = 'fingerprintScanner' as const;
  private readonly o: ResolvedScannerOptions;
  private readonly log: (event: string, detail?: ScannerLogEntry['detail']) => void;
  private readonly keeper: ConnectionKeeper<ScannerSession>;
  private readonly held = new HeldTemplates();
  private caps: Capabilities = {
    matchOnDevice: true,
    enrol: true,
    cardTemplateVerification: false,
  };
  private readonly upkeep: ScannerUpkeep;
  private readonly deps: CommandDeps;
  private commandQueue: Promise<unknown> = Promise.resolve();
  private activeCommands = 0;

  constructor(options: FingerprintScannerOptions) {
    const o = resolveScannerOptions(options);
    const log = safeLog(o.log);
    super({
      initial: { id: o.id, deviceClass: 'fingerprintScanner', state: 'offline', reason: 'closed' },
      counters: o.counters,
      logPrefix: 'fingerprint',
      log,
    });
    this.o = o;
    this.log = log;
    this.keeper = new ConnectionKeeper<ScannerSession>({
      ...this.o,
      tracker: this.tracker,
      connect: (transport) => this.connect(transport),
      dispose: (session) => session.driver.dispose(),
      connected: (session) => this.upkeep.started(session),
      disconnected: () => this.tracker.update({ fingerPresent: false }),
      log: (event, detail) => this.log(event, detail),
    });
    this.upkeep = new ScannerUpkeep(
      this.keeper,
      this.tracker,
      this.o,
      () => this.activeCommands > 0,
    );
    this.deps = {
      held: this.held,
      counters: this.o.counters,
      matchThreshold: this.o.matchThreshold,
    };
  }

  /** What this module can do (library size, packet size, … after the first open). */
  get capabilities(): Capabilities {
    return this.caps;
  }

  /** Connects and keeps connected; resolves with the status after the first attempt. */
  async open(): Promise<DeviceStatus> {
    await this.keeper.start();
    return this.status;
  }

  /** Disconnects and wipes held templates; the status becomes offline/closed. */
  async close(): Promise<void> {
    await this.keeper.stop();
    this.clearBiometrics();
    this.tracker.update({ state: 'offline', reason: 'closed', fingerPresent: false });
  }

  /** internal/external: VfyPwd + ReadSysPara; interactive: a finger captured within the limits. */
  async checkHealth(
    level: HealthLevel,
    limits: Partial<CommandLimits> = {},
  ): Promise<HealthReport> {
    const interactive = level === 'interactive';
    const timeoutMs =
      limits.timeoutMs ??
      (interactive ? this.o.interactiveHealthTimeoutMs : this.o.internalHealthTimeoutMs);
    const bounded = { timeoutMs, signal: limits.signal };
    if (interactive) {
      const captured = await this.capture(bounded);
      return healthReport(level, captured, 'finger captured');
    }
    // The module moves no media, so an external check is the internal one.
    const checked = await this.run('checkHealth', bounded, async ({ driver }) => {
      const parameters = await zfmHandshake(driver, this.o.linkRetries);
      return parameters.ok
        ? { ok: true, value: describeParameters(parameters.value, driver.packetSize) }
        : parameters;
    });
    return healthReport(level, checked, checked.ok ? checked.value : '');
  }

  /** Waits for a finger and extracts its features (CharBuffer 1); no finger in time → `noFinger`. */
  capture(limits: CommandLimits): Promise<DeviceResult<void>> {
    return this.run('capture', limits, (ctx) =>
      captureFinger(ctx, 1, { purpose: 'capture', attempt: 1, attempts: 1 }),
    );
  }

  /** Captures a live finger and matches it against `template` (held, wiped by clearBiometrics). */
  verifyAgainst(template: Uint8Array, limits: CommandLimits): Promise<DeviceResult<FingerMatch>> {
    this.held.hold(template);
    return this.run('verifyAgainst', limits, (ctx) => verifyFlow(ctx, this.deps, template));
  }

  /** The features of the last capture (UpChar of CharBuffer 1), held until clearBiometrics. */
  uploadTemplate(limits: CommandLimits): Promise<DeviceResult<Uint8Array>> {
    return this.run('uploadTemplate', limits, (ctx) => uploadFlow(ctx, this.deps));
  }

  /** Two placements with a lift in between, merged by RegModel; returns the template (held). */
  enrol(limits: CommandLimits): Promise<DeviceResult<Uint8Array>> {
    return this.run('enrol', limits, (ctx) => enrolFlow(ctx, this.deps));
  }

  /** Zero-fills every template held in memory and emits `templateCleared`. */
  clearBiometrics(): void {
    const count = this.held.wipe();
    this.log('fingerprint.templatesCleared', { count });
    this.events.emit('templateCleared', { count });
  }

  private async connect(transport: ByteTransport): Promise<DeviceResult<ScannerSession>> {
    const driver = new ZfmDriver(transport, {
      address: this.o.address,
      password: this.o.password,
      packetSize: this.o.packetSize ?? 128,
      replyTimeoutMs: this.o.replyTimeoutMs,
      timers: this.o.timers,
    });
    const parameters = await zfmHandshake(driver, this.o.linkRetries);
    if (!parameters.ok) {
      driver.dispose();
      return parameters;
    }
    driver.packetSize = this.o.packetSize ?? (parameters.value.packetSize as ZfmPacketSize);
    this.caps = zfmCapabilities(parameters.value, driver.packetSize);
    this.log('fingerprint.handshake', {
      parameters: describeParameters(parameters.value, driver.packetSize),
    });
    return { ok: true, value: { driver } };
  }

  /**
   * Runs one command: one at a time, bounded by `limits`, on the current session. A timeout
   * while waiting for a person is that person's failure (`noFinger`, `fingerNotLifted`), not
   * the device's.
   */
  private async run<T>(
    name: string,
    limits: CommandLimits,
    flow: (ctx: FlowContext) => Promise<ZfmResult<T>>,
  ): Promise<DeviceResult<T>> {
    const current: { ctx?: FlowContext } = {};
    this.activeCommands++;
    const result = await runDeviceCommand<T>(name, this.o.timers, limits, (signal) =>
      this.exclusive<T>(signal, async () => {
        const session = this.keeper.session;
        if (session === undefined) {
          return failWith('deviceNotReady', 'hardware', 'reset', `${name}: ${this.status.state}`);
        }
        current.ctx = this.flowContext(session, signal);
        const outcome = await flow(current.ctx);
        this.upkeep.exchangeDone(session, outcome);
        return outcome;
      }),
    );
    const phase = current.ctx?.phase ?? 'working';
    const final =
      result.ok || result.error.code !== 'timeOut' ? result : personTimeout<T>(phase, result);
    this.activeCommands--;
    this.commandDone(name, final);
    return final;
  }

  /** Starts `work` after every earlier command has ended, unless cancelled meanwhile. */
  private exclusive<T>(
    signal: AbortSignal,
    work: () => Promise<DeviceResult<T>>,
  ): Promise<DeviceResult<T>> {
    const run = (): Promise<DeviceResult<T>> =>
      signal.aborted
        ? Promise.resolve(failWith('cancelled', 'user', 'clear', 'cancelled'))
        : work();
    const next = this.commandQueue.then(run, run);
    this.commandQueue = next;
    return next;
  }

  private flowContext(session: ScannerSession, signal: AbortSignal): FlowContext {
    return {
      driver: session.driver,
      signal,
      timers: this.o.timers,
      pollIntervalMs: this.o.pollIntervalMs,
      linkRetries: this.o.linkRetries,
      phase: 'working',
      fingerSeen: (present) => {
        if (!signal.aborted && this.keeper.isCurrent(session))
          this.tracker.update({ fingerPresent: present });
      },
      prompt: (event, prompt) => {
        if (!signal.aborted) this.events.emit(event, prompt);
      },
      captured: () => this.o.counters.add('captures'),
    };
  }

  private commandDone(name: string, result: DeviceResult<unknown>): void {
    this.upkeep.commandEnded();
    if (result.ok) return;
    const { code } = result.error;
    this.log('fingerprint.commandFailed', { command: name, code });
    if (code === 'noFinger') this.o.counters.add('noFinger');
    else if (code !== 'cancelled') this.o.counters.add('errors');
  }
}
