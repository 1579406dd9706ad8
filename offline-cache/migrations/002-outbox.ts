import type { Migration } from '../migrations.js';

/**
 * The durable outbox. `requests` is the kiosk's own record of every citizen request, kept after
 * sync (its payload sealed with AES-256-GCM and erased by the purge); `outbox` holds the work still
 * to do, one row per request the platform has not answered, deleted when the request is confirmed
 * or dead-lettered; both rows are written in one transaction.
 *
 * `request_id` is the enqueue order (oldest first whatever the wall clock did) and the source of
 * the claim code (a keyed permutation of it, see claim-code.ts, with the key in `claim_code_key`),
 * so claim codes are unique without an index of their own: each enqueue writes three b-trees
 * (requests, its key index, outbox), the least a record + outbox row can take. Requests are never
 * deleted (a trigger refuses it), so an id, and thus a claim code, is never reused.
 *
 * `next_attempt_at` is in the relay's monotonic clock, reset to 0 (due) when a relay starts,
 * because another process's monotonic time means nothing. `ordering_groups` hands out sequences
 * per ordering key. `dead_letters` keeps every item the platform refused, with the technician's
 * resolution (history: an item may be requeued and dead-lettered again, so at most one *open*
 * dead letter per item).
 */
export const outboxMigration: Migration = {
  version: 2,
  name: 'outbox',
  up: (db) => {
    db.exec(`
      CREATE TABLE requests (
        request_id INTEGER PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        created_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'confirmed', 'deadLettered', 'discarded')),
        payload BLOB,
        tracking_number TEXT,
        confirmed_at TEXT,
        purged_at TEXT,
        updated_at TEXT NOT NULL,
        CHECK (status <> 'confirmed' OR confirmed_at IS NOT NULL),
        CHECK (payload IS NOT NULL OR purged_at IS NOT NULL)
      ) STRICT;
      CREATE INDEX requests_purgeable ON requests(confirmed_at)
        WHERE status = 'confirmed' AND payload IS NOT NULL;
      CREATE TRIGGER requests_are_kept BEFORE DELETE ON requests BEGIN
        SELECT RAISE(ABORT, 'requests are never deleted: claim codes derive from request_id');
      END;

      CREATE TABLE claim_code_key (
        slot INTEGER PRIMARY KEY CHECK (slot = 1),
        key BLOB NOT NULL CHECK (length(key) = 32)
      ) STRICT;
      INSERT INTO claim_code_key VALUES (1, randomblob(32));

      CREATE TABLE outbox (
        request_id INTEGER PRIMARY KEY REFERENCES requests(request_id),
        idempotency_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        ordering_key TEXT,
        sequence INTEGER CHECK (sequence IS NULL OR sequence >= 1),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        CHECK ((ordering_key IS NULL) = (sequence IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX outbox_ordering ON outbox(ordering_key, sequence)
        WHERE ordering_key IS NOT NULL;

      CREATE TABLE ordering_groups (
        ordering_key TEXT PRIMARY KEY,
        last_sequence INTEGER NOT NULL CHECK (last_sequence >= 1)
      ) STRICT;

      CREATE TABLE dead_letters (
        dead_letter_id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id INTEGER NOT NULL REFERENCES requests(request_id),
        ordering_key TEXT,
        sequence INTEGER,
        error_code TEXT NOT NULL,
        message TEXT,
        attempts INTEGER NOT NULL,
        dead_lettered_at TEXT NOT NULL,
        resolution TEXT CHECK (resolution IN ('requeued', 'discarded')),
        resolved_at TEXT,
        resolved_by TEXT,
        resolution_reason TEXT,
        CHECK ((resolution IS NULL) = (resolved_at IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX dead_letters_one_open ON dead_letters(request_id)
        WHERE resolution IS NULL;
      CREATE INDEX dead_letters_open_groups ON dead_letters(ordering_key, sequence)
        WHERE resolution IS NULL AND ordering_key IS NOT NULL;
    `);
  },
};
