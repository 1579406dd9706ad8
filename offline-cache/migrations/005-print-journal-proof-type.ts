import type { Migration } from '../migrations.js';

/**
 * Which proof a proof job printed, so a technician's reprint can be reported to the platform like
 * the original print (its proofPrinted record needs the type). Nullable: jobs recorded before this
 * step do not know it, and receipts never have one. No personal data. The list of proof types is
 * not a CHECK here: it grows with the contract, and a CHECK would need a table rebuild each time.
 */
export const printJournalProofTypeMigration: Migration = {
  version: 5,
  name: 'print journal proof type',
  up: (db) => {
    db.exec(`
      ALTER TABLE print_jobs ADD COLUMN proof_type TEXT
        CHECK (proof_type IS NULL OR (kind = 'proof' AND length(proof_type) BETWEEN 1 AND 64));
    `);
  },
};
