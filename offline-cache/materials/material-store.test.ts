import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../../contract/platform-api.js';
import { StaticKeyProvider } from '../crypto/key-provider.js';
import { CITIZEN_PAYLOAD, testOutbox } from '../outbox/test-outbox.js';
import { MaterialReader } from './material-reader.js';
import { MaterialStore } from './material-store.js';
import { PayloadSealer } from '../outbox/payload-sealer.js';
import {
  APPLICATION_PAYLOAD,
  applicationWith,
  enqueueApplication,
  scanned,
} from './test-materials.js';

let t: ReturnType<typeof testOutbox>;
let now: number;
beforeEach(() => {
  now = Date.parse('2026-11-23T10:00:00.000Z');
  t = testOutbox({ now: () => new Date(now) });
});
afterEach(() => t.remove());

const count = (table: string): number =>
  t.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const URL_A = '/v1/uploads/AAAAAAAAAAAAAAAAAAAAAA';
const URL_B = '/v1/uploads/BBBBBBBBBBBBBBBBBBBBBB';

describe('materials stored with their request', () => {
  it('round-trip every byte, in position order, after a restart too', () => {
    const pages = [
      scanned(3 * 1024 * 1024, { contentType: 'application/pdf', pages: 12 }),
      scanned(1),
      scanned(200_000, { contentType: 'image/jpeg', pages: 2 }),
    ];
    const key = enqueueApplication(t.outbox, pages);
    t.reopen();
    const stored = t.outbox.materials.forRequest(key);
    expect(stored).toEqual(
      pages.map((page, i) => ({
        materialId: expect.any(Number) as number,
        position: i + 1,
        contentType: page.contentType,
        pages: page.pages,
        byteLength: page.data.length,
        uploaded: false,
      })),
    );
    stored.forEach((material, i) => {
      expect(
        t.outbox.materials.read(material.materialId)?.equals(pages[i]?.data ?? new Uint8Array()),
      ).toBe(true);
    });
    expect(t.outbox.readPayload(key)).toEqual({ ok: true, payload: APPLICATION_PAYLOAD });
    expect(t.outbox.get(key)).toMatchObject({ kind: 'documentApplication', status: 'queued' });
  });

  it('are sealed at rest: no scanned byte sequence is in the .sqlite, -wal or -shm files', () => {
    // A recognisable page: the applicant's ID number and a fixed pattern, repeated.
    const marker = Buffer.from('440604199203150027 TENANCY CONTRACT ', 'utf8');
    const page = Buffer.concat(Array.from({ length: 2000 }, () => marker));
    enqueueApplication(t.outbox, [{ contentType: 'application/pdf', pages: 1, data: page }]);
    const files = readdirSync(t.dir).filter((f) => f.startsWith('kiosk.sqlite'));
    expect(files).toContain('kiosk.sqlite-wal');
    const bytes = () => Buffer.concat(files.map((f) => readFileSync(join(t.dir, f))));
    expect(bytes().includes(marker)).toBe(false);
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(bytes().includes(marker)).toBe(false);
  });

  it('are readable through a store made from the same database and key only', () => {
    const key = enqueueApplication(t.outbox, [scanned(1000)]);
    const [material] = t.outbox.materials.forRequest(key);
    if (!material) throw new Error('no material');
    const own = new MaterialStore(t.db, t.keys);
    expect(own.read(material.materialId)).toEqual(t.outbox.materials.read(material.materialId));
    const otherKey = new StaticKeyProvider(randomBytes(32));
    expect(new MaterialStore(t.db, otherKey).read(material.materialId)).toBeUndefined();
    expect(new MaterialReader(t.db, new PayloadSealer(otherKey)).open(material.materialId)).toEqual(
      {
        ok: false,
        code: 'materialUnreadable',
        message: expect.stringMatching(/does not authenticate/) as string,
        action: 'maintenance',
      },
    );
  });

  it('record the tus upload: URL at once, completion later, forgotten if the platform lost it', () => {
    const key = enqueueApplication(t.outbox, [scanned(100), scanned(100)]);
    const store = t.outbox.materials;
    const [first, second] = store.forRequest(key).map((m) => m.materialId) as [number, number];
    store.recordUploadUrl(first, URL_A);
    t.reopen(); // a restart between creating the upload and sending the bytes resumes it
    expect(t.outbox.materials.forRequest(key)[0]).toMatchObject({
      uploadUrl: URL_A,
      uploaded: false,
    });
    t.outbox.materials.recordUploaded(first);
    t.outbox.materials.recordUploaded(first); // again: still complete, first time kept
    expect(t.outbox.materials.forRequest(key)).toMatchObject([
      { materialId: first, uploadUrl: URL_A, uploaded: true },
      { materialId: second, uploaded: false },
    ]);
    expect(
      t.db.prepare('SELECT uploaded_at FROM materials WHERE material_id = ?').pluck().get(first),
    ).toBe('2026-11-23T10:00:00.000Z');

    t.outbox.materials.clearUploadUrl(first); // the platform answered 404/410: start over
    expect(t.outbox.materials.forRequest(key)[0]).toEqual(
      expect.not.objectContaining({ uploadUrl: expect.anything() as unknown }),
    );
    expect(t.outbox.materials.forRequest(key)[0]?.uploaded).toBe(false);
    t.outbox.materials.recordUploadUrl(first, URL_B);
    expect(t.outbox.materials.forRequest(key)[0]).toMatchObject({
      uploadUrl: URL_B,
      uploaded: false,
    });
  });

  it('refuse bookkeeping for unknown materials, malformed URLs and uploads never created', () => {
    const key = enqueueApplication(t.outbox, [scanned(100)]);
    const [material] = t.outbox.materials.forRequest(key);
    const id = material?.materialId ?? 0;
    const store = t.outbox.materials;
    expect(() => store.recordUploadUrl(999, URL_A)).toThrow(RangeError);
    expect(() => store.recordUploaded(999)).toThrow(RangeError);
    expect(() => store.clearUploadUrl(999)).toThrow(RangeError);
    expect(() => store.recordUploadUrl(id, 'https://elsewhere.example/x')).toThrow(RangeError);
    expect(() => store.recordUploaded(id)).toThrow(/no upload/);
    expect(store.read(999)).toBeUndefined();
    expect(store.forRequest('FS-CHANCHENG-0042.01JD5Z8X7W6V5T4S3R2Q1P0N9M')).toEqual([]);
  });

  it('never give another row’s bytes: moved, swapped or relabelled rows do not open', () => {
    const a = enqueueApplication(t.outbox, [scanned(500), scanned(600)]);
    const b = enqueueApplication(t.outbox, [scanned(700)]);
    const [a1, a2] = t.outbox.materials.forRequest(a).map((m) => m.materialId) as [number, number];
    const [b1] = t.outbox.materials.forRequest(b).map((m) => m.materialId) as [number];
    const reader = new MaterialReader(t.db, new PayloadSealer(t.keys));
    const unreadable = (id: number) => {
      expect(t.outbox.materials.read(id)).toBeUndefined();
      expect(reader.open(id)).toMatchObject({ ok: false, code: 'materialUnreadable' });
    };
    const tamper = (sql: string, ...params: unknown[]) => t.db.prepare(sql).run(...params);
    const dataOf = (id: number) =>
      t.db.prepare('SELECT data FROM materials WHERE material_id = ?').pluck().get(id) as Buffer;
    const original = { a1: dataOf(a1), b1: dataOf(b1) };

    // Positions swapped (through a free place, as the unique key demands).
    tamper('UPDATE materials SET position = 9 WHERE material_id = ?', a1);
    tamper('UPDATE materials SET position = 1 WHERE material_id = ?', a2);
    tamper('UPDATE materials SET position = 2 WHERE material_id = ?', a1);
    unreadable(a1);
    unreadable(a2);
    tamper('UPDATE materials SET position = 9 WHERE material_id = ?', a1);
    tamper('UPDATE materials SET position = 2 WHERE material_id = ?', a2);
    tamper('UPDATE materials SET position = 1 WHERE material_id = ?', a1);
    expect(t.outbox.materials.read(a1)).toBeDefined();

    // Bytes copied from another request's material in the same place.
    tamper('UPDATE materials SET data = ? WHERE material_id = ?', original.b1, a1);
    unreadable(a1);
    // A row moved to another request.
    tamper('UPDATE materials SET data = ? WHERE material_id = ?', original.a1, a1);
    tamper(
      `UPDATE materials SET request_id =
         (SELECT request_id FROM requests WHERE idempotency_key = ?) WHERE material_id = ?`,
      b,
      a2,
    );
    unreadable(a2);
    // Relabelled: another media type, page count or length.
    for (const change of [`content_type = 'application/pdf'`, 'pages = 3', 'byte_length = 499']) {
      tamper(`UPDATE materials SET ${change} WHERE material_id = ?`, a1);
      unreadable(a1);
      tamper(
        'UPDATE materials SET content_type = ?, pages = 1, byte_length = 500 WHERE material_id = ?',
        'image/png',
        a1,
      );
    }
    // A payload is not a material either, nor the other way round.
    const c = enqueueApplication(t.outbox, [scanned(10)]);
    const [c1] = t.outbox.materials.forRequest(c).map((m) => m.materialId) as [number];
    const payload = t.db
      .prepare('SELECT payload FROM requests WHERE idempotency_key = ?')
      .pluck()
      .get(c) as Buffer;
    tamper('UPDATE materials SET data = ? WHERE material_id = ?', payload, c1);
    unreadable(c1);
    tamper('UPDATE requests SET payload = ? WHERE idempotency_key = ?', original.b1, b);
    expect(t.outbox.readPayload(b)).toMatchObject({ ok: false, action: 'maintenance' });
    expect(t.outbox.materials.read(a1)?.length).toBe(500);
  });
});

describe('enqueue with materials', () => {
  it('refuses invalid materials with a typed invalidRequest, writing nothing', () => {
    const empty = new Uint8Array(0);
    const bad = [
      applicationWith([]),
      applicationWith(Array.from({ length: 21 }, () => scanned(10))),
      { kind: 'documentApplication', payload: APPLICATION_PAYLOAD },
      applicationWith([scanned(10, { contentType: 'image/gif' as never })]),
      applicationWith([scanned(10, { pages: 0 })]),
      applicationWith([scanned(10, { pages: 201 })]),
      applicationWith([scanned(10, { pages: 1.5 })]),
      applicationWith([scanned(10), scanned(10, { data: empty })]),
      applicationWith([scanned(10, { data: 'bytes' as never })]),
      applicationWith([
        { contentType: 'image/png', pages: 1, data: new Uint8Array(MAX_UPLOAD_BYTES + 1) },
      ]),
      applicationWith([null as never]),
      { kind: 'proofPrinted', payload: CITIZEN_PAYLOAD, materials: [scanned(10)] },
      { kind: 'proofPrinted', payload: CITIZEN_PAYLOAD, materials: [] },
    ];
    for (const request of bad) {
      expect(t.outbox.enqueue(request as never)).toMatchObject({
        ok: false,
        code: 'invalidRequest',
        action: 'softwareError',
      });
    }
    expect([count('requests'), count('outbox'), count('materials')]).toEqual([0, 0, 0]);
    const refused = t.outbox.enqueue(applicationWith([scanned(10), scanned(10, { pages: 0 })]));
    expect(refused).toMatchObject({ message: 'document 2: pages must be 1 to 200' });
  });

  it('takes 20 documents and the largest one the platform accepts', () => {
    const twenty = enqueueApplication(
      t.outbox,
      Array.from({ length: 20 }, () => scanned(10)),
    );
    expect(t.outbox.materials.forRequest(twenty).map((m) => m.position)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const largest = scanned(MAX_UPLOAD_BYTES, { contentType: 'application/pdf', pages: 200 });
    const [material] = t.outbox.materials.forRequest(enqueueApplication(t.outbox, [largest]));
    expect(material?.byteLength).toBe(MAX_UPLOAD_BYTES);
    expect(t.outbox.materials.read(material?.materialId ?? 0)?.equals(largest.data)).toBe(true);
  });

  it('leaves requests without materials as they were', () => {
    const r = t.outbox.enqueue({ kind: 'proofPrinted', payload: CITIZEN_PAYLOAD });
    if (!r.ok) throw new Error(r.message);
    expect(count('materials')).toBe(0);
    expect(t.outbox.materials.forRequest(r.idempotencyKey)).toEqual([]);
    expect(t.outbox.readPayload(r.idempotencyKey)).toEqual({ ok: true, payload: CITIZEN_PAYLOAD });
    // The key's time is the request's createdAt (one clock reading for both).
    expect(r.createdAt).toBe('2026-11-23T10:00:00.000Z');
  });
});
