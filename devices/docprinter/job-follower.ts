import { succeed } from '../device/device-result.js';
import { pause, type Timers } from '../util/timers.js';
import { jobOutcome } from './cups-status-map.js';
import type { JobOutcome, PrinterView } from './cups-status-map.js';
import type { IppClient } from './ipp-client.js';
import { ippFail } from './ipp-failure.js';
import type { IppResult } from './ipp-failure.js';

/** A job outcome that is final. */
export type FinalOutcome = Exclude<JobOutcome, { kind: 'pending' }>;

/** A not-yet-final outcome, reported as progress. */
export type PendingOutcome = Extract<JobOutcome, { kind: 'pending' }>;

/** What following a job needs. */
export interface FollowSetup {
  /** The queue's IPP client. */
  readonly client: IppClient;
  /** Clock and timers. */
  readonly timers: Timers;
  /** Pause between two Get-Job-Attributes. */
  readonly jobPollMs: number;
  /** Timeout of one request. */
  readonly requestTimeoutMs: number;
  /** The printer's latest view (a job waiting behind a stopped printer is "stalled"). */
  readonly printerView: () => PrinterView | undefined;
  /** Called when the pending phase (or what stalls it) changes. */
  readonly onPending: (outcome: PendingOutcome) => void;
}

/** Failures that end with cupsd or the network coming back: keep asking. */
const TRANSIENT = new Set([
  'connectionRefused',
  'connectionLost',
  'hostUnreachable',
  'timeOut',
  'printerBusy',
]);

/**
 * Polls a job until it is completed, aborted or canceled ("queued" is not "printed"). While
 * cupsd is unreachable it keeps asking (CUPS keeps jobs across restarts); a job CUPS no longer
 * knows is `jobLost`. Stops with `cancelled` when `signal` aborts; never rejects.
 */
export async function followJob(
  s: FollowSetup,
  jobId: number,
  signal: AbortSignal,
): Promise<IppResult<FinalOutcome>> {
  let reported = '';
  while (!signal.aborted) {
    const job = await s.client.getJobAttributes(jobId, { timeoutMs: s.requestTimeoutMs, signal });
    if (job.ok) {
      const outcome = jobOutcome(job.value, s.printerView());
      if (outcome.kind !== 'pending') return succeed(outcome);
      const key = `${outcome.phase}:${outcome.stalledBy ?? ''}`;
      if (key !== reported) {
        reported = key;
        s.onPending(outcome);
      }
    } else if (job.error.code === 'jobNotFound') {
      const why = `CUPS no longer knows job ${jobId} (purged, or cupsd lost its state)`;
      return ippFail('jobLost', 'software', 'maintenance', why);
    } else if (!TRANSIENT.has(job.error.code)) return job;
    await pause(s.timers, s.jobPollMs, signal);
  }
  return ippFail('cancelled', 'user', 'clear', `following job ${jobId}: cancelled`);
}
