import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CITIZEN_PAYLOAD, testOutbox } from '../outbox/test-outbox.js';
import type { SyncEvents } from './sync-events.js';
import { SyncRelay, type SyncRelayOptions } from './sync-relay.js';
import { FakePlatform, ManualTime, settle } from './test-support.js';

let t: ReturnType<typeof testOutbox>;
let time: ManualTime;
let platform: FakePlatform;
let relay: SyncRelay;
let events: { [K in keyof SyncEvents]: SyncEvents[K][] };

function makeRelay(options: Partial<SyncRelayOptions> = {}): SyncRelay {
  const made = new SyncRelay({
    outbox: t.outbox,
    transport: platform,
    clock: time,
    timers: time,
    random: () => 0.5,
    ...options,
  });
  events = { state: [], progress: [], confirmed: [], deadLettered: [], blocked: [], error: [] };
  for (const name of Object.keys(events) as (keyof SyncEvents)[]) {
    made.on(name, (payload) => (events[name] as unknown[]).push(payload));
  }
  return made;
}

beforeEach(() => {
  t = testOutbox();
  time = new ManualTime();
  platform = new FakePlatform();
  relay = makeRelay();
});
afterEach(async () => {
  await relay.stop();
  t.remove();
});

function enqueue(n: number, orderingKey?: string): string[] {
  return Array.from({ length: n }, (_, i) => {
    const r = t.outbox.enqueue({
      kind: 'proofPrinted',
      payload: { ...CITIZEN_PAYLOAD, n: i },
      ...(orderingKey ? { orderingKey } : {}),
    });
    if (!r.ok) throw new Error(r.message);
    return r.idempotencyKey;
  });
}

describe('sync relay', () => {
  it('sends queued requests oldest first in batches and records each tracking number', async () => {
    const keys = enqueue(120);
    relay.start();
    await time.advance(0);
    expect(platform.batches.map((b) => b.items.length)).toEqual([50, 50, 20]);
    expect(platform.deliveries()).toEqual(keys);
    expect(platform.batches[0]?.items[0]).toMatchObject({
      idempotencyKey: keys[0],
      kind: 'proofPrinted',
      payload: { ...CITIZEN_PAYLOAD, n: 0 },
    });
    expect(t.outbox.get(keys[0] ?? '')).toMatchObject({
      status: 'confirmed',
      trackingNumber: 'TRK-000001',
    });
    expect(events.confirmed).toHaveLength(120);
    expect(events.progress.at(-1)).toEqual({ confirmed: 120, remaining: 0, deadLetters: 0 });
    expect(events.state.map((s) => s.state)).toEqual(['syncing', 'idle']);
    expect(relay.stats()).toMatchObject({ queueDepth: 0, deadLetters: 0, state: 'idle' });
  });

  it('counts a replayed answer once: the platform stored it but the answer was lost', async () => {
    const [key] = enqueue(1);
    let drop = true;
    platform.respond = (results) => {
      if (drop) {
        drop = false;
        return { ok: false, error: { kind: 'network', message: 'connection reset' } };
      }
      return { ok: true, value: { results } };
    };
    relay.start();
    await time.advance(0);
    expect(t.outbox.get(key ?? '')?.status).toBe('queued');
    await time.advance(1_000); // backoff (random 0.5 × 1 s)
    expect(platform.deliveries()).toEqual([key, key]);
    expect(events.confirmed).toEqual([{ idempotencyKey: key, trackingNumber: 'TRK-000001' }]);
    expect(t.outbox.get(key ?? '')?.status).toBe('confirmed');
  });

  it('matches results by key when they come reordered, duplicated, or for unknown keys', async () => {
    const keys = enqueue(5);
    platform.respond = (results) => {
      const reversed = [...results].reverse();
      const first = results[0];
      if (!first) throw new Error('empty batch');
      const stranger = { ...first, idempotencyKey: 'OTHER-KIOSK.01J00000000000000000000000' };
      return { ok: true, value: { results: [...reversed, first, stranger] } };
    };
    relay.start();
    await time.advance(0);
    const confirmed = keys.map((k) => t.outbox.get(k)?.trackingNumber);
    expect(confirmed).toEqual([
      'TRK-000001',
      'TRK-000002',
      'TRK-000003',
      'TRK-000004',
      'TRK-000005',
    ]);
    expect(events.confirmed).toHaveLength(5);
  });

  it('sends again the items an answer left out, and only those', async () => {
    const keys = enqueue(4);
    let first = true;
    platform.respond = (results) => {
      const kept = first ? results.slice(0, 2) : results;
      first = false;
      return { ok: true, value: { results: kept } };
    };
    relay.start();
    await time.advance(0);
    expect(events.confirmed).toHaveLength(2);
    expect(relay.state).toBe('online');
    await time.advance(1_000);
    expect(platform.deliveries()).toEqual([...keys, keys[2], keys[3]]);
    expect(events.confirmed).toHaveLength(4);
    expect(relay.state).toBe('idle');
  });

  it('parks a poisoned item as a dead letter and delivers the rest', async () => {
    const keys = enqueue(5);
    const poisoned = keys[2] ?? '';
    platform.react = (item) => (item.idempotencyKey === poisoned ? 'rejected' : 'apply');
    relay.start();
    await time.advance(0);
    expect(events.deadLettered).toEqual([
      { idempotencyKey: poisoned, errorCode: 'invalidPayload', holding: [] },
    ]);
    expect(events.confirmed).toHaveLength(4);
    expect(t.outbox.get(poisoned)?.status).toBe('deadLettered');
    expect(t.outbox.deadLetters.list()).toEqual([
      expect.objectContaining({
        idempotencyKey: poisoned,
        errorCode: 'invalidPayload',
        attempts: 1,
      }),
    ]);
    expect(relay.stats()).toMatchObject({ queueDepth: 0, deadLetters: 1 });
    await time.advance(600_000);
    expect(platform.deliveries().filter((k) => k === poisoned)).toHaveLength(1);
  });

  it('dead-letters keyReused; retries inFlight and outOfOrder soon', async () => {
    const [reused, busy, early] = enqueue(3);
    let round = 0;
    platform.react = (item) => {
      if (item.idempotencyKey === reused) return 'keyReused';
      if (round === 0 && item.idempotencyKey === busy) return 'inFlight';
      if (round === 0 && item.idempotencyKey === early) return 'outOfOrder';
      return 'apply';
    };
    platform.respond = (results) => {
      round++;
      return { ok: true, value: { results } };
    };
    relay.start();
    await time.advance(0);
    expect(events.deadLettered.map((d) => d.errorCode)).toEqual(['keyReused']);
    expect(time.timers()).toEqual([500]); // retry soon: 0.5 × 1 s
    await time.advance(500);
    expect(events.confirmed.map((c) => c.idempotencyKey)).toEqual([busy, early]);
  });

  it('finds a poisoned item the platform refuses the whole batch for (HTTP 400) by halving', async () => {
    const keys = enqueue(8);
    const poisoned = keys[5];
    platform.respond = (results, batch) =>
      batch.items.some((i) => i.idempotencyKey === poisoned)
        ? { ok: false, error: { kind: 'http', status: 400, message: 'schema error' } }
        : { ok: true, value: { results } };
    relay.start();
    await time.advance(0);
    expect(events.deadLettered).toEqual([
      { idempotencyKey: poisoned, errorCode: 'http400', holding: [] },
    ]);
    expect(events.confirmed).toHaveLength(7);
    expect(relay.state).toBe('idle');
  });

  it('stop() waits for the batch in flight and records its answer', async () => {
    const [key] = enqueue(1);
    let release: () => void = () => {};
    platform.respond = (results) =>
      new Promise((resolve) => {
        release = () => resolve({ ok: true, value: { results } });
      });
    relay.start();
    await settle();
    let stopped = false;
    const stopping = relay.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(t.outbox.get(key ?? '')?.status).toBe('confirmed');
    enqueue(1);
    relay.nudge();
    await time.advance(10_000);
    expect(platform.batches).toHaveLength(1);
  });

  it('times out a batch that gets no answer and tries again after backoff', async () => {
    const [key] = enqueue(1);
    let calls = 0;
    let aborted = false;
    relay = makeRelay({
      submitTimeoutMs: 5_000,
      transport: {
        submit: (batch, signal) => {
          calls++;
          if (calls === 1) {
            signal.addEventListener('abort', () => (aborted = true));
            return new Promise(() => {});
          }
          return platform.submit(batch);
        },
      },
    });
    relay.start();
    await time.advance(5_000);
    expect(aborted).toBe(true);
    expect(t.db.prepare('SELECT last_error FROM outbox').pluck().get()).toMatch(/^timeout/);
    await time.advance(500);
    expect(t.outbox.get(key ?? '')?.status).toBe('confirmed');
  });
});
