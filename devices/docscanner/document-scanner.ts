import type { DeviceStatus, ErrorAction } from '../../contract/index.js';
import { DeviceBase, safeLog } from '../device/device-base.js';
import { runDeviceCommand } from '../device/device-command.js';
import type { CommandLimits } from '../device/device-command.js';
import { MemoryCounters } from '../device/device-counters.js';
import { succeed } from '../device/device-result.js';
import type { DeviceResult } from '../device/device-result.js';
import type { Capabilities, HealthLevel, HealthReport } from '../device/kiosk-device.js';
import { resolveScannerOptions } from './document-scanner-options.js';
import type {
  DocumentScannerOptions,
  ResolvedScannerOptions,
  ScannerLogEntry,
} from './document-scanner-options.js';
import type { DocumentScannerEvents } from './document-scanner-events.js';
import { scanFeeder, scanOnePage } from './scan-jobs.js';
import type { ScanJob } from './scan-jobs.js';
import { SCANNER_COUNTERS, ScanOutcomes } from './scan-outcome.js';
import { resolveScanParams } from './scan-params.js';
import type { ParamContext } from './scan-params.js';
import { ScanStore } from './scan-store.js';
import type {
  ScanBatchOptions,
  ScanFailure,
  ScannedBatch,
  ScannedPage,
  ScanPageOptions,
} from './scan-types.js';
import { ScanimageCli } from './scanimage-cli.js';
import { checkBackendOption } from './scanimage-args.js';
import { EMPTY_FEATURES, isFeederSource } from './scanner-features.js';
import { ScannerPresence } from './scanner-presence.js';

export type { DocumentScannerOptions, ScannerLogEntry } from './document-scanner-options.js';
export type { DocumentScannerEvents } from './document-scanner-events.js';

type ScanResult<T> = DeviceResult<T, ScanFailure>;
type Work<T> = (job: Omit<ScanJob, 'params'>, presence: ScannerPresence) => Promise<ScanResult<T>>;

function refuse(
  code: string,
  description: string,
  action: ErrorAction = 'softwareError',
): { ok: false; error: ScanFailure } {
  return { ok: false, error: { code, kind: 'software', action, description } };
}

/**
 * A flatbed or ADF document scanner through SANE's `scanimage`. `open()` finds the device
 * (presence is polled: unplugged → noDevice, back → online) and reads its options into
 * capabilities. Scans run one at a time as commands with a timeout and cancellation; a fault
 * (jam, cover open, empty feeder, I/O error) is a typed failure and a status, and the next
 * successful scan clears it. Images are personal data: private files until `discard` or close.
 * Counters: pages, batches, jams, errors.
 */
export class DocumentScanner extends DeviceBase<DocumentScannerEvents> {
  /** Always 'documentScanner'. */
  readonly deviceClass = 'documentScanner' as const;
  private readonly o: ResolvedScannerOptions;
  private readonly log: (event: string, detail?: ScannerLogEntry['detail']) => void;
  private readonly store: ScanStore;
  private readonly presence: ScannerPresence;
  private readonly cli: ScanimageCli;
  private readonly outcomes: ScanOutcomes;
  private backend: Readonly<Record<string, string>>;
  private job: AbortController | undefined;
  private jobDone: Promise<unknown> = Promise.resolve();

  constructor(options: DocumentScannerOptions) {
    const o = resolveScannerOptions(options);
    const log = safeLog(o.log);
    const stats = o.counters ?? new MemoryCounters();
    for (const name of SCANNER_COUNTERS) stats.add(name, 0);
    super({
      initial: { id: o.id, deviceClass: 'documentScanner', state: 'offline', reason: 'closed' },
      counters: stats,
      logPrefix: 'docscanner',
      log,
    });
    this.o = o;
    this.log = log;
    this.backend = this.o.backendOptions;
    this.store = new ScanStore(this.o.scanDir);
    this.cli = new ScanimageCli({
      path: this.o.scanimagePath,
      saneConfigDir: this.o.saneConfigDir,
      killGraceMs: this.o.killGraceMs,
      timers: this.o.timers,
    });
    this.presence = new ScannerPresence({
      cli: this.cli,
      device: this.o.device,
      tracker: this.tracker,
      timers: this.o.timers,
      pollMs: this.o.presencePollMs,
      probeTimeoutMs: this.o.probeTimeoutMs,
      idle: () => this.job === undefined,
      log: (event, detail) => this.log(event, detail),
    });
    this.outcomes = new ScanOutcomes({
      tracker: this.tracker,
      stats: this.stats,
      presence: this.presence,
      log: (event, detail) => this.log(event, detail),
    });
  }

  /** adf, duplex, flatbed, colour, modes, sources, resolutions, min/maxResolution, max size. */
  get capabilities(): Capabilities {
    return this.presence.capabilities;
  }

  /** The SANE name of the device in use ("auto" resolves to the first listed), if found. */
  get saneDevice(): string | undefined {
    return this.presence.deviceName;
  }

  /** Finds the device and starts presence polling; resolves after the first check, never rejects. */
  async open(): Promise<DeviceStatus> {
    await this.presence.start();
    return this.status;
  }

  /** Stops polling, cancels a running scan, deletes every scan's images; reports offline/closed. */
  async close(): Promise<void> {
    this.job?.abort();
    await this.jobDone;
    await this.presence.stop();
    const scanIds = this.store.scanIds();
    await this.store.discardAll();
    for (const scanId of scanIds) this.events.emit('discarded', { scanId });
    this.tracker.update({ state: 'offline', reason: 'closed' });
  }

  /**
   * Sets the vendor/backend options (NON-PORTABLE) passed to every following scan, replacing
   * the configured ones: e.g. the test backend's {"read-return-value": "SANE_STATUS_JAMMED"}.
   */
  setBackendOptions(options: Readonly<Record<string, string>>): DeviceResult<void> {
    for (const [name, value] of Object.entries(options)) {
      const refused = checkBackendOption(name, value);
      if (refused !== undefined) return refuse('invalidOption', refused);
    }
    this.backend = { ...options };
    return succeed(undefined);
  }

  /** Deletes a scan's images (emits `discarded`); false when already gone. */
  async discard(scanId: string): Promise<boolean> {
    const removed = await this.store.discard(scanId);
    if (removed) this.events.emit('discarded', { scanId });
    return removed;
  }

  /** Scans one page (flatbed unless `source` says otherwise) to a private file or to memory. */
  scanPage(options: ScanPageOptions, limits: CommandLimits): Promise<ScanResult<ScannedPage>> {
    return this.command('DocumentScanner.ScanPage', limits, async (job, presence) => {
      const params = resolveScanParams(options, this.paramContext(presence));
      if (!params.ok) return params;
      return scanOnePage({ ...job, params: params.value }, options.destination ?? 'file');
    });
  }

  /**
   * Scans every page in the document feeder (up to `maxPages` and the page limit), emitting
   * `page` as each finishes. A fault mid-batch keeps the finished pages in the failure.
   */
  scanBatch(options: ScanBatchOptions, limits: CommandLimits): Promise<ScanResult<ScannedBatch>> {
    return this.command('DocumentScanner.ScanBatch', limits, async (job, presence) => {
      const feeder = presence.features?.adfSource ?? presence.features?.duplexSource;
      const source = options.source ?? feeder;
      if (source === undefined || !isFeederSource(source)) {
        return refuse('noFeeder', 'a batch needs a document feeder source', 'configuration');
      }
      const context = { ...this.paramContext(presence), defaultSource: source };
      const params = resolveScanParams(options, context);
      if (!params.ok) return params;
      const maxPages = Math.max(
        1,
        Math.min(options.maxPages ?? this.o.pageLimit, this.o.pageLimit),
      );
      const batchJob = {
        ...job,
        params: params.value,
        onPage: (p: ScannedPage) => this.events.emit('page', p),
      };
      const result = await scanFeeder(batchJob, maxPages);
      if (result.ok)
        this.tracker.update({ feeder: result.value.pages.length < maxPages ? 'empty' : 'loaded' });
      return result;
    });
  }

  /** internal: listed + options readable; external: one low-resolution flatbed scan; never rejects. */
  async checkHealth(level: HealthLevel, limits?: Partial<CommandLimits>): Promise<HealthReport> {
    if (level === 'internal') {
      const found = await this.presence.check();
      return found.ok
        ? { level, ok: true, code: 'ok', description: `${found.value} listed, options readable` }
        : { level, ok: false, code: found.error.code, description: found.error.description };
    }
    const features = this.presence.features;
    const scan = await this.scanPage(
      {
        format: 'pnm',
        destination: 'memory',
        resolution: features === undefined ? 50 : Math.max(features.minResolution, 50),
        source: level === 'external' ? features?.flatbedSource : undefined,
      },
      { timeoutMs: limits?.timeoutMs ?? 60_000, signal: limits?.signal },
    );
    if (!scan.ok)
      return { level, ok: false, code: scan.error.code, description: scan.error.description };
    await this.discard(scan.value.scanId);
    const size = `${scan.value.width ?? '?'}x${scan.value.height ?? '?'} px`;
    return { level, ok: true, code: 'ok', description: `test scan ${size}` };
  }

  private paramContext(presence: ScannerPresence): ParamContext {
    return {
      defaultMode: this.o.defaultMode,
      defaultResolution: this.o.defaultResolution,
      defaultFormat: this.o.defaultFormat,
      features: presence.features ?? EMPTY_FEATURES,
      options: presence.options ?? { options: [] },
      backendOptions: this.backend,
    };
  }

  /** Runs one scan command: one at a time, after presence is known, with status and counters. */
  private command<T>(name: string, limits: CommandLimits, work: Work<T>): Promise<ScanResult<T>> {
    if (this.job !== undefined)
      return Promise.resolve(refuse('scanInProgress', `${name}: a scan is running`));
    const job = new AbortController();
    this.job = job;
    const done = this.runCommand(name, limits, job, work).finally(() => {
      if (this.job === job) this.job = undefined;
    });
    this.jobDone = done;
    return done;
  }

  private async runCommand<T>(
    name: string,
    limits: CommandLimits,
    job: AbortController,
    work: Work<T>,
  ): Promise<ScanResult<T>> {
    const device = await this.presence.ready();
    if (!device.ok) return device;
    const before = { state: this.status.state, reason: this.status.reason };
    this.tracker.update({ state: 'busy', reason: 'scanning' });
    const signals = limits.signal ? [job.signal, limits.signal] : [job.signal];
    let finished: Promise<unknown> = Promise.resolve();
    const result: ScanResult<T> = await runDeviceCommand(
      name,
      this.o.timers,
      { timeoutMs: limits.timeoutMs, signal: AbortSignal.any(signals) },
      (signal) => {
        const cliLimits = { timeoutMs: limits.timeoutMs + this.o.killGraceMs + 1000, signal };
        const onProgress = this.events.emit.bind(this.events, 'progress');
        const running = work(
          { cli: this.cli, store: this.store, device: device.value, limits: cliLimits, onProgress },
          this.presence,
        );
        finished = running;
        return running;
      },
    );
    // The command's own result may come first (timeout, cancel): wait until scanimage is gone
    // and the scan's files are deleted before reporting it.
    await finished.catch(() => undefined);
    if (result.ok) this.outcomes.succeeded(result.value as ScannedPage | ScannedBatch);
    else this.outcomes.failed(name, name.endsWith('Batch'), result.error, before);
    return result;
  }
}
