import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate, type Migration } from './migrations.js';

/** An open kiosk database (better-sqlite3 handle). */
export type KioskDatabase = Database.Database;

/**
 * Opens (creating if needed) the kiosk's SQLite file with the durability settings every store here
 * relies on, and brings its schema up to date. WAL + synchronous=FULL: a committed transaction
 * survives power loss, which is the whole promise of the journal and the outbox.
 */
export function openKioskDatabase(file: string, migrations: readonly Migration[]): KioskDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
