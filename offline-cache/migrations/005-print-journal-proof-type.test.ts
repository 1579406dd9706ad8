import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrations.js';
import { tempDbDir } from '../test-db.js';
import { printJournalProofTypeMigration } from './005-print-journal-proof-type.js';
import { KIOSK_MIGRATIONS } from './index.js';

let temp = tempDbDir();
afterEach(() => {
  temp.remove();
  temp = tempDbDir();
});

describe('005 print journal proof type', () => {
  it('is the fifth step of the kiosk database', () => {
    expect(KIOSK_MIGRATIONS[4]).toBe(printJournalProofTypeMigration);
  });

  it('upgrades a version-4 file keeping its jobs (type unknown), and types only proof jobs', () => {
    const db = new Database(temp.file);
    migrate(db, KIOSK_MIGRATIONS.slice(0, 4));
    db.prepare(
      `INSERT INTO print_jobs VALUES ('J1', 'proof', 'P-1', 1, 'completed', NULL, NULL, NULL,
        'x', 'x')`,
    ).run();
    expect(migrate(db, KIOSK_MIGRATIONS.slice(0, 5))).toEqual([5]);
    expect(db.prepare(`SELECT proof_type FROM print_jobs WHERE job_id = 'J1'`).get()).toEqual({
      proof_type: null,
    });

    const insert = db.prepare(
      `INSERT INTO print_jobs (job_id, kind, document, pages, state, proof_type, created_at,
         updated_at) VALUES (?, ?, ?, 1, 'recorded', ?, 'x', 'x')`,
    );
    insert.run('J2', 'proof', 'P-2', 'taxPaid');
    insert.run('J3', 'receipt', 'acceptance:P-2', null);
    expect(() => insert.run('J4', 'receipt', 'acceptance:P-9', 'taxPaid')).toThrow(/CHECK/);
    expect(() => insert.run('J5', 'proof', 'P-5', '')).toThrow(/CHECK/);
    // The one-original-per-document rule still holds.
    expect(() => insert.run('J6', 'proof', 'P-2', 'taxPaid')).toThrow(/UNIQUE/);
    db.close();
  });
});
