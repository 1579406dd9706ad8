import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CITIZEN_PAYLOAD, testOutbox } from './test-outbox.js';

let t: ReturnType<typeof testOutbox>;
beforeEach(() => {
  t = testOutbox();
});
afterEach(() => t.remove());

/** Every byte of the database files on disk (main file, WAL, shared memory). */
function rawBytes(): Buffer {
  const files = readdirSync(t.dir).filter((f) => f.startsWith('kiosk.sqlite'));
  expect(files).toContain('kiosk.sqlite-wal');
  return Buffer.concat(files.map((f) => readFileSync(join(t.dir, f))));
}

const secrets = [CITIZEN_PAYLOAD.idNumber, CITIZEN_PAYLOAD.name, CITIZEN_PAYLOAD.proofId];
// UTF-8 and UTF-16 (latin1 adds nothing for ASCII, and makes 2-byte noise of CJK names that
// random ciphertext contains by chance).
const encodings: BufferEncoding[] = ['utf8', 'utf16le'];

describe('personal data at rest', () => {
  it('never appears in clear in the .sqlite, -wal or -shm bytes, before or after a checkpoint', () => {
    const stored: string[] = [];
    for (let i = 0; i < 20; i++) {
      const r = t.outbox.enqueue({
        kind: 'proofPrinted',
        payload: CITIZEN_PAYLOAD,
        orderingKey: `CASE-${i % 3}`,
      });
      if (!r.ok) throw new Error(r.message);
      stored.push(r.idempotencyKey);
    }
    const inWal = rawBytes();
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    t.outbox.queue.settle(
      stored.slice(0, 5).map((idempotencyKey) => ({ kind: 'confirmed', idempotencyKey })),
    );
    const afterCheckpoint = rawBytes();
    for (const bytes of [inWal, afterCheckpoint]) {
      for (const secret of secrets) {
        for (const encoding of encodings) {
          expect(bytes.includes(Buffer.from(secret, encoding)), `${secret} as ${encoding}`).toBe(
            false,
          );
        }
      }
      // The key's own bytes are not there either.
      expect(bytes.includes(t.keys.getKey())).toBe(false);
    }
    // …and yet every request reads back whole with the key.
    for (const key of stored)
      expect(t.outbox.readPayload(key)).toEqual({ ok: true, payload: CITIZEN_PAYLOAD });
  });

  it('refuses a payload copied into another row (bound to its idempotency key)', () => {
    const a = t.outbox.enqueue({ kind: 'proofPrinted', payload: CITIZEN_PAYLOAD });
    const b = t.outbox.enqueue({ kind: 'proofPrinted', payload: { name: '李四' } });
    if (!a.ok || !b.ok) throw new Error('enqueue failed');
    t.db
      .prepare(
        'UPDATE requests SET payload = (SELECT payload FROM requests WHERE idempotency_key = ?) WHERE idempotency_key = ?',
      )
      .run(a.idempotencyKey, b.idempotencyKey);
    expect(t.outbox.readPayload(b.idempotencyKey)).toMatchObject({
      ok: false,
      action: 'maintenance',
    });
  });
});
