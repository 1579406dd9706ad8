import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEALED_OVERHEAD } from '../crypto/sealed-box.js';
import { testOutbox } from '../outbox/test-outbox.js';
import { enqueueApplication, scanned } from './test-materials.js';

const DAY = 86_400_000;
const START = Date.parse('2026-11-01T09:00:00.000Z');
const URL_A = '/v1/uploads/AAAAAAAAAAAAAAAAAAAAAA';
let t: ReturnType<typeof testOutbox>;
let now: number;
beforeEach(() => {
  now = START;
  t = testOutbox({ now: () => new Date(now) });
});
afterEach(() => t.remove());

/** Bytes still stored (sealed) for a request's materials. */
const storedBytes = (key: string): (number | null)[] =>
  t.db
    .prepare(
      `SELECT length(data) FROM materials
       WHERE request_id = (SELECT request_id FROM requests WHERE idempotency_key = ?)
       ORDER BY position`,
    )
    .pluck()
    .all(key) as (number | null)[];

function application(): string {
  return enqueueApplication(t.outbox, [scanned(5000), scanned(7000)]);
}

function deadLettered(): string {
  const key = application();
  t.outbox.queue.settle([{ kind: 'deadLettered', idempotencyKey: key, errorCode: 'rejected' }]);
  return key;
}

describe('materials are erased with the payload', () => {
  it('by the PII purge of confirmed requests, keeping what is not personal', () => {
    const old = application();
    const [first] = t.outbox.materials.forRequest(old);
    t.outbox.materials.recordUploadUrl(first?.materialId ?? 0, URL_A);
    t.outbox.materials.recordUploaded(first?.materialId ?? 0);
    t.outbox.queue.settle([{ kind: 'confirmed', idempotencyKey: old, trackingNumber: 'TRK-1' }]);
    const queued = application();
    const dead = deadLettered();
    const before = t.outbox.materials.forRequest(old);

    expect(t.outbox.purgeConfirmed(30, new Date(START + 31 * DAY))).toBe(1);
    expect(storedBytes(old)).toEqual([null, null]);
    expect(before.map((m) => t.outbox.materials.read(m.materialId))).toEqual([
      undefined,
      undefined,
    ]);
    // Sizes, places and the upload stay (no personal data), so the record still adds up.
    expect(t.outbox.materials.forRequest(old)).toEqual(before);
    expect(t.outbox.get(old)).toMatchObject({ payloadPurged: true, trackingNumber: 'TRK-1' });
    const purgedAt = t.db
      .prepare('SELECT DISTINCT purged_at FROM materials WHERE material_id IN (?, ?)')
      .pluck()
      .all(...before.map((m) => m.materialId));
    expect(purgedAt).toEqual([new Date(START + 31 * DAY).toISOString()]);

    // Queued and dead-lettered applications keep theirs.
    for (const key of [queued, dead]) {
      expect(storedBytes(key)).toEqual([5000 + SEALED_OVERHEAD, 7000 + SEALED_OVERHEAD]);
      for (const m of t.outbox.materials.forRequest(key)) {
        expect(t.outbox.materials.read(m.materialId)?.length).toBe(m.byteLength);
      }
    }
  });

  it('in one transaction with the payload: if the materials cannot be erased, neither is it', () => {
    const key = application();
    t.outbox.queue.settle([{ kind: 'confirmed', idempotencyKey: key }]);
    t.db.exec(`CREATE TRIGGER keep_materials BEFORE UPDATE OF data ON materials
      BEGIN SELECT RAISE(ABORT, 'materials write failed'); END`);
    expect(() => t.outbox.purgeConfirmed(0, new Date(START + DAY))).toThrow(
      'materials write failed',
    );
    expect(t.outbox.readPayload(key).ok).toBe(true);
    expect(storedBytes(key)).toEqual([5000 + SEALED_OVERHEAD, 7000 + SEALED_OVERHEAD]);
    t.db.exec('DROP TRIGGER keep_materials');
    expect(t.outbox.purgeConfirmed(0, new Date(START + DAY))).toBe(1);
    expect(storedBytes(key)).toEqual([null, null]);
  });

  it('when a technician discards a dead letter, not when it is requeued', () => {
    const requeued = deadLettered();
    const discarded = deadLettered();
    const note = { technicianId: 'tech-07', reason: 'citizen withdrew the application' };
    expect(t.outbox.resolveDeadLetter(requeued, 'requeue', note)).toEqual({ ok: true });
    expect(t.outbox.resolveDeadLetter(discarded, 'discard', note)).toEqual({ ok: true });
    expect(storedBytes(requeued)).toEqual([5000 + SEALED_OVERHEAD, 7000 + SEALED_OVERHEAD]);
    expect(storedBytes(discarded)).toEqual([null, null]);
    expect(t.outbox.get(discarded)).toMatchObject({ status: 'discarded', payloadPurged: true });
    for (const m of t.outbox.materials.forRequest(discarded)) {
      expect(t.outbox.materials.read(m.materialId)).toBeUndefined();
    }
  });
});
