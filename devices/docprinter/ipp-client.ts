import { succeed } from '../device/device-result.js';
import { realTimers } from '../util/timers.js';
import type { Timers } from '../util/timers.js';
import { decodeIppResponse, encodeIppRequest } from './ipp-codec.js';
import type { IppRequest } from './ipp-codec.js';
import { ippFail, ippStatusFailure } from './ipp-failure.js';
import type { IppResult, IppSubject } from './ipp-failure.js';
import { DEFAULT_MAX_RESPONSE_BYTES, postIpp } from './ipp-http.js';
import { IPP_OPERATIONS, isIppSuccess } from './ipp-operations.js';
import type { WhichJobs } from './ipp-operations.js';
import { readJobInfo, readJobList, readPrinterInfo } from './ipp-records.js';
import type { JobInfo, JobSummary, PrinterInfo } from './ipp-records.js';
import { GROUP_TAGS } from './ipp-types.js';
import type { IppAttribute, IppMessage } from './ipp-types.js';
import { integer, readNumber, groupOf, strings } from './ipp-values.js';
import { validatePrintJob } from './print-job-spec.js';
import type { PrintJobSpec } from './print-job-spec.js';

export type { JobInfo, JobSummary, PrinterInfo } from './ipp-records.js';
export type { PrintJobSpec } from './print-job-spec.js';

/** Where the queue is and who asks. */
export interface IppClientOptions {
  /** CUPS host. Default 127.0.0.1. */
  readonly host?: string | undefined;
  /** CUPS port. Default 631. */
  readonly port?: number | undefined;
  /** The CUPS queue (printer name). */
  readonly queue: string;
  /**
   * requesting-user-name of every request. CUPS hides job-name from other users and lets only
   * the owner cancel, so it must stay the same across restarts. Default "kiosk".
   */
  readonly requestingUserName?: string | undefined;
  /** Timeout of a call that names none. Default 10000 ms. */
  readonly defaultTimeoutMs?: number | undefined;
  /** Clock for timeouts. Default the real one. */
  readonly timers?: Timers | undefined;
}

/** How one call is bounded. */
export interface CallLimits {
  /** Fails with timeOut after this many milliseconds. Default the client's. */
  readonly timeoutMs?: number | undefined;
  /** Fails with cancelled when aborted. */
  readonly signal?: AbortSignal | undefined;
}

/** What Print-Job answered. */
export interface SubmittedJob {
  /** CUPS job id. */
  readonly jobId: number;
  /** job-state right after submission (usually pending or processing). */
  readonly state?: number | undefined;
}

/** Attributes Get-Printer-Attributes asks for: status, supplies, media, what it can print. */
const PRINTER_ATTRIBUTES = [
  'printer-state',
  'printer-state-reasons',
  'printer-state-message',
  'printer-is-accepting-jobs',
  'queued-job-count',
  'marker-names',
  'marker-types',
  'marker-levels',
  'marker-low-levels',
  'marker-high-levels',
  'media-ready',
  'media-default',
  'document-format-supported',
  'color-supported',
  'sides-supported',
  'printer-make-and-model',
];

/** Attributes Get-Job-Attributes asks for. */
const JOB_ATTRIBUTES = [
  'job-id',
  'job-name',
  'job-state',
  'job-state-reasons',
  'job-state-message',
  'job-printer-state-message',
  'job-impressions-completed',
  'job-media-sheets-completed',
];

/**
 * An IPP client for one CUPS queue over HTTP (POST application/ipp to /printers/QUEUE). Every
 * call has a timeout and an AbortSignal and resolves to a typed result, never a rejection:
 * cupsd down is `connectionRefused`, a bad answer is `badResponse`, an IPP error status is
 * mapped by ipp-failure.ts.
 */
export class IppClient {
  /** CUPS host. */
  readonly host: string;
  /** CUPS port. */
  readonly port: number;
  /** The queue. */
  readonly queue: string;
  /** requesting-user-name of every request. */
  readonly userName: string;
  private readonly timeoutMs: number;
  private readonly timers: Timers;
  private requestId = 0;

  constructor(options: IppClientOptions) {
    this.host = options.host ?? '127.0.0.1';
    this.port = options.port ?? 631;
    this.queue = options.queue;
    this.userName = options.requestingUserName ?? 'kiosk';
    this.timeoutMs = options.defaultTimeoutMs ?? 10_000;
    this.timers = options.timers ?? realTimers;
  }

  /** ipp://host:port/printers/QUEUE */
  get printerUri(): string {
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    return `ipp://${host}:${this.port}${this.path}`;
  }

  private get path(): string {
    return `/printers/${encodeURIComponent(this.queue)}`;
  }

  /** Print-Job: submits one document; job-name is the caller's id for finding it again. */
  async printJob(
    document: Uint8Array,
    spec: PrintJobSpec,
    limits: CallLimits = {},
  ): Promise<IppResult<SubmittedJob>> {
    const valid = validatePrintJob(document, spec);
    if (!valid.ok) return valid;
    const operation: IppAttribute[] = [];
    if (spec.documentName !== undefined)
      operation.push(strings('name', 'document-name', spec.documentName));
    const job: IppAttribute[] = [];
    if (spec.copies !== undefined && spec.copies !== 1) job.push(integer('copies', spec.copies));
    if (spec.media !== undefined) job.push(strings('keyword', 'media', spec.media));
    const answer = await this.call(
      {
        operation: IPP_OPERATIONS.printJob,
        jobName: spec.jobName,
        documentFormat: spec.format,
        operationAttributes: operation,
        jobAttributes: job,
        document,
      },
      limits,
      { queue: this.queue },
    );
    if (!answer.ok) return answer;
    const group = groupOf(answer.value, GROUP_TAGS.job);
    const jobId = readNumber(group, 'job-id');
    if (jobId === undefined)
      return ippFail('badResponse', 'software', 'softwareError', 'Print-Job answer has no job-id');
    return succeed({ jobId, state: readNumber(group, 'job-state') });
  }

  /** Get-Job-Attributes: state (3..9), reasons, pages done. */
  async getJobAttributes(jobId: number, limits: CallLimits = {}): Promise<IppResult<JobInfo>> {
    const answer = await this.call(
      {
        operation: IPP_OPERATIONS.getJobAttributes,
        target: { printerUri: this.printerUri, jobId },
        operationAttributes: [strings('keyword', 'requested-attributes', ...JOB_ATTRIBUTES)],
      },
      limits,
      { jobId },
    );
    if (!answer.ok) return answer;
    const info = readJobInfo(groupOf(answer.value, GROUP_TAGS.job), jobId);
    return info === undefined
      ? ippFail('badResponse', 'software', 'softwareError', `job ${jobId}: no job-state`)
      : succeed(info);
  }

  /** Get-Jobs on the queue: job-id, job-name, job-state of each, newest first. */
  async getJobs(which: WhichJobs, limits: CallLimits = {}): Promise<IppResult<JobSummary[]>> {
    const answer = await this.call(
      {
        operation: IPP_OPERATIONS.getJobs,
        operationAttributes: [
          strings('keyword', 'which-jobs', which),
          strings('keyword', 'requested-attributes', 'job-id', 'job-name', 'job-state'),
        ],
      },
      limits,
      { queue: this.queue },
    );
    return answer.ok ? succeed(readJobList(answer.value)) : answer;
  }

  /** Cancel-Job. A finished job answers client-error-not-possible (`notPossible`). */
  async cancelJob(jobId: number, limits: CallLimits = {}): Promise<IppResult<void>> {
    const answer = await this.call(
      { operation: IPP_OPERATIONS.cancelJob, target: { printerUri: this.printerUri, jobId } },
      limits,
      { jobId },
    );
    return answer.ok ? succeed(undefined) : answer;
  }

  /** Get-Printer-Attributes: state, reasons, accepting, supplies and media when reported. */
  async getPrinterAttributes(limits: CallLimits = {}): Promise<IppResult<PrinterInfo>> {
    const answer = await this.call(
      {
        operation: IPP_OPERATIONS.getPrinterAttributes,
        operationAttributes: [strings('keyword', 'requested-attributes', ...PRINTER_ATTRIBUTES)],
      },
      limits,
      { queue: this.queue },
    );
    if (!answer.ok) return answer;
    const info = readPrinterInfo(groupOf(answer.value, GROUP_TAGS.printer));
    return info === undefined
      ? ippFail('badResponse', 'software', 'softwareError', `${this.queue}: no printer-state`)
      : succeed(info);
  }

  /** Sends one request (printer-uri and requesting-user-name filled in) and checks the answer. */
  private async call(
    request: Omit<IppRequest, 'requestId' | 'requestingUserName'> & Partial<IppRequest>,
    limits: CallLimits,
    subject: IppSubject,
  ): Promise<IppResult<IppMessage>> {
    this.requestId = (this.requestId % 0x7fffffff) + 1;
    const requestId = this.requestId;
    const body = encodeIppRequest({
      target: { printerUri: this.printerUri },
      ...request,
      requestId,
      requestingUserName: this.userName,
    });
    const posted = await postIpp({
      host: this.host,
      port: this.port,
      path: this.path,
      body,
      timeoutMs: limits.timeoutMs ?? this.timeoutMs,
      signal: limits.signal,
      timers: this.timers,
      maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
    });
    if (!posted.ok) return posted;
    const decoded = decodeIppResponse(posted.value);
    if (!decoded.ok) {
      const { code, offset, description } = decoded.error;
      const text = `undecodable IPP answer (${code} at byte ${offset}): ${description}`;
      return ippFail('badResponse', 'software', 'softwareError', text);
    }
    const message = decoded.value;
    if (message.requestId !== requestId) {
      const text = `IPP answer for request ${message.requestId}, expected ${requestId}`;
      return ippFail('badResponse', 'software', 'softwareError', text);
    }
    if (!isIppSuccess(message.code)) return ippStatusFailure(message.code, subject);
    return succeed(message);
  }
}
