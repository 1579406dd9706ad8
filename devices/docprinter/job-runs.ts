import { runDeviceCommand } from '../device/device-command.js';
import type { DeviceCounters } from '../device/device-counters.js';
import { succeed } from '../device/device-result.js';
import type { DeviceResult } from '../device/device-result.js';
import type { Timers } from '../util/timers.js';
import { jobOutcome } from './cups-status-map.js';
import type { PrinterView } from './cups-status-map.js';
import type {
  FollowedJob,
  PrintedJob,
  PrintFailure,
  PrintProgress,
} from './document-printer-events.js';
import type { IppClient } from './ipp-client.js';
import { followJob } from './job-follower.js';
import type { FinalOutcome } from './job-follower.js';

type PrintResult<T> = DeviceResult<T, PrintFailure>;

/** What JobRuns needs from its DocumentPrinter. */
export interface JobRunsSetup {
  /** The queue's IPP client. */
  readonly client: IppClient;
  /** Clock and timers. */
  readonly timers: Timers;
  /** Pause between two job polls. */
  readonly jobPollMs: number;
  /** Timeout of one IPP request. */
  readonly requestTimeoutMs: number;
  /** The printer's latest view. */
  readonly printerView: () => PrinterView | undefined;
  /** Counters: pagesPrinted, jobsFailed, jobsCanceled. */
  readonly stats: DeviceCounters;
  /** Called after every followed job (to refresh the printer status). */
  readonly afterJob: () => void;
  /** Operational log. */
  readonly log: (event: string, detail: Readonly<Record<string, string | number>>) => void;
}

/** How one job is followed. */
export interface FollowHow {
  /** The caller's job name, for progress. */
  readonly jobName?: string | undefined;
  /** Deadline from now. */
  readonly timeoutMs: number;
  /** The caller's cancel. */
  readonly signal?: AbortSignal | undefined;
  /** Progress sink. */
  readonly notify: (progress: PrintProgress) => void;
}

/** The failure of a job that ended other than completed, without more detail. */
export function endedFailure(end: 'canceled' | 'failed', cupsJobId: number): PrintFailure {
  return end === 'canceled'
    ? { code: 'canceled', kind: 'user', action: 'clear', description: 'job canceled', cupsJobId }
    : {
        code: 'aborted-by-system',
        kind: 'hardware',
        action: 'maintenance',
        description: 'job aborted',
        cupsJobId,
      };
}

/** A FollowedJob as a print result. */
export function printResult(job: FollowedJob): PrintResult<PrintedJob> {
  if (job.end === 'completed') return succeed({ cupsJobId: job.cupsJobId, pages: job.pages });
  return { ok: false, error: job.failure ?? endedFailure(job.end, job.cupsJobId) };
}

/**
 * Follows CUPS jobs for a DocumentPrinter: deadline and cancel (runDeviceCommand), counting
 * each job's end, canceling a job whose print timed out or was aborted, and letting `close()`
 * stop following without canceling anything (the job stays CUPS's).
 */
export class JobRuns {
  private closing = new AbortController();
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly s: JobRunsSetup) {}

  /** Allows following again after `close`. */
  reopen(): void {
    if (this.closing.signal.aborted) this.closing = new AbortController();
  }

  /** Stops following every job (they carry on in CUPS) and waits until each call returned. */
  async close(): Promise<void> {
    this.closing.abort();
    await Promise.allSettled([...this.running]);
  }

  /** Follows a job to its end; counts it. Never rejects. */
  follow(cupsJobId: number, how: FollowHow): Promise<PrintResult<FollowedJob>> {
    const run = this.followCounted(cupsJobId, how);
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return run;
  }

  /**
   * After a print's deadline or abort: cancel the job so that it cannot print later, and say
   * so. A job that ended meanwhile is reported as it ended (it may have printed). When the
   * device was closed, nothing is canceled: the job may still print.
   */
  async stop(cupsJobId: number, why: PrintFailure): Promise<PrintResult<PrintedJob>> {
    if (this.closing.signal.aborted) {
      const description = `the printer was closed while job ${cupsJobId} was followed; it may still print`;
      return {
        ok: false,
        error: { ...why, code: 'deviceClosed', description, cupsJobId, mayStillPrint: true },
      };
    }
    const limits = { timeoutMs: this.s.requestTimeoutMs };
    const canceled = await this.s.client.cancelJob(cupsJobId, limits);
    if (canceled.ok) {
      this.s.stats.add('jobsCanceled');
      const code = why.code === 'cancelled' ? 'canceled' : why.code;
      const description = `${why.description}; job ${cupsJobId} canceled in CUPS`;
      return { ok: false, error: { ...why, code, description, cupsJobId, mayStillPrint: false } };
    }
    if (canceled.error.code === 'notPossible') {
      const job = await this.s.client.getJobAttributes(cupsJobId, limits);
      const outcome = job.ok ? jobOutcome(job.value) : undefined;
      if (outcome !== undefined && outcome.kind !== 'pending')
        return printResult(this.record(cupsJobId, outcome));
    }
    this.s.stats.add('jobsFailed');
    const description = `${why.description}; job ${cupsJobId} could not be canceled (${canceled.error.code}) and may still print`;
    return { ok: false, error: { ...why, description, cupsJobId, mayStillPrint: true } };
  }

  private async followCounted(
    cupsJobId: number,
    how: FollowHow,
  ): Promise<PrintResult<FollowedJob>> {
    const signals = [this.closing.signal, ...(how.signal ? [how.signal] : [])];
    const result = await runDeviceCommand<FinalOutcome>(
      'DocumentPrinter.FollowJob',
      this.s.timers,
      { timeoutMs: how.timeoutMs, signal: AbortSignal.any(signals) },
      (signal) =>
        followJob(
          {
            client: this.s.client,
            timers: this.s.timers,
            jobPollMs: this.s.jobPollMs,
            requestTimeoutMs: this.s.requestTimeoutMs,
            printerView: this.s.printerView,
            onPending: ({ phase, stalledBy, reasons }) =>
              how.notify({ jobName: how.jobName, cupsJobId, phase, stalledBy, reasons }),
          },
          cupsJobId,
          signal,
        ),
    );
    this.s.afterJob();
    if (!result.ok) return { ok: false, error: { ...result.error, cupsJobId } };
    return succeed(this.record(cupsJobId, result.value));
  }

  /** Counts a job's end and turns it into a FollowedJob. */
  private record(cupsJobId: number, outcome: FinalOutcome): FollowedJob {
    if (outcome.kind === 'completed') {
      this.s.stats.add('pagesPrinted', outcome.pages ?? 0);
      this.s.log('docprinter.completed', { cupsJobId, pages: outcome.pages ?? -1 });
      return { cupsJobId, end: 'completed', pages: outcome.pages };
    }
    const jobStateReasons = outcome.reasons;
    if (outcome.kind === 'canceled') {
      this.s.stats.add('jobsCanceled');
      const failure = { ...endedFailure('canceled', cupsJobId), jobStateReasons };
      return { cupsJobId, end: 'canceled', failure };
    }
    this.s.stats.add('jobsFailed');
    this.s.log('docprinter.jobFailed', { cupsJobId, code: outcome.failure.code });
    const failure = { ...outcome.failure, cupsJobId, jobStateReasons };
    return { cupsJobId, end: 'failed', failure };
  }
}
