import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CITIZEN_PAYLOAD, testOutbox } from '../outbox/test-outbox.js';
import type { SyncEvents } from './sync-events.js';
import { SyncRelay } from './sync-relay.js';
import { FakePlatform, ManualTime } from './test-support.js';

let t: ReturnType<typeof testOutbox>;
let time: ManualTime;
let platform: FakePlatform;
let relay: SyncRelay;
const blocked: SyncEvents['blocked'][] = [];

beforeEach(() => {
  t = testOutbox();
  time = new ManualTime();
  platform = new FakePlatform();
  relay = new SyncRelay({
    outbox: t.outbox,
    transport: platform,
    clock: time,
    timers: time,
    random: () => 0.5,
  });
  blocked.length = 0;
  relay.on('blocked', (e) => blocked.push(e));
});
afterEach(async () => {
  await relay.stop();
  t.remove();
});

function enqueue(orderingKey?: string): string {
  const r = t.outbox.enqueue({
    kind: 'proofPrinted',
    payload: CITIZEN_PAYLOAD,
    ...(orderingKey ? { orderingKey } : {}),
  });
  if (!r.ok) throw new Error(r.message);
  return r.idempotencyKey;
}

describe('sync relay ordering groups', () => {
  it('sends one item per group per batch, in sequence order, with other items alongside', async () => {
    const a1 = enqueue('CASE-A');
    const a2 = enqueue('CASE-A');
    const free = enqueue();
    const b1 = enqueue('CASE-B');
    const a3 = enqueue('CASE-A');
    relay.start();
    await time.advance(0);
    expect(platform.batches.map((b) => b.items.map((i) => i.idempotencyKey))).toEqual([
      [a1, free, b1],
      [a2],
      [a3],
    ]);
    expect(platform.batches[0]?.items[0]).toMatchObject({ orderingKey: 'CASE-A', sequence: 1 });
    expect(platform.batches[2]?.items[0]).toMatchObject({ orderingKey: 'CASE-A', sequence: 3 });
  });

  it('holds the rest of a group behind its dead letter, reports them blocked, others go on', async () => {
    const a1 = enqueue('CASE-A');
    const a2 = enqueue('CASE-A');
    const a3 = enqueue('CASE-A');
    const b1 = enqueue('CASE-B');
    platform.react = (item) => (item.idempotencyKey === a1 ? 'rejected' : 'apply');
    relay.start();
    await time.advance(60_000);
    expect(platform.deliveries()).toEqual([a1, b1]);
    expect(blocked).toEqual([
      { idempotencyKey: a2, behind: a1 },
      { idempotencyKey: a3, behind: a1 },
    ]);
    expect(relay.stats()).toMatchObject({ queueDepth: 2, blocked: 2, deadLetters: 1 });
    expect(relay.state).toBe('idle');
    expect(t.outbox.deadLetters.list()[0]).toMatchObject({ idempotencyKey: a1, holding: 2 });

    // A technician fixed the cause and requeues it: the group flows again, in order.
    platform.react = () => 'apply';
    const note = { technicianId: 'tech-07', reason: 'platform fixed the schema' };
    expect(t.outbox.resolveDeadLetter(a1, 'requeue', note)).toEqual({ ok: true });
    relay.nudge();
    await time.advance(0);
    expect(platform.deliveries()).toEqual([a1, b1, a1, a2, a3]);
    expect(relay.stats()).toMatchObject({ queueDepth: 0, blocked: 0, deadLetters: 0 });
  });

  it('releases a group when the technician discards its dead letter, erasing its payload', async () => {
    const a1 = enqueue('CASE-A');
    const a2 = enqueue('CASE-A');
    platform.react = (item) => (item.idempotencyKey === a1 ? 'rejected' : 'apply');
    relay.start();
    await time.advance(0);
    const note = { technicianId: 'tech-07', reason: 'citizen withdrew the application' };
    expect(t.outbox.resolveDeadLetter(a1, 'discard', note)).toEqual({ ok: true });
    expect(t.outbox.get(a1)).toMatchObject({ status: 'discarded', payloadPurged: true });
    expect(t.outbox.resolveDeadLetter(a1, 'discard', note)).toMatchObject({
      code: 'notDeadLettered',
    });
    relay.nudge();
    await time.advance(0);
    expect(platform.deliveries()).toEqual([a1, a2]);
  });
});
