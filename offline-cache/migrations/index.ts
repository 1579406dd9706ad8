import type { Migration } from '../migrations.js';
import { printJournalMigration } from './001-print-journal.js';

/** Every schema step of the kiosk database, in order. */
export const KIOSK_MIGRATIONS: readonly Migration[] = [printJournalMigration];
