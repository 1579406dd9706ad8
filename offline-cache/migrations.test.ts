import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openKioskDatabase } from './database.js';
import { migrate, SchemaTooNewError } from './migrations.js';
import { KIOSK_MIGRATIONS } from './migrations/index.js';
import { tempDbDir } from './test-db.js';

let temp = tempDbDir();
afterEach(() => {
  temp.remove();
  temp = tempDbDir();
});

describe('kiosk database migrations', () => {
  it('bring a new file to the newest version with WAL and full sync', () => {
    const db = openKioskDatabase(temp.file, KIOSK_MIGRATIONS);
    expect(db.pragma('user_version', { simple: true })).toBe(KIOSK_MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('run nothing when reopened, and keep the data', () => {
    const db = openKioskDatabase(temp.file, KIOSK_MIGRATIONS);
    db.prepare(
      `INSERT INTO print_jobs VALUES ('01J0000000000000000000000A', 'proof', 'P-1', 1,
        'completed', NULL, NULL, NULL, 'x', 'x')`,
    ).run();
    db.close();
    const again = new Database(temp.file);
    expect(migrate(again, KIOSK_MIGRATIONS)).toEqual([]);
    expect(again.prepare('SELECT count(*) AS n FROM print_jobs').get()).toEqual({ n: 1 });
    again.close();
  });

  it('refuse a database written by a newer build instead of corrupting it', () => {
    const db = new Database(temp.file);
    db.pragma(`user_version = ${KIOSK_MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openKioskDatabase(temp.file, KIOSK_MIGRATIONS)).toThrow(SchemaTooNewError);
  });

  it('roll a failing step back whole, leaving the version where it was', () => {
    const db = new Database(temp.file);
    const failing = {
      version: 1,
      name: 'half done',
      up: (d: Database.Database) => {
        d.exec('CREATE TABLE t (x INTEGER)');
        throw new Error('disk trouble');
      },
    };
    expect(() => migrate(db, [failing])).toThrow('disk trouble');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 't'`).get()).toBeUndefined();
    db.close();
  });

  describe('001 print journal', () => {
    it('allows one live original print per document, any number of failed ones and reprints', () => {
      const db = new Database(temp.file);
      migrate(db, KIOSK_MIGRATIONS.slice(0, 1));
      const insert = db.prepare(
        `INSERT INTO print_jobs (job_id, kind, document, pages, state, reprint_of, created_at,
           updated_at) VALUES (?, 'proof', 'NH-1', 1, ?, ?, 'x', 'x')`,
      );
      insert.run('A', 'failed', null);
      insert.run('B', 'completed', null);
      expect(() => insert.run('C', 'recorded', null)).toThrow(/UNIQUE/);
      insert.run('D', 'recorded', 'B');
      expect(() => insert.run('E', 'printed?', null)).toThrow(/CHECK/);
      db.close();
    });
  });
});
