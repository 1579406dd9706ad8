/**
 * What the kiosk makes of CUPS's answers, pure: printer attributes → the common DeviceStatus
 * fields plus the problem and notices to raise (as ReceiptPrinter does with ESC/POS flags), and a
 * job's state → a typed outcome.
 */
import type { CoverState, DeviceState, PaperState } from '../../contract/index.js';
import type { DeviceFailure } from '../device/device-result.js';
import type { JobInfo, PrinterInfo } from './ipp-records.js';
import { JOB_STATES, PRINTER_STATES } from './ipp-operations.js';
import { isConnecting, ruleOfReason } from './printer-reasons.js';
import type { ReasonRule } from './printer-reasons.js';

/** A condition that stops printing, as a status problem and as a failure. */
export interface PrinterProblem extends DeviceFailure {
  /** The device state it puts the printer in. */
  readonly state: DeviceState;
}

/** A condition staff should act on while the printer still works (paper low, toner low). */
export type PrinterNotice = DeviceFailure;

/** The printer as the UI and the print path see it. */
export interface PrinterView {
  /** Device state: online, busy (connecting), offline, hardwareError or userError. */
  readonly state: DeviceState;
  /** Paper field of the status. */
  readonly paper: PaperState;
  /** Cover field of the status. */
  readonly cover: CoverState;
  /** The most important condition that stops printing, if any. */
  readonly problem: PrinterProblem | undefined;
  /** Conditions to tell staff about, in the order CUPS listed them. */
  readonly notices: readonly PrinterNotice[];
}

/*
 * Backends report an unreachable printer in printer-state-message only (Debian's socket backend
 * keeps printer-state-reasons "none" while it retries). These are CUPS's own English texts
 * (the kiosk's requests ask for natural language "en").
 */
const UNREACHABLE_MESSAGES = [
  /may not exist or is unavailable/i,
  /printer is not responding/i,
  /unable to connect/i,
  /network host .* is busy/i,
  /connection refused/i,
  /host is down/i,
  /unable to locate printer/i,
];

const PAPER_RANK: Readonly<Record<PaperState, number>> = { full: 0, low: 1, out: 2, jammed: 3 };

const unreachable: PrinterProblem = {
  code: 'printerUnreachable',
  state: 'offline',
  kind: 'hardware',
  action: 'maintenance',
  description: 'CUPS cannot reach the printer: check its power, cable or network address',
};

function toProblem(r: ReasonRule & { state: DeviceState }, keyword: string): PrinterProblem {
  return {
    code: r.code,
    state: r.state,
    kind: r.kind,
    action: r.action,
    description: `${r.description} (${keyword})`,
  };
}

/** Maps printer attributes to the status view. Pure. */
export function mapPrinterStatus(
  info: Pick<PrinterInfo, 'state' | 'reasons' | 'accepting' | 'message'>,
): PrinterView {
  let paper: PaperState = 'full';
  let cover: CoverState = 'closed';
  let best: { problem: PrinterProblem; priority: number } | undefined;
  const notices: PrinterNotice[] = [];
  const consider = (problem: PrinterProblem, priority: number): void => {
    if (best === undefined || priority < best.priority) best = { problem, priority };
  };
  for (const keyword of info.reasons) {
    const r = ruleOfReason(keyword);
    if (r === undefined) continue;
    if (r.paper !== undefined && PAPER_RANK[r.paper] > PAPER_RANK[paper]) paper = r.paper;
    if (r.cover !== undefined) cover = r.cover;
    if (r.state === undefined) {
      if (!notices.some((n) => n.code === r.code)) {
        const { code, kind, action } = r;
        notices.push({ code, kind, action, description: `${r.description} (${keyword})` });
      }
    } else consider(toProblem({ ...r, state: r.state }, keyword), r.priority);
  }
  const message = info.message ?? '';
  // Only a running backend's message is current; an idle queue keeps the last one.
  const backendRunning = info.state === PRINTER_STATES.processing;
  if (backendRunning && UNREACHABLE_MESSAGES.some((pattern) => pattern.test(message)))
    consider(unreachable, 85);
  if (info.state === PRINTER_STATES.stopped) {
    const description = `the CUPS queue is stopped${message === '' ? '' : `: ${message}`}`;
    const stopped = { ...unreachable, code: 'printerStopped', description };
    consider(stopped, 90);
  }
  if (!info.accepting) {
    const description = 'the CUPS queue rejects new jobs: cupsaccept it';
    consider({ ...unreachable, code: 'notAcceptingJobs', kind: 'software', description }, 95);
  }
  const problem = (best as { problem: PrinterProblem } | undefined)?.problem;
  const connecting = info.reasons.some(isConnecting);
  const state: DeviceState = problem?.state ?? (connecting ? 'busy' : 'online');
  return { state, paper, cover, problem, notices };
}

/** Where a job is, as the print path reports it. */
export type JobOutcome =
  | {
      /** Printed: job-state completed. */
      readonly kind: 'completed';
      /** Sides printed (job-impressions-completed), when CUPS counted them. */
      readonly pages?: number | undefined;
    }
  | {
      /** job-state aborted: the failure's code is the job-state-reason behind it. */
      readonly kind: 'failed';
      readonly failure: DeviceFailure;
      /** job-state-reasons as reported. */
      readonly reasons: readonly string[];
    }
  | {
      /** job-state canceled (by the kiosk, a technician or the printer). */
      readonly kind: 'canceled';
      readonly reasons: readonly string[];
    }
  | {
      /** Not finished. `stalled` = it cannot go on until someone acts (`stalledBy`). */
      readonly kind: 'pending';
      readonly phase: 'queued' | 'printing' | 'stalled';
      /** What holds it: a job-state-reason or the printer's problem code. */
      readonly stalledBy?: string | undefined;
      readonly reasons: readonly string[];
    };

/** Reasons that say nothing about why a job ended. */
const GENERIC_JOB_REASONS = new Set([
  'none',
  'job-completed-with-errors',
  'processing-to-stop-point',
  'job-printing',
  'job-incoming',
  'job-queued',
]);

const DOCUMENT_REASONS = /^(document-|unsupported-document-format|unsupported-compression)/;

/** The failure of an aborted job: its most telling reason is the code. */
function abortedFailure(job: JobInfo): DeviceFailure {
  const code = job.reasons.find((r) => !GENERIC_JOB_REASONS.has(r)) ?? 'aborted-by-system';
  const detail = job.message === undefined ? '' : `: ${job.message}`;
  const description = `CUPS aborted job ${job.jobId} (${job.reasons.join(', ') || code})${detail}`;
  return DOCUMENT_REASONS.test(code)
    ? { code, kind: 'software', action: 'softwareError', description }
    : { code, kind: 'hardware', action: 'maintenance', description };
}

/**
 * A job's outcome from its attributes and (optionally) the printer's view: completed → ok;
 * aborted → failed with its reason; canceled → canceled; held, processing-stopped, or waiting
 * behind a stopped or faulty printer → pending and stalled (not a failure: it may still print).
 */
export function jobOutcome(job: JobInfo, printer?: PrinterView): JobOutcome {
  const reasons = job.reasons;
  switch (job.state) {
    case JOB_STATES.completed:
      return { kind: 'completed', pages: job.impressionsCompleted ?? job.sheetsCompleted };
    case JOB_STATES.aborted:
      return { kind: 'failed', failure: abortedFailure(job), reasons };
    case JOB_STATES.canceled:
      return { kind: 'canceled', reasons };
    case JOB_STATES.pendingHeld:
    case JOB_STATES.processingStopped: {
      const stalledBy =
        printer?.problem?.code ?? reasons.find((r) => !GENERIC_JOB_REASONS.has(r)) ?? 'jobHeld';
      return { kind: 'pending', phase: 'stalled', stalledBy, reasons };
    }
  }
  if (printer?.problem !== undefined)
    return { kind: 'pending', phase: 'stalled', stalledBy: printer.problem.code, reasons };
  const phase = job.state === JOB_STATES.processing ? 'printing' : 'queued';
  return { kind: 'pending', phase, reasons };
}
