import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyProviderError, type KeyProvider } from '../crypto/key-provider.js';
import { Outbox } from '../outbox/outbox.js';
import { CITIZEN_PAYLOAD, testOutbox } from '../outbox/test-outbox.js';
import type { SyncEvents } from './sync-events.js';
import { SyncRelay } from './sync-relay.js';
import { FakePlatform, ManualTime } from './test-support.js';

let t: ReturnType<typeof testOutbox>;
let time: ManualTime;
let platform: FakePlatform;
let relay: SyncRelay | undefined;
let errors: SyncEvents['error'][];
let deadLettered: SyncEvents['deadLettered'][];

beforeEach(() => {
  t = testOutbox();
  time = new ManualTime();
  platform = new FakePlatform();
  errors = [];
  deadLettered = [];
});
afterEach(async () => {
  await relay?.stop();
  t.remove();
});

function start(outbox: Outbox = t.outbox, onListenerError?: (e: unknown) => void): SyncRelay {
  relay = new SyncRelay({
    outbox,
    transport: platform,
    clock: time,
    timers: time,
    random: () => 0.5,
    ...(onListenerError ? { onListenerError } : {}),
  });
  relay.on('error', (e) => errors.push(e));
  relay.on('deadLettered', (e) => deadLettered.push(e));
  relay.start();
  return relay;
}

function enqueue(outbox: Outbox = t.outbox): string {
  const r = outbox.enqueue({ kind: 'proofPrinted', payload: CITIZEN_PAYLOAD });
  if (!r.ok) throw new Error(r.message);
  return r.idempotencyKey;
}

describe('sync relay failures', () => {
  it('parks a payload the kiosk cannot decrypt (altered on disk) and sends the rest', async () => {
    const [a, b] = [enqueue(), enqueue()];
    t.db
      .prepare(
        `UPDATE requests SET payload = (SELECT payload FROM requests WHERE idempotency_key = ?)
       WHERE idempotency_key = ?`,
      )
      .run(b, a);
    start();
    await time.advance(0);
    expect(deadLettered).toEqual([
      { idempotencyKey: a, errorCode: 'payloadUnreadable', holding: [] },
    ]);
    expect(platform.deliveries()).toEqual([b]);
  });

  it('does not dead-letter anything while the key is unavailable: reports and retries', async () => {
    let broken = false;
    const keys = randomBytes(32);
    const provider: KeyProvider = {
      getKey: () => {
        if (broken) throw new KeyProviderError('keyFileExposed', 'key file mode 644');
        return keys;
      },
    };
    const outbox = new Outbox(t.db, { kioskId: 'FS-1', keys: provider });
    const key = enqueue(outbox);
    broken = true;
    start(outbox);
    await time.advance(0);
    expect(errors).toEqual([
      { code: 'keyUnavailable', message: 'key file mode 644', action: 'configuration' },
    ]);
    expect(deadLettered).toEqual([]);
    broken = false;
    await time.advance(1_000);
    expect(outbox.get(key)?.status).toBe('confirmed');
  });

  it('asks for configuration when the platform refuses the kiosk (401), keeping the requests', async () => {
    const key = enqueue();
    let refuse = true;
    platform.respond = (results) =>
      refuse
        ? { ok: false, error: { kind: 'http', status: 401, message: 'badSignature' } }
        : { ok: true, value: { results } };
    start();
    await time.advance(0);
    expect(errors[0]).toMatchObject({ code: 'platformRefusedKiosk', action: 'configuration' });
    expect(t.outbox.get(key)?.status).toBe('queued');
    refuse = false;
    relay?.nudge();
    await time.advance(0);
    expect(t.outbox.get(key)?.status).toBe('confirmed');
  });

  it('stops blaming items when the platform refuses every request as invalid', async () => {
    for (let i = 0; i < 10; i++) enqueue();
    platform.respond = () => ({
      ok: false,
      error: { kind: 'http', status: 422, message: 'schema mismatch' },
    });
    start();
    await time.advance(0);
    expect(deadLettered).toHaveLength(3);
    expect(errors.map((e) => e.code)).toContain('platformRefusesEverything');
    expect(t.outbox.stats().queueDepth).toBe(7);
  });

  it('keeps going when a listener throws', async () => {
    const thrown: unknown[] = [];
    const r = start(t.outbox, (e) => thrown.push(e));
    r.on('confirmed', () => {
      throw new Error('screen crashed');
    });
    const key = enqueue();
    r.nudge();
    await time.advance(0);
    expect(t.outbox.get(key)?.status).toBe('confirmed');
    expect(thrown).toHaveLength(1);
  });
});
