import type { PrintJournal, PrintJobRecord } from '../../offline-cache/print-journal.js';
import type { Logger } from '../log.js';
import type { A4Spooler } from './ports.js';

/** What recovery did with each interrupted job. */
export interface RecoveryReport {
  /** Jobs the spooler finished while the kiosk was down (or finishes now). */
  settled: number;
  /** Jobs that never reached the spooler: marked failed, nothing printed. */
  neverSubmitted: number;
  /** Jobs nobody can tell about: a technician must look at the printer. */
  unknown: number;
  /** Jobs still left because the spooler could not be asked (retry later). */
  deferred: number;
}

/**
 * After a crash or power loss, settles every job the journal shows as recorded or submitted.
 * CUPS keeps finished jobs, and every job is named by its journal id, so a proof job can be looked
 * up by name: that tells "printed", "never got there" and "still printing" apart. A receipt has no
 * spooler to ask, so an interrupted receipt is "unknown" and goes to the technician.
 */
export async function recoverInterruptedJobs(
  journal: PrintJournal,
  spooler: A4Spooler | undefined,
  log: Logger,
  signal: AbortSignal,
): Promise<RecoveryReport> {
  const report: RecoveryReport = { settled: 0, neverSubmitted: 0, unknown: 0, deferred: 0 };
  for (const job of journal.interrupted()) {
    const outcome = await recoverOne(journal, spooler, job, signal);
    report[outcome] += 1;
  }
  if (report.settled + report.neverSubmitted + report.unknown + report.deferred > 0) {
    log.warn({ ...report }, 'print.recovery');
  }
  return report;
}

async function recoverOne(
  journal: PrintJournal,
  spooler: A4Spooler | undefined,
  job: PrintJobRecord,
  signal: AbortSignal,
): Promise<keyof RecoveryReport> {
  if (job.kind === 'receipt') {
    journal.markUnknown(job.jobId, 'interruptedReceipt');
    return 'unknown';
  }
  if (!spooler) {
    journal.markUnknown(job.jobId, 'printerRemoved');
    return 'unknown';
  }
  const found = await spooler.find(job.jobId, signal);
  if (!found.ok) return 'deferred';
  if (found.value === undefined) {
    if (job.state === 'recorded') {
      journal.finish(job.jobId, 'failed', 'interruptedBeforeSubmit');
      return 'neverSubmitted';
    }
    journal.markUnknown(job.jobId, 'spoolerLostJob');
    return 'unknown';
  }
  const { spoolerJobId } = found.value;
  if (job.spoolerJobId !== spoolerJobId) journal.submitted(job.jobId, spoolerJobId);
  let state = found.value.state;
  if (state === 'pending') {
    const followed = await spooler.follow(spoolerJobId, signal);
    if (!followed.ok) return 'deferred';
    state = followed.value;
  }
  if (state === 'pending') return 'deferred';
  if (state === 'completed') journal.finish(job.jobId, 'completed');
  else journal.finish(job.jobId, state, state === 'failed' ? 'abortedBySpooler' : undefined);
  return 'settled';
}
