import { succeed } from '../device/device-result.js';
import { ippFail } from './ipp-failure.js';
import type { IppResult } from './ipp-failure.js';

/** Document formats the kiosk sends: PDF proofs, or raw bytes (ESC/POS through a raw queue). */
export type DocumentFormat = 'application/pdf' | 'application/vnd.cups-raw';

/** The PWG media name of A4. */
export const A4_MEDIA = 'iso_a4_210x297mm';

/** One Print-Job as the client sends it. */
export interface PrintJobSpec {
  /** job-name: the journal job id (1..255 bytes), to find the job again after a crash. */
  readonly jobName: string;
  /** document-name: a title for technicians (no personal data). */
  readonly documentName?: string | undefined;
  /** copies, 1..99. Default 1. */
  readonly copies?: number | undefined;
  /** document-format. */
  readonly format: DocumentFormat;
  /** media keyword (PDF jobs), e.g. iso_a4_210x297mm. Default: the queue's. */
  readonly media?: string | undefined;
}

/** IPP name(MAX): 255 octets. */
const MAX_NAME_BYTES = 255;
/** More copies than this is a bug upstream, not a citizen's wish. */
const MAX_COPIES = 99;

/** Checks a job before it is encoded: typed `invalidJob` failures, never a throw. */
export function validatePrintJob(document: Uint8Array, spec: PrintJobSpec): IppResult<void> {
  const bad = (why: string) => ippFail('invalidJob', 'software', 'softwareError', why);
  const nameBytes = Buffer.byteLength(spec.jobName, 'utf8');
  if (nameBytes === 0 || nameBytes > MAX_NAME_BYTES) return bad('job name must be 1..255 bytes');
  if (spec.documentName !== undefined && Buffer.byteLength(spec.documentName) > MAX_NAME_BYTES)
    return bad('title must be at most 255 bytes');
  if (spec.copies !== undefined && !(Number.isInteger(spec.copies) && spec.copies >= 1))
    return bad('copies must be a whole number from 1');
  if (spec.copies !== undefined && spec.copies > MAX_COPIES)
    return bad(`at most ${MAX_COPIES} copies`);
  if (document.length === 0) return bad('the document is empty');
  if (spec.format === 'application/pdf' && !looksLikePdf(document))
    return bad('the document is not a PDF (no %PDF- header)');
  return succeed(undefined);
}

/** True when the bytes start with a PDF header (allowing a little leading junk, as readers do). */
export function looksLikePdf(document: Uint8Array): boolean {
  return Buffer.from(document.subarray(0, 1024)).includes('%PDF-');
}
