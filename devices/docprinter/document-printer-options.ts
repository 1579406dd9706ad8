import { DEFAULT_REOPEN_DELAYS } from '../device/connection-keeper.js';
import type { DeviceCounters } from '../device/device-counters.js';
import { failWith, succeed } from '../device/device-result.js';
import type { DeviceResult } from '../device/device-result.js';
import { realTimers } from '../util/timers.js';
import type { Timers } from '../util/timers.js';
import { A4_MEDIA } from './print-job-spec.js';

/** Options of a DocumentPrinter; every one but `queue` has a default. */
export interface DocumentPrinterOptions {
  /** The CUPS queue (printer name), e.g. "PDF" or "Kyocera_A4". */
  readonly queue: string;
  /** CUPS host. Default 127.0.0.1. */
  readonly host?: string | undefined;
  /** CUPS port. Default 631. */
  readonly port?: number | undefined;
  /** Device id in status and errors. Default "documentPrinter". */
  readonly id?: string | undefined;
  /** Pause between two printer-attribute polls while open. Default 2000 ms. */
  readonly pollIntervalMs?: number | undefined;
  /** Pause between two job-state polls while following a job. Default 500 ms. */
  readonly jobPollMs?: number | undefined;
  /** Longest a print may take from submission to its end. Default 180000 ms. */
  readonly jobTimeoutMs?: number | undefined;
  /** Timeout of one IPP request. Default 10000 ms. */
  readonly requestTimeoutMs?: number | undefined;
  /**
   * requesting-user-name. CUPS shows job names only to the job's owner and lets only the owner
   * cancel, so keep it the same across restarts. Default "kiosk".
   */
  readonly requestingUserName?: string | undefined;
  /** media of PDF jobs (PWG name); null = the queue's default. Default A4 (iso_a4_210x297mm). */
  readonly media?: string | null | undefined;
  /** First retry delay after CUPS stopped answering; doubles up to the max. Default 500 ms. */
  readonly reopenInitialDelayMs?: number | undefined;
  /** Cap of the retry delay. Default 3000 ms. */
  readonly reopenMaxDelayMs?: number | undefined;
  /** Statistics counters (pagesPrinted, jobs, jobsFailed, jobsCanceled). Default in memory. */
  readonly counters?: DeviceCounters | undefined;
  /** Clock and timers. Default the real ones. */
  readonly timers?: Timers | undefined;
  /** Receives operational log entries; never document content. Default none. */
  readonly log?: ((entry: PrinterLogEntry) => void) | undefined;
}

/** One operational log entry (job names are journal ids, never personal data). */
export interface PrinterLogEntry {
  /** Event name, e.g. "docprinter.jobFailed". */
  readonly event: string;
  /** Machine-readable details. */
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

/** Options with every default filled in. */
export type ResolvedPrinterOptions = Required<Omit<DocumentPrinterOptions, 'counters' | 'media'>> &
  Pick<DocumentPrinterOptions, 'counters'> & { readonly media: string | null };

/** Fills in the defaults; an explicit `undefined` means "the default". */
export function resolveDocumentPrinterOptions(o: DocumentPrinterOptions): ResolvedPrinterOptions {
  const given = Object.fromEntries(
    Object.entries(o).filter(([, value]) => value !== undefined),
  ) as DocumentPrinterOptions;
  return {
    host: '127.0.0.1',
    port: 631,
    id: 'documentPrinter',
    pollIntervalMs: 2000,
    jobPollMs: 500,
    jobTimeoutMs: 180_000,
    requestTimeoutMs: 10_000,
    requestingUserName: 'kiosk',
    reopenInitialDelayMs: DEFAULT_REOPEN_DELAYS.initialMs,
    reopenMaxDelayMs: DEFAULT_REOPEN_DELAYS.maxMs,
    timers: realTimers,
    log: () => {},
    ...given,
    media: given.media === undefined ? A4_MEDIA : given.media,
  };
}

/** Where a queue is: host, port, queue name. */
export interface QueueAddress {
  /** CUPS host. */
  readonly host: string;
  /** CUPS port. */
  readonly port: number;
  /** Queue name. */
  readonly queue: string;
}

/**
 * Parses "ipp://HOST:PORT/printers/QUEUE" (also http://, default port 631) — the form of
 * KIOSK_TEST_PORT_DOCUMENTPRINTER and of `lpstat -v`. A bad URI is a configuration failure.
 */
export function parsePrinterUri(uri: string): DeviceResult<QueueAddress> {
  const bad = (why: string) =>
    failWith('badPrinterUri', 'software', 'configuration', `printer URI "${uri}": ${why}`);
  let url: URL;
  try {
    url = new URL(uri.trim());
  } catch {
    return bad('not a URI (want ipp://HOST:PORT/printers/QUEUE)');
  }
  if (!['ipp:', 'http:'].includes(url.protocol)) return bad('scheme must be ipp or http');
  const match = /^\/printers\/([^/]+)\/?$/.exec(url.pathname);
  if (match === null) return bad('path must be /printers/QUEUE');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') return bad('no host');
  const port = url.port === '' ? 631 : Number(url.port);
  return succeed({ host, port, queue: decodeURIComponent(match[1] ?? '') });
}
