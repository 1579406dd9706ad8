import type { SubmissionItem, SubmissionKind } from '../../contract/platform-api.js';
import type { OpenFailure } from '../crypto/sealed-box.js';
import type { KioskDatabase } from '../database.js';
import type { ClaimCode, ClaimCodes } from './claim-code.js';
import type { OutboxStats } from './outbox-types.js';
import type { PayloadSealer } from './payload-sealer.js';

/** An outbox item the relay may send now. */
export interface DueItem {
  /** Its key. */
  idempotencyKey: string;
  /** What it is. */
  kind: SubmissionKind;
  /** Kiosk time of the request, ISO 8601. */
  createdAt: string;
  /** The claim code on its ticket (canonical), the one `Outbox.enqueue` returned for it. */
  claimCode: ClaimCode;
  /** Its ordering group. */
  orderingKey?: string;
  /** Its position in the group. */
  sequence?: number;
  /** Deliveries tried so far. */
  attempts: number;
  /** The sealed payload (opened by `toSubmissionItem`). */
  sealedPayload: Buffer;
}

/** What the relay decided about one item after the platform's answer. */
export type ItemOutcome =
  | { kind: 'confirmed'; idempotencyKey: string; trackingNumber?: string }
  | { kind: 'deadLettered'; idempotencyKey: string; errorCode: string; message?: string }
  | { kind: 'retry'; idempotencyKey: string; nextAttemptAt: number; error: string };

/** What `settle` changed: only items that were still queued count. */
export interface Settled {
  /** Newly confirmed items. */
  confirmed: { idempotencyKey: string; trackingNumber?: string }[];
  /** Newly dead-lettered items, with the later items of their group now held behind them. */
  deadLettered: { idempotencyKey: string; errorCode: string; holding: string[] }[];
}

/**
 * Eligible to send: not in an ordering group, or the lowest waiting sequence of its group and not
 * behind an open dead letter of that group (see DeadLetterList for the rule).
 */
const HEAD_OF_GROUP = `(o.ordering_key IS NULL OR (
  o.sequence = (SELECT min(p.sequence) FROM outbox p WHERE p.ordering_key = o.ordering_key)
  AND NOT EXISTS (SELECT 1 FROM dead_letters d WHERE d.resolution IS NULL
    AND d.ordering_key = o.ordering_key AND d.sequence < o.sequence)))`;

/** The outbox row of a key, through the requests' key index (the outbox has no index of its own). */
const BY_KEY = '(SELECT request_id FROM requests WHERE idempotency_key = ?)';

const HELD = `o.ordering_key IS NOT NULL AND EXISTS (SELECT 1 FROM dead_letters d
  WHERE d.resolution IS NULL AND d.ordering_key = o.ordering_key AND d.sequence < o.sequence)`;

interface OutboxRow {
  request_id: number;
  ordering_key: string | null;
  sequence: number | null;
  attempts: number;
}

interface DueRow {
  request_id: number;
  idempotency_key: string;
  kind: SubmissionKind;
  created_at: string;
  ordering_key: string | null;
  sequence: number | null;
  attempts: number;
  payload: Buffer;
}

/**
 * The relay's side of the outbox. Times here (`next_attempt_at`) are the relay's monotonic clock
 * in ms; `resetSchedule` makes everything due when a relay starts (a new process's monotonic clock
 * has another origin). The wall clock is used only for the confirmation and dead-letter times.
 */
export class OutboxQueue {
  private readonly s: ReturnType<typeof prepareStatements>;
  private readonly settleTransaction: (outcomes: readonly ItemOutcome[]) => Settled;

  constructor(
    private readonly db: KioskDatabase,
    private readonly sealer: PayloadSealer,
    private readonly now: () => Date,
    private readonly claimCodes: ClaimCodes,
  ) {
    this.s = prepareStatements(db);
    this.settleTransaction = db.transaction((outcomes) => this.applyOutcomes(outcomes));
  }

  /** Makes every waiting item due now (called when a relay starts). */
  resetSchedule(): void {
    this.s.reset.run();
  }

  /** Up to `limit` items to send at monotonic time `now`, oldest first, one per ordering group. */
  due(now: number, limit: number): DueItem[] {
    const rows = this.s.due.all(now, limit) as DueRow[];
    return rows.map((row) => ({
      idempotencyKey: row.idempotency_key,
      kind: row.kind,
      createdAt: row.created_at,
      // Derived from the request id, as enqueue did: the same code on every retry.
      claimCode: this.claimCodes.forRequest(row.request_id),
      attempts: row.attempts,
      sealedPayload: row.payload,
      ...(row.ordering_key !== null ? { orderingKey: row.ordering_key } : {}),
      ...(row.sequence !== null ? { sequence: row.sequence } : {}),
    }));
  }

  /** The monotonic time the next item becomes due, or undefined when nothing can be sent. */
  nextDueAt(): number | undefined {
    return (this.s.nextDue.get() as number | undefined) ?? undefined;
  }

  /** The item as the platform receives it (payload opened), or why it cannot be read. */
  toSubmissionItem(item: DueItem): { ok: true; item: SubmissionItem } | OpenFailure {
    const opened = this.sealer.open(item.sealedPayload, item.idempotencyKey);
    if (!opened.ok) return opened;
    return {
      ok: true,
      item: {
        idempotencyKey: item.idempotencyKey,
        kind: item.kind,
        createdAt: item.createdAt,
        claimCode: item.claimCode,
        ...(item.orderingKey !== undefined ? { orderingKey: item.orderingKey } : {}),
        ...(item.sequence !== undefined ? { sequence: item.sequence } : {}),
        payload: opened.payload,
      },
    };
  }

  /** A delivery of these items failed as a whole (network, timeout, HTTP error): count it. */
  recordDeliveryFailure(idempotencyKeys: readonly string[], error: string): void {
    this.db.transaction(() => {
      for (const key of idempotencyKeys) this.s.failed.run(error.slice(0, 300), key);
    })();
  }

  /** Applies the platform's answers in one transaction; returns what actually changed. */
  settle(outcomes: readonly ItemOutcome[]): Settled {
    return this.settleTransaction(outcomes);
  }

  /** Queue depth, oldest waiting request, held items. */
  stats(): Omit<OutboxStats, 'deadLetters'> {
    const oldest = this.s.oldest.get() as string | undefined;
    return {
      queueDepth: this.s.depth.get() as number,
      blocked: this.s.held.get() as number,
      ...(oldest !== undefined ? { oldestQueuedAt: oldest } : {}),
    };
  }

  private applyOutcomes(outcomes: readonly ItemOutcome[]): Settled {
    const at = this.now().toISOString();
    const settled: Settled = { confirmed: [], deadLettered: [] };
    for (const outcome of outcomes) {
      const key = outcome.idempotencyKey;
      if (outcome.kind === 'retry') {
        this.s.retry.run(Math.ceil(outcome.nextAttemptAt), outcome.error.slice(0, 300), key);
      } else if (outcome.kind === 'confirmed') {
        const tracking = outcome.trackingNumber ?? null;
        if (this.s.confirm.run(tracking, at, at, key).changes === 1) {
          settled.confirmed.push({
            idempotencyKey: key,
            ...(outcome.trackingNumber !== undefined
              ? { trackingNumber: outcome.trackingNumber }
              : {}),
          });
        }
        this.s.remove.run(key);
      } else {
        const row = this.s.row.get(key) as OutboxRow | undefined;
        if (!row) continue;
        const { errorCode, message } = outcome;
        this.s.deadLetter.run(
          row.request_id,
          row.ordering_key,
          row.sequence,
          errorCode,
          message ?? null,
          row.attempts + 1,
          at,
        );
        this.s.markDead.run(at, row.request_id);
        this.s.remove.run(key);
        const holding =
          row.ordering_key === null
            ? []
            : (this.s.holding.all(row.ordering_key, row.sequence) as string[]);
        settled.deadLettered.push({ idempotencyKey: key, errorCode, holding });
      }
    }
    return settled;
  }
}

/** The relay's statements, prepared once. */
function prepareStatements(db: KioskDatabase) {
  return {
    reset: db.prepare('UPDATE outbox SET next_attempt_at = 0 WHERE next_attempt_at <> 0'),
    // Walks the outbox in enqueue order (its primary key) and stops at the limit.
    due: db.prepare(
      `SELECT o.request_id, o.idempotency_key, o.kind, r.created_at, o.ordering_key, o.sequence,
         o.attempts, r.payload
       FROM outbox o JOIN requests r USING (request_id)
       WHERE o.next_attempt_at <= ? AND ${HEAD_OF_GROUP} ORDER BY o.request_id LIMIT ?`,
    ),
    nextDue: db
      .prepare(`SELECT min(o.next_attempt_at) FROM outbox o WHERE ${HEAD_OF_GROUP}`)
      .pluck(),
    failed: db.prepare(
      `UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE request_id = ${BY_KEY}`,
    ),
    retry: db.prepare(
      `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
       WHERE request_id = ${BY_KEY}`,
    ),
    confirm: db.prepare(
      `UPDATE requests SET status = 'confirmed', tracking_number = ?, confirmed_at = ?,
         updated_at = ? WHERE idempotency_key = ? AND status = 'queued'`,
    ),
    remove: db.prepare(`DELETE FROM outbox WHERE request_id = ${BY_KEY}`),
    row: db.prepare(
      `SELECT request_id, ordering_key, sequence, attempts FROM outbox
       WHERE request_id = ${BY_KEY}`,
    ),
    deadLetter: db.prepare(
      `INSERT INTO dead_letters (request_id, ordering_key, sequence, error_code, message,
         attempts, dead_lettered_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    markDead: db.prepare(
      `UPDATE requests SET status = 'deadLettered', updated_at = ? WHERE request_id = ?`,
    ),
    holding: db
      .prepare(
        `SELECT idempotency_key FROM outbox WHERE ordering_key = ? AND sequence > ?
         ORDER BY sequence`,
      )
      .pluck(),
    depth: db.prepare('SELECT count(*) FROM outbox').pluck(),
    oldest: db
      .prepare(
        `SELECT r.created_at FROM outbox o JOIN requests r USING (request_id)
         ORDER BY o.request_id LIMIT 1`,
      )
      .pluck(),
    held: db.prepare(`SELECT count(*) FROM outbox o WHERE ${HELD}`).pluck(),
  };
}
