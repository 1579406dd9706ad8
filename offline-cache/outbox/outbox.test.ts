import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IdempotencyKey } from '../../contract/platform-api.js';
import { KeyProviderError, StaticKeyProvider, type KeyProvider } from '../crypto/key-provider.js';
import { CLAIM_CODE_PATTERN, formatClaimCode, parseClaimCode } from './claim-code.js';
import { Outbox } from './outbox.js';
import { CITIZEN_PAYLOAD, testOutbox } from './test-outbox.js';

let t: ReturnType<typeof testOutbox>;
beforeEach(() => {
  t = testOutbox();
});
afterEach(() => t.remove());

const count = (table: string): number =>
  t.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

function enqueued(orderingKey?: string) {
  const result = t.outbox.enqueue({
    kind: 'proofPrinted',
    payload: CITIZEN_PAYLOAD,
    ...(orderingKey ? { orderingKey } : {}),
  });
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('outbox enqueue', () => {
  it('returns a fleet-unique key and a typable claim code, and keeps a local record', () => {
    const result = enqueued();
    expect(IdempotencyKey.safeParse(result.idempotencyKey).success).toBe(true);
    expect(result.idempotencyKey.startsWith('FS-CHANCHENG-0042.')).toBe(true);
    expect(result.claimCode).toMatch(CLAIM_CODE_PATTERN);
    expect(parseClaimCode(result.claimCode)).toBe(result.claimCode);
    expect(t.outbox.get(result.idempotencyKey)).toEqual({
      idempotencyKey: result.idempotencyKey,
      kind: 'proofPrinted',
      createdAt: result.createdAt,
      claimCode: result.claimCode,
      status: 'queued',
      payloadPurged: false,
    });
    expect(t.outbox.findByClaimCode(result.claimCode)?.idempotencyKey).toBe(result.idempotencyKey);
    expect(t.outbox.readPayload(result.idempotencyKey)).toEqual({
      ok: true,
      payload: CITIZEN_PAYLOAD,
    });
    expect(t.outbox.stats()).toEqual({
      queueDepth: 1,
      oldestQueuedAt: result.createdAt,
      deadLetters: 0,
      blocked: 0,
    });
  });

  it('numbers the requests of an ordering group 1, 2, 3… and other groups on their own', () => {
    expect(
      [enqueued('CASE-A'), enqueued('CASE-B'), enqueued('CASE-A')].map((r) => r.sequence),
    ).toEqual([1, 1, 2]);
    expect(enqueued().sequence).toBeUndefined();
  });

  it('writes the record and the outbox row together or not at all', () => {
    t.db.exec(`CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox
      BEGIN SELECT RAISE(ABORT, 'outbox write failed'); END`);
    expect(() =>
      t.outbox.enqueue({ kind: 'proofPrinted', payload: CITIZEN_PAYLOAD, orderingKey: 'CASE-A' }),
    ).toThrow('outbox write failed');
    expect([count('requests'), count('outbox'), count('ordering_groups')]).toEqual([0, 0, 0]);
    t.db.exec(`DROP TRIGGER fail_outbox; CREATE TRIGGER fail_request AFTER INSERT ON requests
      BEGIN SELECT RAISE(ABORT, 'record write failed'); END`);
    expect(() => t.outbox.enqueue({ kind: 'proofPrinted', payload: CITIZEN_PAYLOAD })).toThrow(
      'record write failed',
    );
    expect([count('requests'), count('outbox')]).toEqual([0, 0]);
    t.db.exec('DROP TRIGGER fail_request');
    expect(enqueued('CASE-A').sequence).toBe(1);
  });

  it('gives every request its own claim code, found again as typed, also after a restart', () => {
    const made = Array.from({ length: 500 }, () => enqueued());
    expect(new Set(made.map((r) => r.claimCode)).size).toBe(500);
    const last = made.at(-1);
    if (!last) throw new Error('nothing enqueued');
    const typed = formatClaimCode(last.claimCode).toLowerCase();
    expect(t.outbox.findByClaimCode(typed)?.idempotencyKey).toBe(last.idempotencyKey);
    expect(t.outbox.findByClaimCode('0000-0000')).toBeUndefined();
    t.reopen();
    expect(t.outbox.get(last.idempotencyKey)?.claimCode).toBe(last.claimCode);
    expect(() => t.db.prepare('DELETE FROM requests').run()).toThrow(/never deleted/);
  });

  it('refuses beyond the queue cap with queueFull, and takes requests again once it drains', () => {
    const outbox = new Outbox(t.db, { kioskId: 'FS-1', keys: t.keys, maxQueued: 3 });
    for (let i = 0; i < 3; i++)
      expect(outbox.enqueue({ kind: 'proofPrinted', payload: {} }).ok).toBe(true);
    const refused = outbox.enqueue({ kind: 'proofPrinted', payload: {} });
    expect(refused).toMatchObject({ ok: false, code: 'queueFull', action: 'maintenance' });
    expect(outbox.canAccept()).toMatchObject({ ok: false, code: 'queueFull' });
    t.db
      .prepare('DELETE FROM outbox WHERE request_id = (SELECT min(request_id) FROM outbox)')
      .run();
    expect(outbox.canAccept()).toEqual({ ok: true });
    expect(outbox.enqueue({ kind: 'proofPrinted', payload: {} }).ok).toBe(true);
  });

  it('refuses malformed requests and ordering keys that are ID numbers, writing nothing', () => {
    const bad = [
      { kind: 'coffee', payload: {} },
      { kind: 'proofPrinted', payload: [] },
      { kind: 'proofPrinted', payload: {}, orderingKey: '' },
      { kind: 'proofPrinted', payload: {}, orderingKey: '11010519491231002X' },
      { kind: 'proofPrinted', payload: { scan: 'x'.repeat(300 * 1024) } },
    ];
    for (const request of bad) {
      expect(t.outbox.enqueue(request as never)).toMatchObject({
        ok: false,
        code: 'invalidRequest',
      });
    }
    expect(count('requests')).toBe(0);
  });

  it('answers keyUnavailable (configuration) instead of crashing when the key cannot be had', () => {
    const broken: KeyProvider = {
      getKey: () => {
        throw new KeyProviderError('keyFileExposed', 'key file is world-readable');
      },
    };
    const outbox = new Outbox(t.db, { kioskId: 'FS-1', keys: broken });
    expect(outbox.enqueue({ kind: 'proofPrinted', payload: {} })).toMatchObject({
      ok: false,
      code: 'keyUnavailable',
      action: 'configuration',
    });
    expect(count('requests')).toBe(0);
  });

  it('cannot read a payload with another key: a typed failure, not a crash', () => {
    const { idempotencyKey } = enqueued();
    const other = new Outbox(t.db, {
      kioskId: 'FS-1',
      keys: new StaticKeyProvider(randomBytes(32)),
    });
    expect(other.readPayload(idempotencyKey)).toMatchObject({ ok: false, action: 'maintenance' });
  });
});
