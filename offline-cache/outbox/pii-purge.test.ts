import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CITIZEN_PAYLOAD, testOutbox } from './test-outbox.js';

const DAY = 86_400_000;
let t: ReturnType<typeof testOutbox>;
let now: number;
beforeEach(() => {
  now = Date.parse('2026-11-01T09:00:00.000Z');
  t = testOutbox({ now: () => new Date(now) });
});
afterEach(() => t.remove());

function confirmedOnDay(day: number): string {
  now = Date.parse('2026-11-01T09:00:00.000Z') + day * DAY;
  const r = t.outbox.enqueue({ kind: 'proofPrinted', payload: CITIZEN_PAYLOAD });
  if (!r.ok) throw new Error(r.message);
  t.outbox.queue.settle([
    { kind: 'confirmed', idempotencyKey: r.idempotencyKey, trackingNumber: `TRK-00000${day}` },
  ]);
  return r.idempotencyKey;
}

describe('PII purge', () => {
  it('erases the payload of requests confirmed more than N days ago, keeping the metadata', () => {
    const old = confirmedOnDay(0);
    const recent = confirmedOnDay(25);
    const queued = t.outbox.enqueue({ kind: 'proofPrinted', payload: CITIZEN_PAYLOAD });
    const dead = t.outbox.enqueue({ kind: 'proofPrinted', payload: CITIZEN_PAYLOAD });
    if (!queued.ok || !dead.ok) throw new Error('enqueue failed');
    t.outbox.queue.settle([
      { kind: 'deadLettered', idempotencyKey: dead.idempotencyKey, errorCode: 'rejected' },
    ]);
    const before = t.outbox.get(old);

    const purgeAt = new Date(Date.parse('2026-11-01T09:00:00.000Z') + 31 * DAY);
    expect(t.outbox.purgeConfirmed(30, purgeAt)).toBe(1);
    expect(t.outbox.get(old)).toEqual({ ...before, payloadPurged: true });
    expect(t.outbox.get(old)).toMatchObject({ kind: 'proofPrinted', trackingNumber: 'TRK-000000' });
    expect(t.outbox.findByClaimCode(before?.claimCode ?? '')?.idempotencyKey).toBe(old);
    expect(t.outbox.readPayload(old)).toMatchObject({ ok: false, code: 'noSuchRequest' });
    expect(
      t.db.prepare('SELECT payload FROM requests WHERE idempotency_key = ?').pluck().get(old),
    ).toBeNull();

    // Recent, queued and dead-lettered requests keep theirs (dead letters wait for a technician).
    for (const key of [recent, queued.idempotencyKey, dead.idempotencyKey]) {
      expect(t.outbox.readPayload(key).ok).toBe(true);
    }
    expect(t.outbox.purgeConfirmed(30, purgeAt)).toBe(0);
    expect(t.outbox.purgeConfirmed(0, purgeAt)).toBe(1);
  });

  it('works through a large backlog in short batches', () => {
    for (let i = 0; i < 1_234; i++) confirmedOnDay(0);
    expect(t.outbox.purgeConfirmed(1, new Date(now + 2 * DAY))).toBe(1_234);
    expect(
      t.db.prepare('SELECT count(*) FROM requests WHERE payload IS NOT NULL').pluck().get(),
    ).toBe(0);
  });
});
