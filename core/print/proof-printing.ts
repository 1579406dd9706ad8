import type { PrintStage, ProofType, ReceiptDocument } from '../../contract/index.js';
import type { PrintJournal, TechnicianNote } from '../../offline-cache/print-journal.js';
import type { Logger } from '../log.js';
import { printJournaledSlip } from './journaled-slip.js';
import type { PreparedProofEntry, PreparedProofs } from './prepared-proofs.js';
import type { A4Spooler, PrintFailure, PrintOutcome, SlipPrinter } from './ports.js';
import type { SpoolStore } from './spool-store.js';

/** What printing a proof needs. */
export interface PrintingDeps {
  /** The journal: every job recorded before printing. */
  journal: PrintJournal;
  /** This session's prepared proofs. */
  prepared: PreparedProofs;
  /** PDFs kept for reprints. */
  spool: SpoolStore;
  /** The A4 printer, when installed. */
  spooler: A4Spooler | undefined;
  /** The receipt printer, when installed. */
  slips: SlipPrinter | undefined;
  /** The acceptance receipt for a printed proof. */
  receiptFor: (entry: PreparedProofEntry, jobId: string) => ReceiptDocument;
  /** Logger (no personal data). */
  log: Logger;
}

/** What a finished proof print reports. */
export interface ProofPrinted {
  /** Journal id. */
  jobId: string;
  /** Pages printed. */
  pages: number;
  /** Whether the receipt printed too. */
  receiptPrinted: boolean;
}

/** What a finished reprint reports. */
export interface ProofReprinted {
  /** Journal id of the new job. */
  jobId: string;
  /** The reprinted proof's id (the job's document). */
  proofId: string;
  /** Pages printed. */
  pages: number;
  /** Which proof; absent when the original job was recorded before the journal kept it. */
  proofType?: ProofType;
}

const failure = (
  code: string,
  message: string,
  completionCode: PrintFailure['completionCode'],
  action: PrintFailure['action'] = 'clear',
): { ok: false; error: PrintFailure } => ({
  ok: false,
  error: { code, message, action, completionCode },
});

const NO_DOCUMENT_PRINTER = failure(
  'noDocumentPrinter',
  'no A4 printer installed',
  'deviceNotReady',
  'configuration',
);

/**
 * Prints a prepared proof: journal first (a crash after this line leaves a trace), then the
 * spooler, then the outcome, then the acceptance receipt. Once the spooler has the job the
 * citizen's cancel no longer stops it: paper already moving is followed to its end.
 */
export async function printProof(
  deps: PrintingDeps,
  proofId: string,
  stage: (stage: PrintStage) => void,
  signal: AbortSignal,
): Promise<PrintOutcome<ProofPrinted>> {
  const entry = deps.prepared.get(proofId);
  if (!entry) return failure('notPrepared', 'prepare the proof first', 'sequenceError');
  if (!deps.spooler) return NO_DOCUMENT_PRINTER;
  const recorded = deps.journal.record({
    kind: 'proof',
    document: proofId,
    pages: entry.pageCount,
    proofType: entry.proof.content.type,
  });
  if (!recorded.ok) {
    return failure(
      'alreadyPrinted',
      'this proof was printed before; staff can reprint it',
      'commandErrorCode',
    );
  }
  const { jobId } = recorded;
  deps.spool.write(jobId, entry.pdf);
  stage('recorded');
  const printed = await spool(deps, deps.spooler, jobId, entry.pdf, proofId, stage, signal);
  if (!printed.ok) return printed;
  stage('receipt');
  const receiptPrinted = await printReceipt(deps, entry, jobId, signal);
  return { ok: true, value: { jobId, pages: entry.pageCount, receiptPrinted } };
}

/** A technician's explicit reprint of a proof job, from the kept PDF. */
export async function reprintProof(
  deps: PrintingDeps,
  originalJobId: string,
  note: TechnicianNote,
  signal: AbortSignal,
): Promise<PrintOutcome<ProofReprinted>> {
  if (!deps.spooler) return NO_DOCUMENT_PRINTER;
  const pdf = deps.spool.read(originalJobId);
  if (!pdf) return failure('notKept', 'the PDF of that job is no longer kept', 'invalidData');
  const recorded = deps.journal.recordReprint(originalJobId, note);
  if (!recorded.ok)
    return failure(recorded.code, `cannot reprint: ${recorded.code}`, 'invalidData');
  const { jobId } = recorded;
  deps.spool.write(jobId, pdf);
  deps.log.warn(
    { jobId, reprintOf: originalJobId, technicianId: note.technicianId },
    'print.reprint',
  );
  const job = deps.journal.get(jobId);
  const proofId = job?.document ?? 'proof';
  const printed = await spool(deps, deps.spooler, jobId, pdf, proofId, () => {}, signal);
  if (!printed.ok) return printed;
  const pages = job?.pages ?? 1;
  return {
    ok: true,
    value: { jobId, proofId, pages, ...(job?.proofType ? { proofType: job.proofType } : {}) },
  };
}

async function spool(
  deps: PrintingDeps,
  spooler: A4Spooler,
  jobId: string,
  pdf: Uint8Array,
  title: string,
  stage: (stage: PrintStage) => void,
  signal: AbortSignal,
): Promise<PrintOutcome<void>> {
  let submitted = false;
  // Not the citizen's signal: once CUPS has the job, we follow it whatever the screen does.
  const follow = new AbortController();
  const cancelBeforeSubmit = () => {
    if (!submitted) follow.abort();
  };
  signal.addEventListener('abort', cancelBeforeSubmit, { once: true });
  try {
    const result = await spooler.print(
      pdf,
      { jobName: jobId, title },
      {
        submitted: (spoolerJobId) => {
          submitted = true;
          deps.journal.submitted(jobId, spoolerJobId);
          stage('submitted');
        },
        printing: () => stage('printing'),
      },
      follow.signal,
    );
    if (result.ok) {
      deps.journal.finish(jobId, 'completed');
      deps.log.info({ jobId, spoolerJobId: result.value.spoolerJobId }, 'print.proof.completed');
      stage('completed');
      return { ok: true, value: undefined };
    }
    const state = result.error.code === 'canceled' ? 'canceled' : 'failed';
    deps.journal.finish(jobId, state, result.error.code);
    deps.log.warn({ jobId, errorCode: result.error.code }, 'print.proof.failed');
    return result;
  } finally {
    signal.removeEventListener('abort', cancelBeforeSubmit);
  }
}

async function printReceipt(
  deps: PrintingDeps,
  entry: PreparedProofEntry,
  proofJobId: string,
  signal: AbortSignal,
): Promise<boolean> {
  if (!deps.slips) return false;
  const receipt = deps.receiptFor(entry, proofJobId);
  const document = `acceptance:${entry.proof.content.proofId}`;
  return printJournaledSlip(deps.journal, deps.slips, receipt, document, signal);
}
