import type {
  ApplicationErrorCode,
  CompletionCode,
  ErrorAction,
  Locale,
  ReceiptDocument,
} from '../../contract/index.js';
import type { ApplicationMatter } from '../../contract/platform-api.js';
import type { OutboxFailure } from '../../offline-cache/outbox/outbox-failure.js';
import type { Enqueued, NewRequest } from '../../offline-cache/outbox/outbox-types.js';
import type { Logger } from '../log.js';
import type { SessionPerson } from '../print/proof-preparation.js';
import type { ApplicationDraft } from './application-draft.js';

/** Why an application step failed: the contract's code, what to do, and the completion code. */
export interface ApplicationFailure {
  /** Machine-readable cause (the completion payload's errorCode). */
  code: ApplicationErrorCode;
  /** Technician-facing text, no personal data. */
  message: string;
  /** What a person must do. */
  action: ErrorAction;
  /** The command's completion code. */
  completionCode: Exclude<CompletionCode, 'success'>;
}

/** One scanned page, or why not (a cancel is its own answer). */
export type ScanOutcome =
  | { ok: true; image: Uint8Array }
  | { ok: false; canceled: true }
  | { ok: false; canceled?: false; error: ApplicationFailure };

/** The document scanner as the application flow needs it. */
export interface ApplicationScanner {
  /** Scans one page from the glass to memory (PNG), reporting percent done. */
  scan(onProgress: (percent: number) => void, signal: AbortSignal): Promise<ScanOutcome>;
}

/** The durable outbox and its delivery, as the application flow needs them. */
export interface ApplicationQueue {
  /** Whether a new request can be saved now (room on disk, queue not full). */
  canAccept(): { ok: true } | OutboxFailure;
  /** Saves the request with its materials in one transaction; a typed failure saves nothing. */
  enqueue(request: NewRequest): Enqueued | OutboxFailure;
  /** Resolves once the platform confirmed the request, or 'pending' after `timeoutMs`. */
  waitForConfirmation(idempotencyKey: string, timeoutMs: number): Promise<'confirmed' | 'pending'>;
  /** The platform's tracking number of a confirmed request. */
  trackingNumber(idempotencyKey: string): string | undefined;
}

/** What the receipt of a submitted application says. */
export interface ApplicationReceiptRequest {
  /** Sent (acceptance receipt) or queued (claim ticket). */
  outcome: 'submitted' | 'queued';
  /** The matter, for its title. */
  matter: ApplicationMatter;
  /** The claim code, formatted. */
  claimCode: string;
  /** Tracking number, when submitted. */
  trackingNumber?: string;
  /** Pages handed in. */
  pages: number;
  /** The applicant, masked. */
  person: SessionPerson;
  /** When it was saved, ISO 8601. */
  savedAt: string;
  /** The receipt's language. */
  locale: Locale;
}

/** Prints an application's receipt or claim ticket (journaled); false when it did not print. */
export type ApplicationReceiptPrinter = (
  document: ReceiptDocument,
  name: string,
  signal: AbortSignal,
) => Promise<boolean>;

/** Everything the application handlers need. */
export interface ApplicationDeps {
  /** The pages scanned so far. */
  draft: ApplicationDraft;
  /** The scanner, when installed. */
  scanner: ApplicationScanner | undefined;
  /** The outbox. */
  queue: ApplicationQueue;
  /** Matters in the current catalogue. */
  matters: () => readonly ApplicationMatter[];
  /** The person in the current session, if any. */
  person: () => SessionPerson | undefined;
  /** True while the platform answers (else the flow does not wait for a confirmation). */
  platformOnline: () => boolean;
  /** Lays the receipt or claim ticket out. */
  receiptFor: (request: ApplicationReceiptRequest) => ReceiptDocument;
  /** Prints it; undefined when no receipt printer is installed. */
  printReceipt: ApplicationReceiptPrinter | undefined;
  /** How long a submission waits for the platform's confirmation. */
  confirmWaitMs: number;
  log: Logger;
}

/** A typed failure. */
export function applicationFailure(
  code: ApplicationErrorCode,
  message: string,
  action: ErrorAction,
  completionCode: Exclude<CompletionCode, 'success'>,
): ApplicationFailure {
  return { code, message, action, completionCode };
}
