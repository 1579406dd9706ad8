import type { KioskDatabase } from '../database.js';

const DAY_MS = 86_400_000;
/** Rows per statement: keeps each write transaction short (ADR 0003: the core's loop waits). */
const BATCH = 500;

/**
 * Erases the sealed payload of requests the platform confirmed more than `olderThanDays` before
 * `now` (kiosk wall clock), keeping what is not personal: kind, times, claim code, tracking number.
 * Only confirmed requests: the platform holds their data, so the kiosk no longer needs it. Queued
 * ones must still be sent, and dead-lettered ones wait for a technician (who requeues them or
 * discards them, which erases the payload too). Outbox rows and dead-letter messages hold no
 * personal data (ordering keys may not be ID numbers; platform messages carry none). The freed
 * pages may keep old bytes until SQLite reuses them, but those bytes are AES-256-GCM ciphertext.
 * A wall clock set back makes confirmations look older (purged sooner); one set forward, newer.
 */
export function purgeConfirmed(db: KioskDatabase, olderThanDays: number, now: Date): number {
  if (!Number.isFinite(olderThanDays) || olderThanDays < 0) {
    throw new RangeError(`olderThanDays must be a non-negative number, got ${olderThanDays}`);
  }
  const cutoff = new Date(now.getTime() - olderThanDays * DAY_MS).toISOString();
  const at = now.toISOString();
  const purge = db.prepare(
    `UPDATE requests SET payload = NULL, purged_at = ?, updated_at = ?
     WHERE idempotency_key IN (
       SELECT idempotency_key FROM requests
       WHERE status = 'confirmed' AND payload IS NOT NULL AND confirmed_at < ? LIMIT ${BATCH})`,
  );
  let total = 0;
  for (;;) {
    const { changes } = purge.run(at, at, cutoff);
    total += changes;
    if (changes < BATCH) return total;
  }
}
