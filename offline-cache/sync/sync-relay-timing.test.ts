import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testOutbox } from '../outbox/test-outbox.js';
import type { SyncState } from './sync-events.js';
import { SyncRelay } from './sync-relay.js';
import { FakePlatform, ManualTime } from './test-support.js';

const YEAR = 365 * 86_400_000;
let t: ReturnType<typeof testOutbox>;
let time: ManualTime;
let platform: FakePlatform;
let relay: SyncRelay;
let states: SyncState[];
let down: boolean;

function makeRelay(random: () => number): void {
  relay = new SyncRelay({
    outbox: t.outbox,
    transport: platform,
    clock: time,
    timers: time,
    random,
  });
  states = [];
  relay.on('state', (e) => states.push(e.state));
}

beforeEach(() => {
  time = new ManualTime();
  t = testOutbox({ now: () => time.wallNow() });
  platform = new FakePlatform();
  down = false;
  platform.respond = (results) =>
    down
      ? { ok: false, error: { kind: 'network', message: 'ECONNREFUSED' } }
      : { ok: true, value: { results } };
  makeRelay(() => 0.999_999);
});
afterEach(async () => {
  await relay.stop();
  t.remove();
});

function enqueue(): string {
  const r = t.outbox.enqueue({ kind: 'idCardCollected', payload: { cardRecordId: 'CARD-0001' } });
  if (!r.ok) throw new Error(r.message);
  return r.idempotencyKey;
}

/** Monotonic times of each delivery attempt. */
function attemptTimes(): number[] {
  const times: number[] = [];
  const submit = platform.submit.bind(platform);
  platform.submit = (batch) => {
    times.push(time.mono);
    return submit(batch);
  };
  return times;
}

describe('sync relay timing', () => {
  it('backs off exponentially with jitter up to the 5 min cap, goes offline, comes back online', async () => {
    enqueue();
    down = true;
    const at = attemptTimes();
    relay.start();
    await time.advance(3_600_000);
    const gaps = at.slice(1).map((m, i) => m - (at[i] ?? 0));
    // random ≈ 1: each wait is just under its ceiling: 1 s, 2 s, 4 s … then capped at 300 s.
    expect(gaps.slice(0, 9)).toEqual([
      999, 1_999, 3_999, 7_999, 15_999, 31_999, 63_999, 127_999, 255_999,
    ]);
    expect(gaps.slice(9).every((g) => g === 299_999)).toBe(true);
    // One failure is a blip (online, waiting); two in a row are offline.
    expect(states).toEqual(['syncing', 'online', 'syncing', 'offline']);
    expect(relay.stats()).toMatchObject({ state: 'offline', queueDepth: 1 });
    expect(relay.stats().consecutiveFailures).toBe(at.length);

    down = false;
    relay.nudge(); // the network came back
    await time.advance(0);
    // Retries while offline do not flicker through syncing; the first answer says online.
    expect(states.slice(4)).toEqual(['online', 'idle']);
    expect(relay.stats()).toMatchObject({ consecutiveFailures: 0, queueDepth: 0 });
  });

  it('keeps every jittered wait within [0, ceiling]', async () => {
    let r = 0;
    makeRelay(() => (r = (r + 0.37) % 1));
    enqueue();
    down = true;
    const at = attemptTimes();
    relay.start();
    await time.advance(1_800_000);
    const gaps = at.slice(1).map((m, i) => m - (at[i] ?? 0));
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(Math.min(300_000, 1_000 * 2 ** i));
    });
  });

  it('honours Retry-After when it is longer than the backoff, even when nudged', async () => {
    enqueue();
    let first = true;
    platform.respond = (results) => {
      if (!first) return { ok: true, value: { results } };
      first = false;
      return {
        ok: false,
        error: { kind: 'http', status: 429, retryAfterMs: 120_000, message: 'slow down' },
      };
    };
    const at = attemptTimes();
    relay.start();
    await time.advance(0);
    relay.nudge();
    await time.advance(119_999);
    expect(at).toHaveLength(1);
    await time.advance(1);
    expect(at).toEqual([1_000, 121_000]);
    expect(relay.stats().queueDepth).toBe(0);
  });

  it('is not stalled or rushed by a wall clock set back or forward a year', async () => {
    const first = enqueue();
    time.wall -= YEAR; // set back a year between requests
    const second = enqueue();
    down = true;
    const at = attemptTimes();
    relay.start();
    await time.advance(0);
    time.wall += 2 * YEAR; // then a year ahead, mid-backoff
    await time.advance(998);
    expect(at).toHaveLength(1); // the 999 ms backoff is not over just because the wall clock jumped
    down = false;
    await time.advance(1);
    expect(at).toHaveLength(2);
    expect(platform.deliveries().slice(-2)).toEqual([first, second]); // enqueue order, not clock order
    expect(t.outbox.get(first)?.status).toBe('confirmed');
    expect(t.outbox.get(second)?.status).toBe('confirmed');
    expect(t.outbox.get(second)?.createdAt.startsWith('2025-')).toBe(true);
  });
});
