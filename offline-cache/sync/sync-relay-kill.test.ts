import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubmissionItem } from '../../contract/platform-api.js';
import { testOutbox } from '../outbox/test-outbox.js';
import { SyncRelay } from './sync-relay.js';
import { FakePlatform, ManualTime } from './test-support.js';

const CHILD = join(import.meta.dirname, 'crash-child.ts');
let t: ReturnType<typeof testOutbox>;
let relay: SyncRelay | undefined;

beforeEach(() => {
  t = testOutbox();
  t.db.close(); // the child owns the file until it dies
  writeFileSync(join(t.dir, 'key'), t.keys.getKey(), { mode: 0o600 });
});
afterEach(async () => {
  await relay?.stop();
  t.remove();
});

/** Runs the child until its SIGKILL; returns what it printed. */
function killedChild(...args: string[]): string[] {
  const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(child.signal, child.stderr).toBe('SIGKILL');
  return child.stdout.split('\n').filter(Boolean);
}

async function deliverAll(platform: FakePlatform): Promise<void> {
  const time = new ManualTime();
  relay = new SyncRelay({ outbox: t.outbox, transport: platform, clock: time, timers: time });
  relay.start();
  await time.advance(0);
}

describe('sync relay after kill -9', { timeout: 60_000 }, () => {
  it('keeps every request committed before the kill and sends each with its key', async () => {
    const committed = killedChild('enqueue', t.dir, '5');
    expect(committed).toHaveLength(5);
    t.reopen();
    expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(committed.map((k) => t.outbox.get(k)?.status)).toEqual(Array(5).fill('queued'));
    const platform = new FakePlatform();
    await deliverAll(platform);
    expect(platform.deliveries()).toEqual(committed);
  });

  it('resends, byte for byte, what the platform applied before the kiosk could record it', async () => {
    const committed = killedChild('enqueue', t.dir, '3');
    killedChild('acknowledged', t.dir);
    const applied = JSON.parse(
      readFileSync(join(t.dir, 'applied.json'), 'utf8'),
    ) as SubmissionItem[];
    expect(applied.map((i) => i.idempotencyKey)).toEqual(committed);
    const platform = new FakePlatform();
    applied.forEach((item, i) =>
      platform.applied.set(item.idempotencyKey, { item, tracking: `TRK-00000${i + 1}` }),
    );
    t.reopen();
    await deliverAll(platform);
    // The same bodies (a different body would have been keyReused) answered as replays, once each.
    expect(t.outbox.deadLetters.list()).toEqual([]);
    expect(committed.map((k) => t.outbox.get(k)?.trackingNumber)).toEqual([
      'TRK-000001',
      'TRK-000002',
      'TRK-000003',
    ]);
  });
});
