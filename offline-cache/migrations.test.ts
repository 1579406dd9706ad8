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
        'completed', NULL, NULL, NULL, 'x', 'x', NULL)`,
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
  describe('002 outbox', () => {
    it('upgrades a version-1 file keeping its print jobs, with strict, linked outbox tables', () => {
      const db = new Database(temp.file);
      db.pragma('foreign_keys = ON');
      migrate(db, KIOSK_MIGRATIONS.slice(0, 1));
      db.prepare(
        `INSERT INTO print_jobs VALUES ('J1', 'proof', 'P-1', 1, 'completed', NULL, NULL, NULL,
          'x', 'x')`,
      ).run();
      expect(migrate(db, KIOSK_MIGRATIONS.slice(0, 2))).toEqual([2]);
      expect(db.prepare('SELECT count(*) FROM print_jobs').pluck().get()).toBe(1);
      expect(db.prepare('SELECT length(key) FROM claim_code_key').pluck().get()).toBe(32);

      const request = db.prepare(
        `INSERT INTO requests (idempotency_key, kind, created_at, status, payload, updated_at)
         VALUES (?, 'proofPrinted', 'x', ?, ?, 'x')`,
      );
      const a = Number(request.run('K-1.A', 'queued', Buffer.of(1)).lastInsertRowid);
      expect(() => request.run('K-1.A', 'queued', Buffer.of(1))).toThrow(/UNIQUE/);
      expect(() => request.run('K-1.C', 'sent?', Buffer.of(1))).toThrow(/CHECK/);
      expect(() => request.run('K-1.D', 'queued', 'not a blob')).toThrow(/BLOB/);
      expect(() => request.run('K-1.E', 'queued', null)).toThrow(/CHECK/);
      expect(() => db.prepare('DELETE FROM requests').run()).toThrow(/never deleted/);

      const outbox = db.prepare(
        `INSERT INTO outbox (request_id, idempotency_key, kind, ordering_key, sequence)
         VALUES (?, ?, 'proofPrinted', ?, ?)`,
      );
      outbox.run(a, 'K-1.A', 'CASE', 1);
      expect(() => outbox.run(999, 'K-1.Z', null, null)).toThrow(/FOREIGN KEY/);
      expect(() => outbox.run(a, 'K-1.A', null, null)).toThrow(/UNIQUE|PRIMARY/);
      const f = Number(request.run('K-1.F', 'queued', Buffer.of(1)).lastInsertRowid);
      expect(() => outbox.run(f, 'K-1.F', 'CASE', null)).toThrow(/CHECK/);
      expect(() => outbox.run(f, 'K-1.F', 'CASE', 1)).toThrow(/UNIQUE/);

      const dead = db.prepare(
        `INSERT INTO dead_letters (request_id, error_code, attempts, dead_lettered_at,
           resolution, resolved_at) VALUES (?, 'rejected', 1, 'x', ?, ?)`,
      );
      dead.run(a, 'requeued', 'x');
      dead.run(a, null, null);
      expect(() => dead.run(a, null, null)).toThrow(/UNIQUE/); // one open dead letter per request
      db.close();
    });
  });

  describe('003 catalogue cache', () => {
    it('holds exactly one catalogue', () => {
      const db = new Database(temp.file);
      expect(migrate(db, KIOSK_MIGRATIONS.slice(0, 3))).toEqual([1, 2, 3]);
      const insert = db.prepare(`INSERT INTO catalogue_cache VALUES (?, '"v1"', 1, '{}', 'x')`);
      insert.run(1);
      expect(() => insert.run(2)).toThrow(/CHECK/);
      expect(() => insert.run(1)).toThrow(/UNIQUE|PRIMARY/);
      db.close();
    });
  });

  describe('004 materials', () => {
    it('upgrades a version-3 file keeping its requests, with strict materials tied to them', () => {
      const db = new Database(temp.file);
      db.pragma('foreign_keys = ON');
      migrate(db, KIOSK_MIGRATIONS.slice(0, 3));
      const requestId = Number(
        db
          .prepare(
            `INSERT INTO requests (idempotency_key, kind, created_at, status, payload, updated_at)
             VALUES ('K-1.A', 'documentApplication', 'x', 'queued', x'01', 'x')`,
          )
          .run().lastInsertRowid,
      );
      expect(migrate(db, KIOSK_MIGRATIONS.slice(0, 4))).toEqual([4]);
      expect(db.prepare('SELECT count(*) FROM requests').pluck().get()).toBe(1);

      const material = db.prepare(
        `INSERT INTO materials (request_id, position, content_type, pages, byte_length, data,
           purged_at) VALUES (@requestId, @position, @contentType, @pages, @byteLength, @data,
           @purgedAt)`,
      );
      const valid = {
        requestId,
        position: 1,
        contentType: 'image/png',
        pages: 1,
        byteLength: 4,
        data: Buffer.alloc(4 + 29) as unknown,
        purgedAt: null as string | null,
      };
      const insert = (change: Partial<typeof valid> = {}) =>
        Number(material.run({ ...valid, ...change }).lastInsertRowid);
      const id = insert();
      expect(() => insert()).toThrow(/UNIQUE/); // one material per place
      expect(() => insert({ requestId: 999 })).toThrow(/FOREIGN KEY/);
      for (const position of [0, 21]) expect(() => insert({ position })).toThrow(/CHECK/);
      expect(() => insert({ contentType: 'image/gif' })).toThrow(/CHECK/);
      for (const pages of [0, 201]) expect(() => insert({ pages })).toThrow(/CHECK/);
      for (const byteLength of [0, 50 * 1024 * 1024 + 1]) {
        expect(() => insert({ byteLength })).toThrow(/CHECK/);
      }
      expect(() => insert({ data: 'not a blob' })).toThrow(/BLOB/);
      expect(() => insert({ data: Buffer.alloc(4) })).toThrow(/CHECK/); // not sealed
      expect(() => insert({ data: null })).toThrow(/CHECK/); // erased, but not when
      expect(() => insert({ purgedAt: 'x' })).toThrow(/CHECK/); // purged, yet with bytes
      insert({ position: 2, data: null, purgedAt: 'x' });

      const set = (columns: string) =>
        db.prepare(`UPDATE materials SET ${columns} WHERE material_id = ?`);
      expect(() => set(`uploaded_at = 'x'`).run(id)).toThrow(/CHECK/); // complete, but where?
      expect(() => set(`upload_url = 'https://elsewhere/'`).run(id)).toThrow(/CHECK/);
      set(`upload_url = '/v1/uploads/AAAAAAAAAAAAAAAA', uploaded_at = 'x'`).run(id);
      expect(() => db.prepare('DELETE FROM requests').run()).toThrow(/never deleted/);
      db.close();
    });
  });
});
