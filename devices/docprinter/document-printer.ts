import type { DeviceStatus } from '../../contract/index.js';
import { DeviceBase, safeLog } from '../device/device-base.js';
import type { CommandLimits } from '../device/device-command.js';
import { MemoryCounters } from '../device/device-counters.js';
import { succeed } from '../device/device-result.js';
import type { DeviceResult } from '../device/device-result.js';
import type { Capabilities, HealthLevel, HealthReport } from '../device/kiosk-device.js';
import { resolveDocumentPrinterOptions } from './document-printer-options.js';
import type {
  DocumentPrinterOptions,
  PrinterLogEntry,
  ResolvedPrinterOptions,
} from './document-printer-options.js';
import type {
  DocumentPrinterEvents,
  FollowedJob,
  FoundJob,
  PrintedJob,
  PrintFailure,
  PrintProgress,
} from './document-printer-events.js';
import { mapPrinterStatus } from './cups-status-map.js';
import { IppClient } from './ipp-client.js';
import { JOB_STATES } from './ipp-operations.js';
import { JobRuns, printResult } from './job-runs.js';
import type { DocumentFormat } from './print-job-spec.js';
import { PrinterWatch } from './printer-watch.js';
import { testPagePdf } from './test-page.js';

export type { DocumentPrinterOptions, PrinterLogEntry } from './document-printer-options.js';
export type * from './document-printer-events.js';

/** What one print needs besides the document. */
export interface PrintOptions {
  /** job-name: the journal job id (1..255 bytes), to find the job after a crash. */
  readonly jobName: string;
  /** document-name for technicians (no personal data). */
  readonly title?: string | undefined;
  /** Copies, 1..99. Default 1. */
  readonly copies?: number | undefined;
  /** Default application/pdf; application/vnd.cups-raw passes bytes unchanged. */
  readonly format?: DocumentFormat | undefined;
  /** From submission to the job's end. Default the device's jobTimeoutMs. */
  readonly timeoutMs?: number | undefined;
  /** Called with each progress step (also emitted as `progress`). */
  readonly onProgress?: ((progress: PrintProgress) => void) | undefined;
}

/** Counter names every DocumentPrinter reports, from 0. */
export const DOCUMENT_PRINTER_COUNTERS = ['pagesPrinted', 'jobs', 'jobsFailed', 'jobsCanceled'];

type PrintResult<T> = DeviceResult<T, PrintFailure>;

/**
 * An A4 printer behind CUPS, over IPP. `open()` starts watching the queue (printer attributes →
 * status, problems, notices; cupsd down → offline, back within ~3 s). `print()` submits a PDF
 * whose job-name is the caller's journal id and follows the job until it is really printed,
 * aborted or canceled. `findJobByName()` finds a job again after a crash. Never throws.
 * Counters: pagesPrinted, jobs, jobsFailed, jobsCanceled.
 */
export class DocumentPrinter extends DeviceBase<DocumentPrinterEvents> {
  /** Always 'documentPrinter'. */
  readonly deviceClass = 'documentPrinter' as const;
  /** The queue's IPP client (for tools and tests). */
  readonly client: IppClient;
  private readonly o: ResolvedPrinterOptions;
  private readonly log: (event: string, detail?: PrinterLogEntry['detail']) => void;
  private readonly watch: PrinterWatch;
  private readonly runs: JobRuns;
  private opened = false;

  constructor(options: DocumentPrinterOptions) {
    const o = resolveDocumentPrinterOptions(options);
    const log = safeLog(o.log);
    const stats = o.counters ?? new MemoryCounters();
    for (const name of DOCUMENT_PRINTER_COUNTERS) stats.add(name, 0);
    super({
      initial: { id: o.id, deviceClass: 'documentPrinter', state: 'offline', reason: 'closed' },
      counters: stats,
      logPrefix: 'docprinter',
      log,
      problemDetail: (error) => ({ reason: error.errorCode, action: error.action }),
    });
    this.o = o;
    this.log = log;
    this.client = new IppClient({
      host: o.host,
      port: o.port,
      queue: o.queue,
      requestingUserName: o.requestingUserName,
      defaultTimeoutMs: o.requestTimeoutMs,
      timers: o.timers,
    });
    this.watch = new PrinterWatch({
      client: this.client,
      tracker: this.tracker,
      timers: o.timers,
      pollMs: o.pollIntervalMs,
      retryInitialMs: o.reopenInitialDelayMs,
      retryMaxMs: o.reopenMaxDelayMs,
      requestTimeoutMs: o.requestTimeoutMs,
      log: (event, detail) => this.log(event, detail),
    });
    this.runs = new JobRuns({
      client: this.client,
      timers: o.timers,
      jobPollMs: o.jobPollMs,
      requestTimeoutMs: o.requestTimeoutMs,
      printerView: () => this.watch.view,
      stats: this.stats,
      afterJob: () => {
        if (this.opened) void this.watch.poll();
      },
      log: (event, detail) => this.log(event, detail),
    });
  }

  /** queue, pdf, raw, color, duplex, a4, makeAndModel (after CUPS first answered). */
  get capabilities(): Capabilities {
    return this.watch.capabilities;
  }

  /** Starts watching the queue; resolves after the first poll, never rejects. */
  async open(): Promise<DeviceStatus> {
    this.opened = true;
    this.runs.reopen();
    await this.watch.start();
    return this.status;
  }

  /**
   * Stops watching and following; reports offline/closed. Jobs already in CUPS carry on there:
   * a print still following one ends with `deviceClosed` (mayStillPrint), nothing is canceled.
   */
  async close(): Promise<void> {
    this.opened = false;
    await this.runs.close();
    await this.watch.stop();
    this.tracker.update({ state: 'offline', reason: 'closed' });
  }

  /** Polls the printer now (e.g. after a technician fixed it); resolves with the status. */
  async refresh(): Promise<DeviceStatus> {
    await this.watch.poll();
    return this.status;
  }

  /**
   * Prints a document and follows it to its end. `submitted` progress carries the CUPS job id
   * (record it); a stalled job (printer stopped, paper out) keeps waiting until `timeoutMs`.
   * On timeout or abort after submission the job is canceled in CUPS; if that fails the failure
   * says `mayStillPrint`. Failure codes: the IPP client's (connectionRefused, …), the aborted
   * job's reason (e.g. aborted-by-system), `canceled`, `timeOut`, `cancelled` (before submit).
   */
  async print(
    document: Uint8Array,
    options: PrintOptions,
    signal?: AbortSignal,
  ): Promise<PrintResult<PrintedJob>> {
    if (!this.opened) return notOpen();
    if (signal?.aborted) return cancelledBeforeSubmit();
    const format = options.format ?? 'application/pdf';
    // Print-Job is not aborted half-way: CUPS may already hold the job when the answer is
    // lost. A cancel during submission cancels the job once its id is known (below).
    const submitted = await this.client.printJob(document, {
      jobName: options.jobName,
      documentName: options.title,
      copies: options.copies,
      format,
      media: format === 'application/pdf' ? (this.o.media ?? undefined) : undefined,
    });
    if (!submitted.ok) {
      const { code } = submitted.error;
      if (code === 'invalidJob') return submitted;
      this.stats.add('jobsFailed');
      this.log('docprinter.submitFailed', { code });
      void this.watch.poll();
      // No answer to a sent request: CUPS may have the job (findJobByName tells).
      const mayStillPrint = code === 'timeOut' || code === 'connectionLost';
      return { ok: false, error: { ...submitted.error, mayStillPrint } };
    }
    const cupsJobId = submitted.value.jobId;
    this.stats.add('jobs');
    this.log('docprinter.submitted', { jobName: options.jobName, cupsJobId });
    const notify = (p: PrintProgress): void => {
      options.onProgress?.(p);
      this.events.emit('progress', p);
    };
    notify({ jobName: options.jobName, cupsJobId, phase: 'submitted', reasons: [] });
    if (signal?.aborted) return this.runs.stop(cupsJobId, cancelledBeforeSubmit().error);
    const followed = await this.runs.follow(cupsJobId, {
      jobName: options.jobName,
      timeoutMs: options.timeoutMs ?? this.o.jobTimeoutMs,
      signal,
      notify,
    });
    return followed.ok ? printResult(followed.value) : this.runs.stop(cupsJobId, followed.error);
  }

  /**
   * Follows a job (e.g. one found after a crash) to its end without canceling it. Works before
   * `open()` (recovery may run first); after `close()` it ends at once with `cancelled`.
   */
  async followJob(
    cupsJobId: number,
    limits: Partial<CommandLimits> & { onProgress?: (p: PrintProgress) => void } = {},
  ): Promise<PrintResult<FollowedJob>> {
    const notify = (p: PrintProgress): void => {
      limits.onProgress?.(p);
      this.events.emit('progress', p);
    };
    const timeoutMs = limits.timeoutMs ?? this.o.jobTimeoutMs;
    return this.runs.follow(cupsJobId, { timeoutMs, signal: limits.signal, notify });
  }

  /** Finds the newest job named `jobName` on the queue (crash recovery), or 'notFound'. */
  async findJobByName(
    jobName: string,
    limits: Partial<CommandLimits> = {},
  ): Promise<PrintResult<FoundJob | 'notFound'>> {
    const jobs = await this.client.getJobs('all', limits);
    if (!jobs.ok) return jobs;
    const job = jobs.value.find((j) => j.name === jobName);
    if (job === undefined) return succeed('notFound');
    return succeed({ cupsJobId: job.jobId, state: foundState(job.state), jobState: job.state });
  }

  /** Cancels a CUPS job; a job that already ended fails with `jobAlreadyFinished`. */
  async cancel(cupsJobId: number, limits: Partial<CommandLimits> = {}): Promise<PrintResult<void>> {
    const result = await this.client.cancelJob(cupsJobId, limits);
    if (result.ok || result.error.code !== 'notPossible') return result;
    const description = `job ${cupsJobId} already ended (completed, aborted or canceled)`;
    return { ok: false, error: { ...result.error, code: 'jobAlreadyFinished', description } };
  }

  /** internal: CUPS answers and accepts jobs, no printer problem; external: prints a test page. */
  async checkHealth(level: HealthLevel, limits?: Partial<CommandLimits>): Promise<HealthReport> {
    if (level === 'internal') {
      const answer = await this.watch.poll();
      if (!answer.ok)
        return { level, ok: false, code: answer.error.code, description: answer.error.description };
      const problem = mapPrinterStatus(answer.value).problem;
      if (problem !== undefined)
        return { level, ok: false, code: problem.code, description: problem.description };
      const model = answer.value.makeAndModel ?? 'printer';
      return { level, ok: true, code: 'ok', description: `${this.o.queue}: ${model} ready` };
    }
    const stamp = new Date().toISOString();
    const page = testPagePdf([
      'Kiosk test page',
      `device ${this.id}`,
      `queue ${this.o.queue}`,
      stamp,
    ]);
    const jobName = `health-${this.id}-${stamp}`;
    const printed = await this.print(
      page,
      { jobName, title: 'Kiosk test page', timeoutMs: limits?.timeoutMs ?? 120_000 },
      limits?.signal,
    );
    if (!printed.ok)
      return { level, ok: false, code: printed.error.code, description: printed.error.description };
    const check = level === 'interactive' ? ': check the printed page' : '';
    return {
      level,
      ok: true,
      code: 'ok',
      description: `test page printed (job ${printed.value.cupsJobId})${check}`,
    };
  }
}

function cancelledBeforeSubmit(): { ok: false; error: PrintFailure } {
  const description = 'print cancelled before CUPS had the job';
  return { ok: false, error: { code: 'cancelled', kind: 'user', action: 'clear', description } };
}

function notOpen(): { ok: false; error: PrintFailure } {
  const description = 'the document printer is not open';
  return {
    ok: false,
    error: { code: 'deviceNotReady', kind: 'software', action: 'softwareError', description },
  };
}

function foundState(state: number): FoundJob['state'] {
  if (state === JOB_STATES.completed) return 'completed';
  if (state === JOB_STATES.aborted) return 'failed';
  if (state === JOB_STATES.canceled) return 'canceled';
  return 'pending';
}
