import type { CommonDeviceEvents } from '../device/kiosk-device.js';
import type { DeviceFailure } from '../device/device-result.js';

/** How far a print has come. */
export interface PrintProgress {
  /** The caller's job name (journal id). */
  readonly jobName?: string | undefined;
  /** CUPS job id. */
  readonly cupsJobId: number;
  /**
   * submitted: CUPS has the job (record the id now); printing: the printer works on it;
   * stalled: it waits for someone to act (printer stopped, paper out, job held) and may still
   * print later; queued: back to waiting behind other jobs.
   */
  readonly phase: 'submitted' | 'printing' | 'stalled' | 'queued';
  /** What holds a stalled job: a job-state-reason or the printer's problem code. */
  readonly stalledBy?: string | undefined;
  /** job-state-reasons as CUPS reports them. */
  readonly reasons: readonly string[];
}

/** Events of a DocumentPrinter. */
export interface DocumentPrinterEvents extends CommonDeviceEvents {
  /** Progress of a print or a followed job. */
  progress: PrintProgress;
}

/** A failed print: the failure plus the CUPS job, when one was created. */
export interface PrintFailure extends DeviceFailure {
  /** CUPS job id, if the job reached CUPS. */
  readonly cupsJobId?: number | undefined;
  /** job-state-reasons of an aborted or canceled job. */
  readonly jobStateReasons?: readonly string[] | undefined;
  /**
   * True when the job may still print later (it could not be canceled after a timeout or
   * cancel): the caller must not reprint without asking CUPS (findJobByName).
   */
  readonly mayStillPrint?: boolean | undefined;
}

/** A finished print. */
export interface PrintedJob {
  /** CUPS job id. */
  readonly cupsJobId: number;
  /** Sides printed, as CUPS counted them (absent when it did not count). */
  readonly pages?: number | undefined;
}

/** A job's end as the kiosk reports it (the states the core's journal knows). */
export type JobEnd = 'completed' | 'failed' | 'canceled';

/** A job found by name after a crash. */
export interface FoundJob {
  /** CUPS job id. */
  readonly cupsJobId: number;
  /** pending (not finished: follow it), completed, failed (aborted) or canceled. */
  readonly state: 'pending' | JobEnd;
  /** job-state as CUPS reports it (3..9). */
  readonly jobState: number;
}

/** A followed job's end. */
export interface FollowedJob {
  /** CUPS job id. */
  readonly cupsJobId: number;
  /** How it ended. */
  readonly end: JobEnd;
  /** Sides printed, when completed and counted. */
  readonly pages?: number | undefined;
  /** Why it failed or was canceled. */
  readonly failure?: PrintFailure | undefined;
}
