import type { Migration } from '../migrations.js';

/**
 * The print journal: a job row is committed before anything reaches a printer and updated with its
 * outcome after. The partial unique index is the "never print the same proof twice" rule: at most
 * one original (non-reprint) job per document that has not failed or been canceled.
 */
export const printJournalMigration: Migration = {
  version: 1,
  name: 'print journal',
  up: (db) => {
    db.exec(`
      CREATE TABLE print_jobs (
        job_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('proof', 'receipt')),
        document TEXT NOT NULL,
        pages INTEGER NOT NULL CHECK (pages >= 1),
        state TEXT NOT NULL CHECK (state IN
          ('recorded', 'submitted', 'completed', 'failed', 'canceled', 'unknown')),
        spooler_job_id INTEGER,
        error_code TEXT,
        reprint_of TEXT REFERENCES print_jobs(job_id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX print_jobs_one_original ON print_jobs(kind, document)
        WHERE reprint_of IS NULL AND state NOT IN ('failed', 'canceled');
      CREATE INDEX print_jobs_open ON print_jobs(state)
        WHERE state IN ('recorded', 'submitted', 'unknown');
      CREATE TABLE print_job_events (
        event_id INTEGER PRIMARY KEY AUTOINCREMENT,
        job_id TEXT NOT NULL REFERENCES print_jobs(job_id),
        at TEXT NOT NULL,
        event TEXT NOT NULL,
        detail TEXT NOT NULL
      ) STRICT;
    `);
  },
};
