import type {
  SubmissionItem,
  SubmissionKind,
  SubmissionResult,
} from '../../contract/platform-api.js';
import { bumpCounter, readCounter, type PlatformDatabase } from './database.js';

/** What an idempotency key already has on record. */
export type Claim =
  | { kind: 'new' }
  | { kind: 'replay'; result: SubmissionResult }
  | { kind: 'keyReused' }
  | { kind: 'inFlight' };

/** An accepted request found by the claim code on the citizen's ticket (no personal data). */
export interface ClaimCodeRecord {
  /** The kiosk that took the request. */
  kioskId: string;
  /** The claim code, canonical (8 characters, no dash). */
  claimCode: string;
  /** The request's idempotency key. */
  idempotencyKey: string;
  /** What it is. */
  kind: SubmissionKind;
  /** The platform's tracking number. */
  trackingNumber: string;
  /** When the platform accepted it (platform clock), ISO 8601. */
  acceptedAt: string;
  /** When the citizen made it at the kiosk (kiosk clock), ISO 8601. */
  createdAt: string;
}

/** The counters the stats report (events, not rows). */
export type SubmissionCounter = 'replays' | 'rejected' | 'keyReused' | 'inFlight' | 'outOfOrder';

interface ClaimCodeRow {
  kiosk_id: string;
  claim_code: string;
  idempotency_key: string;
  kind: SubmissionKind;
  tracking_number: string;
  accepted_at: string;
  created_at: string;
}

const TRACKING_PREFIX: Record<SubmissionKind, string> = {
  proofPrinted: 'PP',
  idCardCollected: 'IC',
  documentApplication: 'DA',
};

/**
 * Idempotency records, accepted requests and per-ordering-key sequences. A key is claimed
 * (`inFlight`) in one transaction; its outcome, the accepted request and the sequence advance are
 * committed together in a second (`inTransaction`), so a crash leaves either nothing applied or
 * everything — and `clearStaleClaims` at start-up frees keys a crash left claimed.
 */
export class SubmissionStore {
  constructor(private readonly db: PlatformDatabase) {}

  /** Runs `fn` in one SQLite transaction. */
  inTransaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /**
   * Claims a key for applying, or says what it already has. `bodyHash` leaves the claim code out
   * (a kiosk updated while an item was on its way adds one to a body it first sent without); the
   * claim code is compared with the one recorded with the accepted request instead: another code
   * is key reuse, and one where none was recorded is recorded now.
   */
  claim(key: string, kioskId: string, bodyHash: string, now: Date, claimCode?: string): Claim {
    return this.inTransaction(() => {
      const row = this.db
        .prepare('SELECT body_hash, state, result FROM idempotency WHERE idempotency_key = ?')
        .get(key) as { body_hash: string; state: string; result: string | null } | undefined;
      if (!row) {
        this.db
          .prepare(
            `INSERT INTO idempotency (idempotency_key, kiosk_id, body_hash, state, created_at)
             VALUES (?, ?, ?, 'inFlight', ?)`,
          )
          .run(key, kioskId, bodyHash, now.toISOString());
        return { kind: 'new' };
      }
      if (row.body_hash !== bodyHash) return { kind: 'keyReused' };
      if (claimCode !== undefined && !this.recordClaimCode(key, kioskId, claimCode)) {
        return { kind: 'keyReused' };
      }
      if (row.state !== 'done' || row.result === null) return { kind: 'inFlight' };
      return { kind: 'replay', result: JSON.parse(row.result) as SubmissionResult };
    });
  }

  /**
   * Records a redelivered item's claim code with its accepted request when that has none yet;
   * false when the request was accepted with another one.
   */
  private recordClaimCode(key: string, kioskId: string, claimCode: string): boolean {
    const recorded = this.db
      .prepare(
        `SELECT claim_code FROM accepted_requests
         WHERE idempotency_key = ? AND kiosk_id = ? AND claim_code IS NOT NULL`,
      )
      .pluck()
      .all(key, kioskId) as string[];
    if (recorded.some((code) => code !== claimCode)) return false;
    if (recorded.length === 0) {
      this.db
        .prepare(
          'UPDATE accepted_requests SET claim_code = ? WHERE idempotency_key = ? AND kiosk_id = ?',
        )
        .run(claimCode, key, kioskId);
    }
    return true;
  }

  /** Stores a key's final outcome (call inside `inTransaction` with whatever it applied). */
  storeOutcome(key: string, result: SubmissionResult, now: Date): void {
    this.db
      .prepare(
        `UPDATE idempotency SET state = 'done', result = ?, completed_at = ? WHERE idempotency_key = ?`,
      )
      .run(JSON.stringify(result), now.toISOString(), key);
  }

  /** Frees a claimed key without an outcome (not applied: out of order, or the apply failed). */
  release(key: string): void {
    this.db
      .prepare(`DELETE FROM idempotency WHERE idempotency_key = ? AND state = 'inFlight'`)
      .run(key);
  }

  /** Frees every claim left by a previous process (nothing of theirs was committed). */
  clearStaleClaims(): number {
    return this.db.prepare(`DELETE FROM idempotency WHERE state = 'inFlight'`).run().changes;
  }

  /** The last applied sequence of an ordering group (0 when none). */
  lastSequence(kioskId: string, orderingKey: string): number {
    const row = this.db
      .prepare('SELECT last_sequence FROM ordering WHERE kiosk_id = ? AND ordering_key = ?')
      .get(kioskId, orderingKey) as { last_sequence: number } | undefined;
    return row?.last_sequence ?? 0;
  }

  /** Records that an ordering group's sequence `sequence` has been dealt with. */
  advanceSequence(kioskId: string, orderingKey: string, sequence: number): void {
    this.db
      .prepare(
        `INSERT INTO ordering (kiosk_id, ordering_key, last_sequence) VALUES (?, ?, ?)
         ON CONFLICT (kiosk_id, ordering_key) DO UPDATE SET last_sequence = excluded.last_sequence`,
      )
      .run(kioskId, orderingKey, sequence);
  }

  /** Stores an accepted request and returns its new tracking number. */
  accept(item: SubmissionItem, kioskId: string, now: Date): string {
    bumpCounter(this.db, 'trackingSequence');
    const sequence = readCounter(this.db, 'trackingSequence');
    const day = now.toISOString().slice(0, 10).replaceAll('-', '');
    const trackingNumber = `${TRACKING_PREFIX[item.kind]}-${day}-${String(sequence).padStart(8, '0')}`;
    this.db
      .prepare(
        `INSERT INTO accepted_requests (tracking_number, idempotency_key, kiosk_id, kind, payload,
           ordering_key, sequence, created_at, accepted_at, claim_code)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        trackingNumber,
        item.idempotencyKey,
        kioskId,
        item.kind,
        JSON.stringify(item.payload),
        item.orderingKey ?? null,
        item.sequence ?? null,
        item.createdAt,
        now.toISOString(),
        item.claimCode ?? null,
      );
    return trackingNumber;
  }

  /**
   * The accepted request of a kiosk with a canonical claim code. Codes are unique per kiosk
   * database; should a reinstalled kiosk repeat one, the latest request is the one a ticket
   * still waiting at the counter is about.
   */
  findByClaimCode(kioskId: string, claimCode: string): ClaimCodeRecord | undefined {
    const row = this.db
      .prepare(
        `SELECT kiosk_id, claim_code, idempotency_key, kind, tracking_number, accepted_at,
           created_at FROM accepted_requests WHERE kiosk_id = ? AND claim_code = ?
         ORDER BY accepted_at DESC, rowid DESC LIMIT 1`,
      )
      .get(kioskId, claimCode) as ClaimCodeRow | undefined;
    if (!row) return undefined;
    return {
      kioskId: row.kiosk_id,
      claimCode: row.claim_code,
      idempotencyKey: row.idempotency_key,
      kind: row.kind,
      trackingNumber: row.tracking_number,
      acceptedAt: row.accepted_at,
      createdAt: row.created_at,
    };
  }

  /** Counts an event for the stats. */
  count(counter: SubmissionCounter): void {
    bumpCounter(this.db, counter);
  }

  /** Accepted requests per idempotency key (a correct platform has only 1s). */
  acceptedByKey(): Record<string, number> {
    const rows = this.db
      .prepare(
        'SELECT idempotency_key AS key, COUNT(*) AS n FROM accepted_requests GROUP BY idempotency_key',
      )
      .all() as { key: string; n: number }[];
    return Object.fromEntries(rows.map((row) => [row.key, row.n]));
  }

  /** An event counter's value. */
  counter(counter: SubmissionCounter): number {
    return readCounter(this.db, counter);
  }
}
