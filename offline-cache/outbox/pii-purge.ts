import type { KioskDatabase } from '../database.js';
import { prepareMaterialErase } from '../materials/material-rows.js';

const DAY_MS = 86_400_000;
/** Requests per transaction: keeps each write short (ADR 0003: the core's loop waits). */
const BATCH = 500;

/**
 * Erases the sealed payload and the scanned materials of requests the platform confirmed more
 * than `olderThanDays` before `now` (kiosk wall clock), keeping what is not personal: kind, times,
 * claim code, tracking number, the materials' sizes and upload URLs. A request's payload and its
 * materials go in the same transaction. Only confirmed requests: the platform holds their data, so
 * the kiosk no longer needs it. Queued ones must still be sent, and dead-lettered ones wait for a
 * technician (who requeues them or discards them, which erases them too). Outbox rows and
 * dead-letter messages hold no personal data (ordering keys may not be ID numbers; platform
 * messages carry none). The freed pages may keep old bytes until SQLite reuses them, but those
 * bytes are AES-256-GCM ciphertext. A wall clock set back makes confirmations look older (purged
 * sooner); one set forward, newer.
 */
export function purgeConfirmed(db: KioskDatabase, olderThanDays: number, now: Date): number {
  if (!Number.isFinite(olderThanDays) || olderThanDays < 0) {
    throw new RangeError(`olderThanDays must be a non-negative number, got ${olderThanDays}`);
  }
  const cutoff = new Date(now.getTime() - olderThanDays * DAY_MS).toISOString();
  const at = now.toISOString();
  const due = db
    .prepare(
      `SELECT request_id FROM requests
       WHERE status = 'confirmed' AND payload IS NOT NULL AND confirmed_at < ? LIMIT ${BATCH}`,
    )
    .pluck();
  const purgeRequest = db.prepare(
    'UPDATE requests SET payload = NULL, purged_at = ?, updated_at = ? WHERE request_id = ?',
  );
  const eraseMaterials = prepareMaterialErase(db);
  const purgeBatch = db.transaction((): number => {
    const requestIds = due.all(cutoff) as number[];
    for (const requestId of requestIds) {
      purgeRequest.run(at, at, requestId);
      eraseMaterials(requestId, at);
    }
    return requestIds.length;
  });
  let total = 0;
  for (;;) {
    const purged = purgeBatch();
    total += purged;
    if (purged < BATCH) return total;
  }
}
