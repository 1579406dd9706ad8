import { z } from 'zod';
import { PreviewUrl } from './preview-url.js';
import { IsoDate, Locale, ProofId, ProofType } from './proofs.js';

/** What kind of document a print job prints. */
export const PrintJobKind = z.enum([
  // An A4 proof on the document printer.
  'proof',
  // A receipt, collection slip or claim ticket on the receipt printer.
  'receipt',
]);
export type PrintJobKind = z.infer<typeof PrintJobKind>;

/**
 * A print job's state in the kiosk's journal. "recorded" is written before anything reaches a
 * printer; "unknown" means the kiosk stopped between submission and outcome and could not find
 * out afterwards, so a technician must look at the printer.
 */
export const PrintJobState = z.enum([
  'recorded',
  'submitted',
  'completed',
  'failed',
  'canceled',
  'unknown',
]);
export type PrintJobState = z.infer<typeof PrintJobState>;

/** One journal entry as the technician console sees it (no personal data). */
export const PrintJobSummary = z.strictObject({
  /** Journal id of the job. */
  jobId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/),
  /** Proof or receipt. */
  kind: PrintJobKind,
  /** The proof id, or the receipt template name. */
  document: z.string().min(1).max(64),
  /** Where the job is now. */
  state: PrintJobState,
  /** Pages (proofs) or 1 (receipts). */
  pages: z.number().int().min(1).max(500),
  /** When it was recorded, ISO 8601. */
  createdAt: z.iso.datetime(),
  /** When its state last changed, ISO 8601. */
  updatedAt: z.iso.datetime(),
  /** The job this one reprints, when it is an explicit reprint. */
  reprintOf: z.string().optional(),
  /** Machine-readable cause of a failure, e.g. "mediaEmpty", "printerStopped". */
  errorCode: z.string().max(64).optional(),
});
export type PrintJobSummary = z.infer<typeof PrintJobSummary>;

/** A proof laid out and ready to preview and print. */
export const PreparedProof = z.strictObject({
  /** The proof's id (also in its QR). */
  proofId: ProofId,
  /** Which proof. */
  type: ProofType,
  /** Locale it was laid out in. */
  locale: Locale,
  /** A4 pages. */
  pageCount: z.number().int().min(1).max(50),
  /** Same-origin URLs of page images (PNG), one per page; valid for this session only. */
  previewUrls: z.array(PreviewUrl),
  /** Last day a recipient should accept it. */
  validUntil: IsoDate,
  /** True when this proof was printed before: printing it again needs staff (a logged reprint). */
  alreadyPrinted: z.boolean(),
});
export type PreparedProof = z.infer<typeof PreparedProof>;

/** Stages a print passes through, reported as events while Proof.Print runs. */
export const PrintStage = z.enum(['recorded', 'submitted', 'printing', 'completed', 'receipt']);
export type PrintStage = z.infer<typeof PrintStage>;

/** Who did a technician's action and why (print journal, dead letters): fields to spread in. */
export const TechnicianNote = {
  /** Staff id of the technician, for the audit trail. */
  technicianId: z.string().regex(/^[A-Za-z0-9_-]{2,32}$/),
  /** Why, in the technician's words (kept in the audit trail, never logged). */
  reason: z.string().min(3).max(200),
};

/** Printing commands: the citizen's proof flow and the technician's journal tools. */
export const printCommands = {
  'Proof.Prepare': {
    payload: z.strictObject({
      /** Which proof the citizen asked for. */
      type: ProofType,
      /** The citizen's screen language; the proof is laid out in it. */
      locale: Locale,
    }),
    completion: PreparedProof,
    events: {},
  },
  'Proof.Print': {
    payload: z.strictObject({
      /** A proof prepared in this session. */
      proofId: ProofId,
    }),
    completion: z.strictObject({
      /** Journal id of the print job. */
      jobId: PrintJobSummary.shape.jobId,
      /** Pages printed. */
      pages: z.number().int().min(1).max(50),
      /** True when the receipt printed too (the proof counts as printed either way). */
      receiptPrinted: z.boolean(),
    }),
    events: {
      'Print.Progress': z.strictObject({
        /** Where the job is. */
        stage: PrintStage,
      }),
    },
  },
  'Print.ListJobs': {
    payload: z.strictObject({
      /** Only jobs a technician must look at (unknown outcome or failed). */
      attentionOnly: z.boolean(),
      /** Newest first, at most this many. */
      limit: z.number().int().min(1).max(500),
    }),
    completion: z.strictObject({
      /** The jobs, newest first. */
      jobs: z.array(PrintJobSummary),
    }),
    events: {},
  },
  'Print.Reprint': {
    payload: z.strictObject({
      /** The proof job to print again. */
      jobId: PrintJobSummary.shape.jobId,
      ...TechnicianNote,
    }),
    completion: z.strictObject({
      /** Journal id of the new job. */
      jobId: PrintJobSummary.shape.jobId,
    }),
    events: {},
  },
  'Print.ResolveJob': {
    payload: z.strictObject({
      /** A job whose outcome is unknown. */
      jobId: PrintJobSummary.shape.jobId,
      /** What the technician found at the printer. */
      outcome: z.enum(['completed', 'failed']),
      ...TechnicianNote,
    }),
    completion: z.strictObject({}),
    events: {},
  },
} as const;

/** Unsolicited printing events. */
export const printEvents = {
  /** Jobs whose outcome is unknown or that failed; sent at start-up and when one appears. */
  'Print.JobsNeedAttention': z.strictObject({
    /** Those jobs, newest first. */
    jobs: z.array(PrintJobSummary),
  }),
} as const;
