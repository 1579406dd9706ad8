import {
  PROOF_TYPES,
  type PrintJobKind,
  type PrintJobState,
  type PrintJobSummary,
  type ProofType,
} from '../contract/index.js';
import type { KioskDatabase } from './database.js';
import { UlidFactory } from './ulid.js';

/** A job about to be printed. */
export interface NewPrintJob {
  /** Proof or receipt. */
  kind: PrintJobKind;
  /** Proof id or receipt template name + its record id. */
  document: string;
  /** Pages it will print. */
  pages: number;
  /** Which proof, for proof jobs (a reprint is reported to the platform with it). */
  proofType?: ProofType;
}

/** Who asked for a reprint, and why (kept in the job's events). */
export interface TechnicianNote {
  /** Staff id. */
  technicianId: string;
  /** Their reason. */
  reason: string;
}

/** One journal row. */
export interface PrintJobRecord extends PrintJobSummary {
  /** The spooler's job id (CUPS), once submitted. */
  spoolerJobId?: number;
  /** Which proof a proof job prints; absent for receipts and for jobs recorded before schema 5. */
  proofType?: ProofType;
}

/** A proof job that came out of the printer: what the platform's audit record needs. */
export interface CompletedProof {
  /** The journal job. */
  jobId: string;
  /** The proof printed. */
  proofId: string;
  /** Which proof; absent for jobs recorded before schema 5. */
  proofType?: ProofType;
  /** Pages printed. */
  pages: number;
  /** True for a technician's reprint. */
  reprint: boolean;
  /** When the journal recorded the completion (kiosk clock), ISO 8601. */
  completedAt: string;
}

/** Journal options. */
export interface PrintJournalOptions {
  /** Clock. */
  now?: () => Date;
  /**
   * Called inside the transaction that marks a proof job completed — by the printer's answer,
   * crash recovery or a technician — so what it writes to the same database (the platform's audit
   * record in the outbox) commits with the completion or not at all. It must not throw.
   */
  onProofCompleted?: (proof: CompletedProof) => void;
}

/** Why the journal refused a step. */
export type JournalRefusal =
  | { ok: false; code: 'alreadyPrinted'; jobId: string }
  | { ok: false; code: 'noSuchJob' | 'notReprintable' | 'notUnknown'; jobId: string };

/** States in which a job is finished. */
const TERMINAL: readonly PrintJobState[] = ['completed', 'failed', 'canceled'];

interface Row {
  job_id: string;
  kind: PrintJobKind;
  document: string;
  pages: number;
  state: PrintJobState;
  spooler_job_id: number | null;
  error_code: string | null;
  reprint_of: string | null;
  proof_type: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * The durable record of every print. A job is committed as "recorded" before the printer sees it
 * and moves on only after the printer answers, so after a crash the kiosk knows which jobs may
 * have printed. A second original print of the same document is refused by the database itself
 * (a partial unique index); printing again takes an explicit reprint with a technician's note.
 */
export class PrintJournal {
  private readonly ids: UlidFactory;
  private readonly now: () => Date;

  constructor(
    private readonly db: KioskDatabase,
    private readonly options: PrintJournalOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.ids = new UlidFactory(() => this.now().getTime());
  }

  /** Records a new original job; refused when the document was already printed. */
  record(job: NewPrintJob): { ok: true; jobId: string } | JournalRefusal {
    const existing = this.original(job.kind, job.document);
    if (existing) return { ok: false, code: 'alreadyPrinted', jobId: existing.jobId };
    return { ok: true, jobId: this.insert(job, null, 'recorded', {}) };
  }

  /** Records an explicit reprint of a proof job, with the technician's note as an event. */
  recordReprint(of: string, note: TechnicianNote): { ok: true; jobId: string } | JournalRefusal {
    const original = this.get(of);
    if (!original) return { ok: false, code: 'noSuchJob', jobId: of };
    if (original.kind !== 'proof') return { ok: false, code: 'notReprintable', jobId: of };
    const job = {
      kind: original.kind,
      document: original.document,
      pages: original.pages,
      ...(original.proofType ? { proofType: original.proofType } : {}),
    };
    return { ok: true, jobId: this.insert(job, of, 'reprint', note) };
  }

  /** The job was handed to the spooler (CUPS job id) or to the printer (receipts). */
  submitted(jobId: string, spoolerJobId?: number): void {
    this.update(jobId, 'submitted', { spoolerJobId });
  }

  /** The printer reported the outcome. */
  finish(jobId: string, state: 'completed' | 'failed' | 'canceled', errorCode?: string): void {
    this.update(jobId, state, { errorCode });
  }

  /** Nobody can tell any more whether the job printed: a technician must look. */
  markUnknown(jobId: string, errorCode: string): void {
    this.update(jobId, 'unknown', { errorCode });
  }

  /** A technician looked at the printer and settles an unknown job. */
  resolve(
    jobId: string,
    outcome: 'completed' | 'failed',
    note: TechnicianNote,
  ): { ok: true } | JournalRefusal {
    const job = this.get(jobId);
    if (!job) return { ok: false, code: 'noSuchJob', jobId };
    if (job.state !== 'unknown') return { ok: false, code: 'notUnknown', jobId };
    this.db.transaction(() => {
      this.update(jobId, outcome, { errorCode: job.errorCode });
      this.event(jobId, 'resolved', { outcome, ...note });
    })();
    return { ok: true };
  }

  /** One job. */
  get(jobId: string): PrintJobRecord | undefined {
    const row = this.db.prepare('SELECT * FROM print_jobs WHERE job_id = ?').get(jobId);
    return row ? toRecord(row as Row) : undefined;
  }

  /** The live original job of a document (not failed, not canceled), if any. */
  original(kind: PrintJobKind, document: string): PrintJobRecord | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM print_jobs WHERE kind = ? AND document = ? AND reprint_of IS NULL
           AND state NOT IN ('failed', 'canceled')`,
      )
      .get(kind, document);
    return row ? toRecord(row as Row) : undefined;
  }

  /** Jobs a crash may have interrupted: recorded or submitted, oldest first. */
  interrupted(): PrintJobRecord[] {
    const rows = this.db
      .prepare(`SELECT * FROM print_jobs WHERE state IN ('recorded', 'submitted') ORDER BY job_id`)
      .all() as Row[];
    return rows.map(toRecord);
  }

  /** Jobs newest first; with attentionOnly, just unknown and failed ones. */
  list(options: { attentionOnly: boolean; limit: number }): PrintJobRecord[] {
    const where = options.attentionOnly ? `WHERE state IN ('unknown', 'failed')` : '';
    const rows = this.db
      .prepare(`SELECT * FROM print_jobs ${where} ORDER BY job_id DESC LIMIT ?`)
      .all(options.limit) as Row[];
    return rows.map(toRecord);
  }

  /** A job's audit trail: every state change and note, oldest first. */
  events(jobId: string): { at: string; event: string; detail: Record<string, unknown> }[] {
    const rows = this.db
      .prepare('SELECT at, event, detail FROM print_job_events WHERE job_id = ? ORDER BY event_id')
      .all(jobId) as { at: string; event: string; detail: string }[];
    return rows.map((r) => ({ at: r.at, event: r.event, detail: JSON.parse(r.detail) }));
  }

  private insert(
    job: NewPrintJob,
    reprintOf: string | null,
    event: string,
    detail: object,
  ): string {
    const jobId = this.ids.next();
    const at = this.now().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO print_jobs (job_id, kind, document, pages, state, reprint_of, proof_type,
             created_at, updated_at) VALUES (?, ?, ?, ?, 'recorded', ?, ?, ?, ?)`,
        )
        .run(jobId, job.kind, job.document, job.pages, reprintOf, job.proofType ?? null, at, at);
      this.event(jobId, event, { ...detail, ...(reprintOf ? { reprintOf } : {}) });
    })();
    return jobId;
  }

  private update(
    jobId: string,
    state: PrintJobState,
    extra: { spoolerJobId?: number | undefined; errorCode?: string | undefined },
  ): void {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      const result = this.db
        .prepare(
          `UPDATE print_jobs SET state = ?, updated_at = ?,
             spooler_job_id = COALESCE(?, spooler_job_id), error_code = ?
           WHERE job_id = ? AND state NOT IN (${TERMINAL.map(() => '?').join(', ')})`,
        )
        .run(state, at, extra.spoolerJobId ?? null, extra.errorCode ?? null, jobId, ...TERMINAL);
      if (result.changes !== 1) return;
      this.event(jobId, state, extra);
      if (state === 'completed') this.reportCompletion(jobId, at);
    })();
  }

  private reportCompletion(jobId: string, at: string): void {
    const job = this.get(jobId);
    if (!job || job.kind !== 'proof' || !this.options.onProofCompleted) return;
    this.options.onProofCompleted({
      jobId,
      proofId: job.document,
      ...(job.proofType ? { proofType: job.proofType } : {}),
      pages: job.pages,
      reprint: job.reprintOf !== undefined,
      completedAt: at,
    });
  }

  private event(jobId: string, event: string, detail: object): void {
    this.db
      .prepare('INSERT INTO print_job_events (job_id, at, event, detail) VALUES (?, ?, ?, ?)')
      .run(jobId, this.now().toISOString(), event, JSON.stringify(detail));
  }
}

function toRecord(row: Row): PrintJobRecord {
  return {
    jobId: row.job_id,
    kind: row.kind,
    document: row.document,
    pages: row.pages,
    state: row.state,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.reprint_of ? { reprintOf: row.reprint_of } : {}),
    ...(row.error_code ? { errorCode: row.error_code } : {}),
    ...(row.spooler_job_id !== null ? { spoolerJobId: row.spooler_job_id } : {}),
    ...(isProofType(row.proof_type) ? { proofType: row.proof_type } : {}),
  };
}

function isProofType(value: string | null): value is ProofType {
  return (PROOF_TYPES as readonly (string | null)[]).includes(value);
}
