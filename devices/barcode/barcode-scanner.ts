import type { DeviceStatus } from '../../contract/index.js';
import { ConnectionKeeper } from '../device/connection-keeper.js';
import { DeviceBase, safeLog } from '../device/device-base.js';
import { runDeviceCommand } from '../device/device-command.js';
import type { CommandLimits } from '../device/device-command.js';
import { failWith, succeed } from '../device/device-result.js';
import type { DeviceResult } from '../device/device-result.js';
import type { Capabilities, HealthLevel, HealthReport } from '../device/kiosk-device.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import { TransportError } from '../transport/transport-error.js';
import { symbologyName } from './aim-symbology.js';
import type { BarcodeScannerEvents, ScannedEvent } from './barcode-events.js';
import { resolveScannerOptions } from './barcode-scanner-options.js';
import type {
  BarcodeScannerOptions,
  ResolvedScannerOptions,
  ScannerLogEntry,
} from './barcode-scanner-options.js';
import { HONEYWELL_HID_POS_LAYOUT, HidPosAssembler } from './hid-pos-report.js';
import { describeHidMatch, openHidScanner } from './hid-transport.js';
import { RepeatFilter } from './repeat-filter.js';
import { ScanLineDecoder } from './scan-line-decoder.js';
import { ScanSession, decodeErrorInfo } from './scan-session.js';
import type { FramedItem, ScanFramer } from './scan-session.js';
import { ScannerStatusTracker } from './scanner-status-tracker.js';

export type { BarcodeScannerOptions, ScannerLogEntry } from './barcode-scanner-options.js';
export type { BarcodeScannerEvents, ScanFailedEvent, ScannedEvent } from './barcode-events.js';

type Waiter = (result: DeviceResult<ScannedEvent>) => void;

/**
 * A barcode / QR scanner on a serial port (RS-232, USB-CDC) or in HID POS mode. `open()`
 * connects and keeps connected (a HID scanner is looked for until it is plugged in, and again
 * after an unplug). Scans are delivered only while enabled or awaited; repeats within
 * `debounceMs` are dropped. Scanned data is never logged, only its length and symbology.
 * Counters: scans, decodeErrors, ignoredScans.
 */
export class BarcodeScanner extends DeviceBase<BarcodeScannerEvents> {
  /** The device class it implements. */
  readonly deviceClass = 'barcodeScanner' as const;
  /** What this scanner can do. */
  readonly capabilities: Capabilities;
  private readonly o: ResolvedScannerOptions;
  private readonly log: (event: string, detail?: ScannerLogEntry['detail']) => void;
  private readonly keeper: ConnectionKeeper<ScanSession>;
  private readonly repeats: RepeatFilter;
  private readonly waiters = new Set<Waiter>();
  private readonly source: 'serial' | 'hid';
  private enabled: boolean;
  private triggered = false;
  private errorRun = 0;

  constructor(options: BarcodeScannerOptions) {
    const o = resolveScannerOptions(options);
    const log = safeLog(o.log);
    const c = o.connection;
    super({
      initial: { id: o.id, deviceClass: 'barcodeScanner', state: 'offline', reason: 'closed' },
      counters: o.counters,
      logPrefix: 'barcode',
      log,
      tracker: (initial, sink) => new ScannerStatusTracker(initial, sink, c.kind === 'hid'),
      // The error's name only: a listener's message might quote the scanned data.
      listenerErrorDetail: (error) => ({ error: error instanceof Error ? error.name : 'unknown' }),
    });
    this.o = o;
    this.log = log;
    this.source = c.kind;
    this.enabled = this.o.enabled;
    this.repeats = new RepeatFilter(this.o.debounceMs);
    this.capabilities = {
      connection: c.kind,
      symbology:
        c.kind === 'hid'
          ? (c.layout ?? HONEYWELL_HID_POS_LAYOUT).aimOffset !== undefined
          : c.aimIds === true,
      trigger: this.o.triggerCommand !== undefined,
      encoding: c.encoding ?? 'utf-8',
    };
    this.keeper = new ConnectionKeeper<ScanSession>({
      port: c.kind === 'serial' ? c.port : describeHidMatch(c),
      baudRate: c.kind === 'serial' ? (c.baudRate ?? 9600) : 0,
      openTransport:
        c.kind === 'serial' ? this.o.openTransport : () => openHidScanner(this.o.hidFactory, c),
      timers: this.o.timers,
      reopenInitialDelayMs: this.o.reopenInitialDelayMs,
      reopenMaxDelayMs: this.o.reopenMaxDelayMs,
      tracker: this.tracker,
      connect: (transport) => this.connect(transport),
      dispose: (session) => session.dispose(),
      connected: () => {
        this.errorRun = 0;
        this.tracker.online();
      },
      log: (event, detail) => this.log(event.replace(/^device\./, 'barcode.'), detail),
    });
  }

  /** True while scans are delivered as `scanned` events. */
  get isEnabled(): boolean {
    return this.enabled;
  }

  /** Connects and keeps connected; resolves with the status after the first attempt. */
  async open(): Promise<DeviceStatus> {
    await this.keeper.start();
    return this.status;
  }

  /** Disconnects; pending waits fail with deviceNotReady. */
  async close(): Promise<void> {
    await this.keeper.stop();
    this.triggered = false;
    for (const waiter of [...this.waiters]) {
      waiter(failWith('deviceNotReady', 'software', 'reset', `${this.o.id}: closed`));
    }
    this.tracker.update({ state: 'offline', reason: 'closed' });
  }

  /** Delivers scans (true) or ignores them, counted as ignoredScans (false). */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.wantedChanged();
  }

  /** Waits for the next scan (whether or not scanning is enabled), within the limits. */
  waitForScan(limits: CommandLimits): Promise<DeviceResult<ScannedEvent>> {
    if (this.keeper.session === undefined) {
      const { state, reason } = this.status;
      const why = `${this.o.id}: ${state}${reason !== undefined ? ` (${reason})` : ''}`;
      return Promise.resolve(failWith('deviceNotReady', 'hardware', 'reset', why));
    }
    return runDeviceCommand('BarcodeScanner.WaitForScan', this.o.timers, limits, (signal) => {
      return new Promise((resolve) => {
        const waiter: Waiter = (result) => {
          this.waiters.delete(waiter);
          this.wantedChanged();
          resolve(result);
        };
        signal.addEventListener('abort', () =>
          waiter(failWith('cancelled', 'user', 'clear', 'BarcodeScanner.WaitForScan: ended')),
        );
        this.waiters.add(waiter);
        this.wantedChanged();
      });
    });
  }

  /** internal/external: connected and no problem; interactive: a person scans a code in time. */
  async checkHealth(
    level: HealthLevel,
    limits: Partial<CommandLimits> = {},
  ): Promise<HealthReport> {
    if (level !== 'interactive') {
      const ok = this.keeper.session !== undefined && this.status.state === 'online';
      const code = ok ? 'ok' : (this.status.reason ?? this.status.state);
      const where = this.keeper.transportDescription ?? 'no connection';
      return { level, ok, code, description: ok ? `connected (${where})` : `${code} (${where})` };
    }
    const result = await this.waitForScan({
      timeoutMs: limits.timeoutMs ?? 30_000,
      signal: limits.signal,
    });
    if (!result.ok) {
      return { level, ok: false, code: result.error.code, description: result.error.description };
    }
    const { data, symbology } = result.value;
    const description = `scan received: ${data.length} characters, ${symbology ?? 'symbology unknown'}`;
    return { level, ok: true, code: 'ok', description };
  }

  private async connect(transport: ByteTransport): Promise<DeviceResult<ScanSession>> {
    const c = this.o.connection;
    const framer: ScanFramer =
      c.kind === 'serial' ? new ScanLineDecoder(c) : new HidPosAssembler(c);
    const session: ScanSession = new ScanSession(
      transport,
      framer,
      this.o.timers,
      this.o.idleGapMs,
      (item) => this.received(item),
    );
    this.triggered = false;
    const commands = [this.o.wakeCommand, this.wanted() ? this.o.triggerCommand : undefined];
    for (const bytes of commands) {
      if (bytes === undefined) continue;
      const sent = await transport.write(bytes).then(
        () => undefined,
        (error: unknown) => String(error),
      );
      if (sent !== undefined) {
        session.dispose();
        return failWith('writeFailed', 'hardware', 'reset', `${transport.description}: ${sent}`);
      }
    }
    this.triggered = this.wanted();
    return succeed(session);
  }

  private received(item: FramedItem): void {
    if (item.kind === 'error') {
      this.decodeFailed(item.error.code);
      return;
    }
    const { scan } = item;
    this.o.counters.add('scans');
    this.errorRun = 0;
    if (this.status.state === 'hardwareError' && this.keeper.session !== undefined) {
      this.tracker.online();
    }
    const symbology = scan.aimId !== undefined ? symbologyName(scan.aimId) : undefined;
    const detail = { length: scan.byteLength, symbology: symbology ?? 'unknown' };
    if (!this.wanted()) return this.ignored('disabled', detail);
    if (this.repeats.isRepeat(scan.text, this.o.timers.now()))
      return this.ignored('repeat', detail);
    this.log('barcode.scanned', detail);
    const event: ScannedEvent = {
      data: scan.text,
      source: this.source,
      ...(symbology !== undefined ? { symbology } : {}),
    };
    for (const waiter of [...this.waiters]) waiter(succeed(event));
    if (this.enabled) this.events.emit('scanned', event);
  }

  private ignored(why: string, detail: Readonly<Record<string, string | number>>): void {
    this.o.counters.add('ignoredScans');
    this.log('barcode.scanIgnored', { ...detail, why });
  }

  private decodeFailed(errorCode: string): void {
    if (errorCode === 'otherReport') return; // another input report of the device: not a scan
    const { kind, action } = decodeErrorInfo(errorCode);
    this.o.counters.add('decodeErrors');
    this.errorRun++;
    this.log('barcode.decodeError', { errorCode, run: this.errorRun });
    this.events.emit('scanFailed', { errorCode, action });
    if (this.errorRun >= this.o.errorsBeforeHardwareError) {
      const description = `${this.errorRun} scans in a row failed: ${errorCode}`;
      this.tracker.problem('hardwareError', errorCode, { kind, action, description });
    }
  }

  private wanted(): boolean {
    return this.enabled || this.waiters.size > 0;
  }

  /** Sends the trigger when scans become wanted and the stop command when they no longer are. */
  private wantedChanged(): void {
    const wanted = this.wanted();
    if (wanted === this.triggered) return;
    this.triggered = wanted;
    const session = this.keeper.session;
    const bytes = wanted ? this.o.triggerCommand : this.o.stopCommand;
    if (session === undefined || bytes === undefined) return;
    session.transport.write(bytes).catch((error: unknown) => {
      const cause =
        error instanceof TransportError
          ? error
          : new TransportError('writeFailed', `${session.transport.description}: ${String(error)}`);
      this.keeper.fail(session, cause);
    });
  }
}
