import type { Migration } from '../migrations.js';
import { printJournalMigration } from './001-print-journal.js';
import { outboxMigration } from './002-outbox.js';
import { catalogueCacheMigration } from './003-catalogue-cache.js';
import { materialsMigration } from './004-materials.js';
import { printJournalProofTypeMigration } from './005-print-journal-proof-type.js';

/** Every schema step of the kiosk database, in order. */
export const KIOSK_MIGRATIONS: readonly Migration[] = [
  printJournalMigration,
  outboxMigration,
  catalogueCacheMigration,
  materialsMigration,
  printJournalProofTypeMigration,
];
