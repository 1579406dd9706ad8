import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CITIZEN_PAYLOAD, testOutbox } from './test-outbox.js';

let t: ReturnType<typeof testOutbox>;
beforeEach(() => {
  t = testOutbox();
});
afterEach(() => t.remove());

const payload = { ...CITIZEN_PAYLOAD, note: 'x'.repeat(1500) };
const pragma = (name: string): number => t.db.pragma(name, { simple: true }) as number;

describe('outbox on a full disk (SQLITE_FULL from a real file at its page limit)', () => {
  it('refuses with storageFull, writes nothing half, keeps earlier requests, and recovers', () => {
    const stored: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = t.outbox.enqueue({ kind: 'proofPrinted', payload, orderingKey: 'CASE-1' });
      if (r.ok) stored.push(r.idempotencyKey);
    }
    // The database may grow by a few pages only: the next requests fill it.
    t.db.pragma(`max_page_count = ${pragma('page_count') + 4}`);
    let refusal;
    for (let i = 0; i < 50 && refusal === undefined; i++) {
      const r = t.outbox.enqueue({ kind: 'proofPrinted', payload, orderingKey: 'CASE-1' });
      if (r.ok) stored.push(r.idempotencyKey);
      else refusal = r;
    }
    expect(refusal).toMatchObject({ ok: false, code: 'storageFull', action: 'maintenance' });
    expect(refusal?.message).toMatch(/cannot grow.*refused until space is freed/);

    // Consistent: every stored request has both rows, sequences have no gap, the file is sound.
    expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const counts = t.db
      .prepare(
        `SELECT (SELECT count(*) FROM requests) AS requests, (SELECT count(*) FROM outbox) AS outbox,
           (SELECT last_sequence FROM ordering_groups) AS lastSequence`,
      )
      .get();
    expect(counts).toEqual({
      requests: stored.length,
      outbox: stored.length,
      lastSequence: stored.length,
    });
    for (const key of stored) expect(t.outbox.readPayload(key).ok).toBe(true);

    // Refuses new requests until space is freed, without even trying to write.
    expect(t.outbox.canAccept()).toMatchObject({ ok: false, code: 'storageFull' });
    expect(t.outbox.enqueue({ kind: 'proofPrinted', payload })).toMatchObject({
      code: 'storageFull',
    });

    t.db.pragma(`max_page_count = ${pragma('page_count') + 10_000}`); // a technician frees space
    expect(t.outbox.canAccept()).toEqual({ ok: true });
    const after = t.outbox.enqueue({ kind: 'proofPrinted', payload, orderingKey: 'CASE-1' });
    expect(after).toMatchObject({ ok: true, sequence: stored.length + 1 });

    t.reopen();
    expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.outbox.stats().queueDepth).toBe(stored.length + 1);
  });
});
