import type { SubmissionKind } from '../../contract/platform-api.js';
import type { KioskDatabase } from '../database.js';
import { prepareMaterialErase } from '../materials/material-rows.js';
import type { ClaimCodes } from './claim-code.js';
import { outboxFailure, type OutboxFailure } from './outbox-failure.js';

/** A request the platform refused (or the kiosk could not read), waiting for a technician. */
export interface DeadLetter {
  /** Its key. */
  idempotencyKey: string;
  /** What it is. */
  kind: SubmissionKind;
  /** When the citizen made the request (kiosk time), ISO 8601. */
  createdAt: string;
  /** The code on the citizen's claim ticket (to find the citizen's paper). */
  claimCode: string;
  /** Its ordering group, if any. */
  orderingKey?: string;
  /** Its position in that group. */
  sequence?: number;
  /** Why: the platform's errorCode, or 'keyReused', or 'payloadUnreadable' (kiosk side). */
  errorCode: string;
  /** The platform's message (no personal data). */
  message?: string;
  /** Deliveries tried. */
  attempts: number;
  /** When it was parked (kiosk time), ISO 8601. */
  deadLetteredAt: string;
  /** Later items of its ordering group held behind it. */
  holding: number;
}

interface Row {
  request_id: number;
  idempotency_key: string;
  kind: SubmissionKind;
  created_at: string;
  ordering_key: string | null;
  sequence: number | null;
  error_code: string;
  message: string | null;
  attempts: number;
  dead_lettered_at: string;
  holding: number;
}

/**
 * Dead letters stay until a technician acts: `requeue` (after fixing the cause, e.g. the platform
 * accepted a correction) puts the request back in the queue, in its original place (it is an old
 * request), with the same key;
 * `discard` gives it up and erases its payload and materials (in the same transaction). Either
 * way the decision is kept with who and why.
 * While a dead letter is open, later items of its ordering group are held (not sent): the
 * platform applies a group in order, and sending item n+1 without n would only fail or, worse,
 * succeed out of order.
 */
export class DeadLetterList {
  constructor(
    private readonly db: KioskDatabase,
    private readonly now: () => Date,
    private readonly claimCodes: ClaimCodes,
  ) {}

  /** Open dead letters. */
  openCount(): number {
    return this.db
      .prepare('SELECT count(*) FROM dead_letters WHERE resolution IS NULL')
      .pluck()
      .get() as number;
  }

  /** Open dead letters, oldest first. */
  list(limit = 100): DeadLetter[] {
    const rows = this.db
      .prepare(
        `SELECT d.request_id, r.idempotency_key, r.kind, r.created_at, d.ordering_key, d.sequence,
           d.error_code,
           d.message, d.attempts, d.dead_lettered_at,
           (SELECT count(*) FROM outbox o WHERE o.ordering_key = d.ordering_key
              AND o.sequence > d.sequence) AS holding
         FROM dead_letters d JOIN requests r USING (request_id)
         WHERE d.resolution IS NULL ORDER BY d.dead_letter_id LIMIT ?`,
      )
      .all(limit) as Row[];
    return rows.map((row) => toDeadLetter(row, this.claimCodes.forRequest(row.request_id)));
  }

  /** Settles an open dead letter (see the class comment). */
  resolve(
    idempotencyKey: string,
    resolution: 'requeue' | 'discard',
    note: { technicianId: string; reason: string },
  ): { ok: true } | OutboxFailure {
    const at = this.now().toISOString();
    return this.db.transaction((): { ok: true } | OutboxFailure => {
      const open = this.db
        .prepare(
          `SELECT d.dead_letter_id AS id, d.request_id, d.ordering_key, d.sequence, r.kind
           FROM dead_letters d JOIN requests r USING (request_id)
           WHERE r.idempotency_key = ? AND d.resolution IS NULL`,
        )
        .get(idempotencyKey) as
        | {
            id: number;
            request_id: number;
            ordering_key: string | null;
            sequence: number | null;
            kind: string;
          }
        | undefined;
      if (!open) {
        return outboxFailure('notDeadLettered', 'no open dead letter has that key', 'clear');
      }
      this.db
        .prepare(
          `UPDATE dead_letters SET resolution = ?, resolved_at = ?, resolved_by = ?,
             resolution_reason = ? WHERE dead_letter_id = ?`,
        )
        .run(
          resolution === 'requeue' ? 'requeued' : 'discarded',
          at,
          note.technicianId,
          note.reason,
          open.id,
        );
      if (resolution === 'requeue') {
        this.db
          .prepare(`UPDATE requests SET status = 'queued', updated_at = ? WHERE request_id = ?`)
          .run(at, open.request_id);
        this.db
          .prepare(
            `INSERT INTO outbox (request_id, idempotency_key, kind, ordering_key, sequence)
             VALUES (?, ?, ?, ?, ?)`,
          )
          .run(open.request_id, idempotencyKey, open.kind, open.ordering_key, open.sequence);
      } else {
        this.db
          .prepare(
            `UPDATE requests SET status = 'discarded', payload = NULL, purged_at = ?, updated_at = ?
             WHERE request_id = ?`,
          )
          .run(at, at, open.request_id);
        prepareMaterialErase(this.db)(open.request_id, at);
      }
      return { ok: true };
    })();
  }
}

function toDeadLetter(row: Row, claimCode: string): DeadLetter {
  return {
    idempotencyKey: row.idempotency_key,
    kind: row.kind,
    createdAt: row.created_at,
    claimCode,
    errorCode: row.error_code,
    attempts: row.attempts,
    deadLetteredAt: row.dead_lettered_at,
    holding: row.holding,
    ...(row.ordering_key !== null ? { orderingKey: row.ordering_key } : {}),
    ...(row.sequence !== null ? { sequence: row.sequence } : {}),
    ...(row.message !== null ? { message: row.message } : {}),
  };
}
