import type { DeviceStatus } from '../../contract/index.js';
import { ConnectionKeeper } from '../device/connection-keeper.js';
import { DeviceBase } from '../device/device-base.js';
import { runDeviceCommand } from '../device/device-command.js';
import type { CommandLimits } from '../device/device-command.js';
import { failWith, succeed } from '../device/device-result.js';
import type { DeviceFailure, DeviceResult } from '../device/device-result.js';
import type {
  Capabilities,
  CommonDeviceEvents,
  HealthLevel,
  HealthReport,
} from '../device/kiosk-device.js';
import type { ByteTransport } from '../transport/byte-transport.js';
import { TransportError } from '../transport/transport-error.js';
import { sleep } from '../util/timers.js';
import { jobStats, renderReceipt } from './escpos-receipt.js';
import type { ReceiptDocument } from './escpos-receipt.js';
import type { EscPosFlags } from './escpos-status.js';
import { describeView, interpretFlags, printFailure } from './printer-condition.js';
import { openPrinterSession, publishFlags } from './printer-session.js';
import type { PrinterSession } from './printer-session.js';
import type { PrinterView } from './printer-condition.js';
import { resolvePrinterOptions } from './receipt-printer-options.js';
import type { ReceiptPrinterOptions, ResolvedPrinterOptions } from './receipt-printer-options.js';
import { testSlip } from './test-slip.js';

export type { ReceiptPrinterOptions } from './receipt-printer-options.js';

/** What one successful print did. */
export interface PrintReport {
  /** Bytes sent. */
  readonly bytes: number;
  /** Lines printed or fed. */
  readonly lines: number;
  /** Cuts. */
  readonly cuts: number;
  /** Characters printed as '?' (not encodable for this printer). */
  readonly replacedCharacters: number;
}

/** Events of a ReceiptPrinter. */
export type ReceiptPrinterEvents = CommonDeviceEvents;

type Session = PrinterSession;

/**
 * An ESC/POS receipt printer (serial, TCP 9100 or a USB printer node). `open()` connects: DLE
 * EOT 1 must be answered, then ASB is enabled if configured, and status is polled while idle
 * (and taken from ASB blocks as they come). `print()` checks status first, sends the job, then
 * confirms by status. Never throws: problems become status, `error` events and typed failures.
 * Counters: prints, cuts, bytes, lines, printFailures.
 */
export class ReceiptPrinter extends DeviceBase<ReceiptPrinterEvents> {
  /** Always 'receiptPrinter'. */
  readonly deviceClass = 'receiptPrinter' as const;
  private readonly o: ResolvedPrinterOptions;
  private readonly keeper: ConnectionKeeper<Session>;

  constructor(options: ReceiptPrinterOptions) {
    const o = resolvePrinterOptions(options);
    super({
      initial: { id: o.id, deviceClass: 'receiptPrinter', state: 'offline', reason: 'closed' },
      counters: o.counters,
      logPrefix: 'printer',
      log: (event, detail) => o.log(event, detail),
      problemDetail: (error) => ({ reason: error.errorCode, action: error.action }),
    });
    this.o = o;
    this.keeper = new ConnectionKeeper<Session>({
      port: this.o.port,
      baudRate: this.o.baudRate,
      openTransport: this.o.openTransport,
      timers: this.o.timers,
      reopenInitialDelayMs: this.o.reopenInitialDelayMs,
      reopenMaxDelayMs: this.o.reopenMaxDelayMs,
      tracker: this.tracker,
      connect: (transport) => this.connect(transport),
      dispose: (session) => session.driver.dispose(),
      connected: (session) => this.connected(session),
      log: (event, detail) => this.o.log(event, detail),
    });
  }

  /** What this printer can do (from configuration). */
  get capabilities(): Capabilities {
    const { cut, nativeQr, statusBack, paperNearEndSensor, columns, gb18030 } = this.o;
    return { cut, nativeQr, statusBack, paperNearEndSensor, columns, gb18030 };
  }

  /** Connects and keeps connected; resolves with the status after the first attempt. */
  async open(): Promise<DeviceStatus> {
    await this.keeper.start();
    return this.status;
  }

  /** Disconnects; the status becomes offline/closed. */
  async close(): Promise<void> {
    await this.keeper.stop();
    this.tracker.update({ state: 'offline', reason: 'closed' });
  }

  /**
   * Prints raw ESC/POS bytes or a ReceiptDocument. Refuses with the blocking condition
   * (`paperOut`, `coverOpen`, `cutterError` …) before sending, and fails with it when the status
   * after the job shows one; `timeOut`/`cancelled` per `limits`. Never rejects.
   */
  print(
    job: Uint8Array | ReceiptDocument,
    limits: CommandLimits,
  ): Promise<DeviceResult<PrintReport>> {
    return runDeviceCommand('ReceiptPrinter.Print', this.o.timers, limits, (signal) =>
      this.inStep((session) => this.printIn(session, job, signal), signal),
    );
  }

  /** internal: a status query; external: prints a short test slip; interactive: unsupported. */
  async checkHealth(
    level: HealthLevel,
    limits: Partial<CommandLimits> = {},
  ): Promise<HealthReport> {
    if (level === 'interactive')
      return { level, ok: false, code: 'unsupportedCommand', description: 'no interactive check' };
    const timeoutMs = limits.timeoutMs ?? (level === 'internal' ? 5000 : 30_000);
    const bounded = { timeoutMs, signal: limits.signal };
    if (level === 'external') {
      const printed = await this.print(testSlip(this.o.columns), bounded);
      return printed.ok
        ? {
            level,
            ok: true,
            code: 'ok',
            description: `test slip printed, ${printed.value.lines} lines`,
          }
        : { level, ok: false, code: printed.error.code, description: printed.error.description };
    }
    const result = await runDeviceCommand(
      'ReceiptPrinter.CheckHealth',
      this.o.timers,
      bounded,
      (signal) => this.inStep((session) => this.readStatus(session), signal),
    );
    if (!result.ok)
      return { level, ok: false, code: result.error.code, description: result.error.description };
    const view = result.value;
    return {
      level,
      ok: view.problem === undefined,
      code: view.problem?.code ?? 'ok',
      description: describeView(view),
    };
  }

  /** Runs `work` as a serialised keeper step on the current session. */
  private inStep<T>(
    work: (session: Session) => Promise<DeviceResult<T>>,
    signal: AbortSignal,
  ): Promise<DeviceResult<T>> {
    return new Promise((resolve) => {
      void this.keeper
        .serialise(async () => {
          const session = this.keeper.session;
          if (signal.aborted) resolve(failWith('cancelled', 'user', 'clear', 'cancelled'));
          else if (session === undefined) resolve(notReady(this.status));
          else resolve(await work(session));
        })
        .then(() => resolve(notReady(this.status)));
    });
  }

  private async printIn(
    session: Session,
    job: Uint8Array | ReceiptDocument,
    signal: AbortSignal,
  ): Promise<DeviceResult<PrintReport>> {
    let bytes: Uint8Array;
    let replacedCharacters = 0;
    try {
      if (job instanceof Uint8Array) bytes = job;
      else ({ bytes, replacedCharacters } = renderReceipt(job, this.renderOptions()));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return failWith(
        'invalidData',
        'software',
        'softwareError',
        `receipt not renderable: ${message}`,
      );
    }
    if (this.o.statusBack) {
      const before = await this.readStatus(session);
      if (!before.ok) return this.failed(before);
      if (before.value.problem !== undefined)
        return this.failed({ ok: false, error: printFailure(before.value.problem, 'before') });
    }
    this.tracker.update({ state: 'busy' });
    const written = await session.driver.write(bytes, signal);
    this.o.counters.add('bytes', bytes.length);
    if (!written.ok) {
      if (written.error.code === 'writeFailed')
        this.keeper.fail(session, new TransportError('writeFailed', written.error.description));
      else this.restoreState(session);
      return this.failed(written);
    }
    if (this.o.statusBack) {
      if (this.o.confirmDelayMs > 0) await sleep(this.o.timers, this.o.confirmDelayMs);
      const after = await this.readStatus(session);
      if (!after.ok) {
        this.restoreState(session);
        return this.failed(after);
      }
      if (after.value.problem !== undefined)
        return this.failed({ ok: false, error: printFailure(after.value.problem, 'during') });
    } else this.restoreState(session);
    const { lines, cuts } = jobStats(bytes);
    this.o.counters.add('prints');
    this.o.counters.add('lines', lines);
    this.o.counters.add('cuts', cuts);
    this.o.log('printer.printed', { bytes: bytes.length, lines, cuts });
    return succeed({ bytes: bytes.length, lines, cuts, replacedCharacters });
  }

  private failed<T>(result: { ok: false; error: DeviceFailure }): DeviceResult<T> {
    this.o.counters.add('printFailures');
    this.o.log('printer.printFailed', { code: result.error.code });
    return result;
  }

  private renderOptions() {
    const { gb18030, nativeQr, cut, cutForm, widthDots, fourByteGb18030 } = this.o;
    return { gb18030, nativeQr, cut, cutForm, maxWidthDots: widthDots, fourByteGb18030 };
  }

  /** Queries DLE EOT 1–4 and applies the result to the status. */
  private async readStatus(session: Session): Promise<DeviceResult<PrinterView>> {
    if (!this.o.statusBack) return succeed(interpretFlags(session.flags, false));
    const read = await session.driver.readStatus();
    if (!this.keeper.isCurrent(session)) return notReady(this.status);
    if (!read.ok) {
      this.statusFailed(session, read.error);
      return read;
    }
    session.failures = 0;
    session.flags = read.value;
    return succeed(this.apply(read.value));
  }

  private statusFailed(session: Session, error: DeviceFailure): void {
    if (error.code === 'writeFailed') {
      this.keeper.fail(session, new TransportError('writeFailed', error.description));
      return;
    }
    if (error.code === 'transportClosed') return; // the keeper hears the close itself
    session.failures++;
    if (session.failures < this.o.failuresBeforeOffline) return;
    const state = error.code === 'badStatusReply' ? 'hardwareError' : 'offline';
    this.tracker.problem(state, error.code, error);
  }

  /** Publishes flags as status and error events. */
  private apply(flags: Partial<EscPosFlags>): PrinterView {
    return publishFlags(this.tracker, flags, this.o.paperNearEndSensor);
  }

  private restoreState(session: Session): void {
    if (this.status.state === 'busy') this.apply(session.flags);
  }

  private connect(transport: ByteTransport): Promise<DeviceResult<Session>> {
    return openPrinterSession(transport, this.o, (session, flags) => {
      if (!this.keeper.isCurrent(session)) return;
      session.flags = { ...session.flags, ...flags };
      this.apply(session.flags);
    });
  }

  private connected(session: Session): void {
    this.apply(session.flags);
    if (this.o.statusBack) this.keeper.schedule(() => this.poll(session), this.o.pollIntervalMs);
  }

  private async poll(session: Session): Promise<void> {
    if (!this.keeper.isCurrent(session)) return;
    const read = await this.readStatus(session);
    if (read.ok && read.value.problem?.code === 'cutterError' && this.o.recoverCutter)
      await session.driver.recover(2);
    if (this.keeper.isCurrent(session))
      this.keeper.schedule(() => this.poll(session), this.o.pollIntervalMs);
  }
}

function notReady(status: DeviceStatus): { ok: false; error: DeviceFailure } {
  return failWith(
    'deviceNotReady',
    'hardware',
    'reset',
    `printer not ready (${status.state} ${status.reason ?? ''})`.trim(),
  );
}
