import { GROUP_TAGS } from './ipp-types.js';
import type { IppGroup, IppMessage } from './ipp-types.js';
import {
  readBoolean,
  readNumber,
  readNumbers,
  readString,
  readStrings,
  groupsOf,
} from './ipp-values.js';

/** A job as Get-Job-Attributes reports it. */
export interface JobInfo {
  /** CUPS job id. */
  readonly jobId: number;
  /** job-name (absent when CUPS hides it from this user). */
  readonly name?: string | undefined;
  /** job-state, 3..9 (see JOB_STATES). */
  readonly state: number;
  /** job-state-reasons keywords ("none" removed). */
  readonly reasons: readonly string[];
  /** job-state-message or job-printer-state-message, if any (technician text). */
  readonly message?: string | undefined;
  /** job-impressions-completed: sides printed so far. */
  readonly impressionsCompleted?: number | undefined;
  /** job-media-sheets-completed: sheets printed so far. */
  readonly sheetsCompleted?: number | undefined;
}

/** One line of Get-Jobs. */
export interface JobSummary {
  /** CUPS job id. */
  readonly jobId: number;
  /** job-name (absent when hidden). */
  readonly name?: string | undefined;
  /** job-state, 3..9. */
  readonly state: number;
}

/** One supply (toner, ink, waste) from the marker-* attributes. */
export interface MarkerInfo {
  /** marker-names entry, e.g. "Black Toner". */
  readonly name: string;
  /** marker-types entry, e.g. "toner". */
  readonly type?: string | undefined;
  /** marker-levels: 0..100 %, -1 unavailable, -2 unknown, -3 some remaining. */
  readonly level?: number | undefined;
  /** marker-low-levels: the level under which it counts as low. */
  readonly lowLevel?: number | undefined;
}

/** A printer as Get-Printer-Attributes reports it. */
export interface PrinterInfo {
  /** printer-state: 3 idle, 4 processing, 5 stopped. */
  readonly state: number;
  /** printer-state-reasons keywords ("none" removed), suffixes kept. */
  readonly reasons: readonly string[];
  /** printer-state-message (technician text; CUPS puts backend warnings here). */
  readonly message?: string | undefined;
  /** printer-is-accepting-jobs. */
  readonly accepting: boolean;
  /** queued-job-count. */
  readonly queuedJobs?: number | undefined;
  /** Supplies, when the driver reports them. */
  readonly markers: readonly MarkerInfo[];
  /** media-ready keywords (loaded media). */
  readonly mediaReady: readonly string[];
  /** media-default keyword. */
  readonly mediaDefault?: string | undefined;
  /** document-format-supported MIME types. */
  readonly documentFormats: readonly string[];
  /** color-supported. */
  readonly color?: boolean | undefined;
  /** sides-supported keywords. */
  readonly sides: readonly string[];
  /** printer-make-and-model. */
  readonly makeAndModel?: string | undefined;
}

const withoutNone = (values: string[]): string[] => values.filter((v) => v !== 'none');

/** Reads a job group; undefined without a job-state. */
export function readJobInfo(group: IppGroup | undefined, jobId: number): JobInfo | undefined {
  const state = readNumber(group, 'job-state');
  if (state === undefined) return undefined;
  const message =
    readString(group, 'job-printer-state-message') ?? readString(group, 'job-state-message');
  return {
    jobId: readNumber(group, 'job-id') ?? jobId,
    name: readString(group, 'job-name'),
    state,
    reasons: withoutNone(readStrings(group, 'job-state-reasons')),
    message: message === '' ? undefined : message,
    impressionsCompleted: readNumber(group, 'job-impressions-completed'),
    sheetsCompleted: readNumber(group, 'job-media-sheets-completed'),
  };
}

/** Reads every job group of a Get-Jobs answer, newest (highest id) first. */
export function readJobList(message: IppMessage): JobSummary[] {
  const jobs: JobSummary[] = [];
  for (const group of groupsOf(message, GROUP_TAGS.job)) {
    const jobId = readNumber(group, 'job-id');
    const state = readNumber(group, 'job-state');
    if (jobId === undefined || state === undefined) continue;
    jobs.push({ jobId, name: readString(group, 'job-name'), state });
  }
  return jobs.sort((a, b) => b.jobId - a.jobId);
}

function readMarkers(group: IppGroup | undefined): MarkerInfo[] {
  const names = readStrings(group, 'marker-names');
  const types = readStrings(group, 'marker-types');
  const levels = readNumbers(group, 'marker-levels');
  const lows = readNumbers(group, 'marker-low-levels');
  return names.map((name, i) => ({ name, type: types[i], level: levels[i], lowLevel: lows[i] }));
}

/** Reads a printer group; undefined without a printer-state. */
export function readPrinterInfo(group: IppGroup | undefined): PrinterInfo | undefined {
  const state = readNumber(group, 'printer-state');
  if (state === undefined) return undefined;
  const message = readString(group, 'printer-state-message');
  return {
    state,
    reasons: withoutNone(readStrings(group, 'printer-state-reasons')),
    message: message === '' ? undefined : message,
    accepting: readBoolean(group, 'printer-is-accepting-jobs') ?? true,
    queuedJobs: readNumber(group, 'queued-job-count'),
    markers: readMarkers(group),
    mediaReady: readStrings(group, 'media-ready'),
    mediaDefault: readString(group, 'media-default'),
    documentFormats: readStrings(group, 'document-format-supported'),
    color: readBoolean(group, 'color-supported'),
    sides: readStrings(group, 'sides-supported'),
    makeAndModel: readString(group, 'printer-make-and-model'),
  };
}
