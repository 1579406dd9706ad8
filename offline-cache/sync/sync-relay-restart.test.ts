import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CITIZEN_PAYLOAD, testOutbox } from '../outbox/test-outbox.js';
import type { SyncEvents } from './sync-events.js';
import { SyncRelay } from './sync-relay.js';
import { FakePlatform, ManualTime, settle } from './test-support.js';

let t: ReturnType<typeof testOutbox>;
let time: ManualTime;
let platform: FakePlatform;
const relays: SyncRelay[] = [];

function startRelay(): {
  relay: SyncRelay;
  confirmed: SyncEvents['confirmed'][];
  errors: SyncEvents['error'][];
} {
  const relay = new SyncRelay({
    outbox: t.outbox,
    transport: platform,
    clock: time,
    timers: time,
    random: () => 0.5,
  });
  const confirmed: SyncEvents['confirmed'][] = [];
  const errors: SyncEvents['error'][] = [];
  relay.on('confirmed', (e) => confirmed.push(e));
  relay.on('error', (e) => errors.push(e));
  relays.push(relay);
  relay.start();
  return { relay, confirmed, errors };
}

beforeEach(() => {
  t = testOutbox();
  time = new ManualTime();
  platform = new FakePlatform();
});
afterEach(async () => {
  await Promise.all(relays.splice(0).map((r) => r.stop()));
  t.remove();
});

function enqueue(): string {
  const r = t.outbox.enqueue({ kind: 'proofPrinted', payload: CITIZEN_PAYLOAD });
  if (!r.ok) throw new Error(r.message);
  return r.idempotencyKey;
}

describe('sync relay across a crash', () => {
  it('sends a request committed just before the crash after restart, with the same key', async () => {
    const key = enqueue();
    t.reopen(); // power cut between "row committed" and "sent"
    expect(t.outbox.get(key)?.status).toBe('queued');
    const { confirmed } = startRelay();
    await time.advance(0);
    expect(platform.deliveries()).toEqual([key]);
    expect(confirmed).toEqual([{ idempotencyKey: key, trackingNumber: 'TRK-000001' }]);
  });

  it('after a crash between "platform stored it" and "marked sent", resends once and counts it once', async () => {
    const key = enqueue();
    let answer: () => void = () => {};
    platform.respond = (results) =>
      new Promise((resolve) => {
        answer = () => resolve({ ok: true, value: { results } });
      });
    const first = startRelay();
    await settle();
    expect(platform.applied.has(key)).toBe(true); // the platform applied it…
    t.db.close(); // …and the kiosk died before recording the answer
    answer();
    await settle();
    expect(first.errors.map((e) => e.code)).toEqual(['syncFailed']);
    await first.relay.stop();

    t.reopen();
    expect(t.outbox.get(key)?.status).toBe('queued');
    platform.respond = (results) => ({ ok: true, value: { results } });
    const second = startRelay();
    await time.advance(0);
    expect(platform.deliveries()).toEqual([key, key]);
    expect(second.confirmed).toEqual([{ idempotencyKey: key, trackingNumber: 'TRK-000001' }]);
    expect(t.outbox.get(key)).toMatchObject({ status: 'confirmed', trackingNumber: 'TRK-000001' });
  });

  it('makes everything due at start: retry times from the old process mean nothing', async () => {
    const key = enqueue();
    t.db.prepare('UPDATE outbox SET next_attempt_at = 9e12, attempts = 7').run();
    t.reopen();
    startRelay();
    await time.advance(0);
    expect(platform.deliveries()).toEqual([key]);
  });
});
