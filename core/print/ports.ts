import type {
  CompletionCode,
  ErrorAction,
  Locale,
  ProofType,
  ReceiptDocument,
  SignedProof,
} from '../../contract/index.js';

/** Why a print step failed: typed, with what a person must do and the completion code to send. */
export interface PrintFailure {
  /** Machine-readable cause, e.g. "alreadyPrinted", "noRecord", "mediaEmpty". */
  code: string;
  /** Technician-facing text, no personal data. */
  message: string;
  /** What a person must do. */
  action: ErrorAction;
  /** The command's completion code. */
  completionCode: Exclude<CompletionCode, 'success'>;
}

/** A value or a typed failure. */
export type PrintOutcome<T> = { ok: true; value: T } | { ok: false; error: PrintFailure };

/** Where proofs come from: the central platform, verified against its published keys. */
export interface ProofSource {
  /** The proof of `type` for the person, signature checked. */
  fetch(
    type: ProofType,
    person: { name: string; idNumber: string },
    signal: AbortSignal,
  ): Promise<PrintOutcome<SignedProof>>;
}

/** Lays a proof out as an A4 PDF (pdfkit in a worker thread). */
export interface ProofLayout {
  /** The PDF and its page count. */
  render(request: {
    proof: SignedProof;
    locale: Locale;
    kioskId: string;
    printedAt: string;
  }): Promise<PrintOutcome<{ pdf: Uint8Array; pageCount: number }>>;
}

/** A spooler job's state as far as the kiosk cares. */
export type SpoolerJobState = 'pending' | 'completed' | 'failed' | 'canceled';

/** The A4 printer behind its spooler (CUPS). */
export interface A4Spooler {
  /** Submits (job name = journal id) and follows the job to its end. */
  print(
    pdf: Uint8Array,
    job: { jobName: string; title: string },
    events: { submitted: (spoolerJobId: number) => void; printing: () => void },
    signal: AbortSignal,
  ): Promise<PrintOutcome<{ spoolerJobId: number }>>;
  /** Finds a job by its name after a crash; undefined when the spooler never got it. */
  find(
    jobName: string,
    signal: AbortSignal,
  ): Promise<PrintOutcome<{ spoolerJobId: number; state: SpoolerJobState } | undefined>>;
  /** Follows a pending job to its end. */
  follow(spoolerJobId: number, signal: AbortSignal): Promise<PrintOutcome<SpoolerJobState>>;
}

/** The receipt printer. */
export interface SlipPrinter {
  /** Prints one receipt document. */
  print(document: ReceiptDocument, signal: AbortSignal): Promise<PrintOutcome<void>>;
}
