import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSubmissionTransport } from '../../core/sync/http-submission-transport.js';
import { FileKeyProvider } from '../../offline-cache/crypto/file-key-provider.js';
import { openKioskDatabase } from '../../offline-cache/database.js';
import { KIOSK_MIGRATIONS } from '../../offline-cache/migrations/index.js';
import { Outbox } from '../../offline-cache/outbox/outbox.js';
import { SyncRelay } from '../../offline-cache/sync/sync-relay.js';
import { testPlatform, type TestPlatform } from '../../platform-sim/testing.js';
import {
  drainRelay,
  platformControl,
  proofPrintedRequest,
  registeredPlatform,
} from '../support/sync-kiosk.js';

/**
 * The relay against the reference platform over real HTTP, under each of its fault modes: every
 * request ends up stored exactly once whatever the network and the platform do in between.
 */

const dir = mkdtempSync(join(tmpdir(), 'sync-faults-'));
let platform: TestPlatform;
let url = '';
let kiosks = 0;

beforeAll(async () => {
  platform = testPlatform();
  url = await platform.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
});

const control = (method: 'GET' | 'POST' | 'DELETE', path: string, body?: object) =>
  platformControl(url, method, path, body);

/** Runs `drain` with `fault` switched on; the fault must really have fired. */
async function underFault(fault: object, drain: () => Promise<number>): Promise<number> {
  const fired = async () =>
    ((await control('GET', '/_control/stats')) as { faultsFired: number }).faultsFired;
  const before = await fired();
  await control('POST', '/_control/faults', fault);
  const ms = await drain();
  await control('DELETE', '/_control/faults');
  expect(await fired()).toBeGreaterThan(before);
  return ms;
}

/** A fresh kiosk (own database, key, credentials) with `count` queued requests. */
async function kioskWith(count: number, clockSkewMs = 0) {
  kiosks += 1;
  const kioskId = `FAULT-${kiosks}`;
  const kioskDir = join(dir, kioskId);
  const db = openKioskDatabase(join(kioskDir, 'kiosk.sqlite'), KIOSK_MIGRATIONS);
  const outbox = new Outbox(db, { kioskId, keys: new FileKeyProvider(join(kioskDir, 'k.key')) });
  const keys: string[] = [];
  for (let n = 0; n < count; n++) {
    const queued = outbox.enqueue(proofPrintedRequest(n, String(kiosks).padStart(4, '0')));
    if (!queued.ok) throw new Error(queued.code);
    keys.push(queued.idempotencyKey);
  }
  const now = () => Date.now() + clockSkewMs;
  const http = await registeredPlatform(url, kioskDir, kioskId, { timeoutMs: 1_000, now });
  const relay = new SyncRelay({
    outbox,
    transport: httpSubmissionTransport(http),
    batchSize: 5,
    submitTimeoutMs: 1_000,
    backoff: { baseMs: 50, capMs: 200 },
  });
  const drained = async () => {
    const ms = await drainRelay(relay, outbox);
    db.close();
    return ms;
  };
  return { keys, http, drained };
}

async function storedOnce(keys: string[]): Promise<void> {
  const stats = (await control('GET', '/_control/stats')) as {
    acceptedByKey: Record<string, number>;
  };
  for (const key of keys) expect(stats.acceptedByKey[key], key).toBe(1);
}

describe('sync against every platform fault mode, over real HTTP', () => {
  it.each(['commitThenDrop', 'error500', 'reset', 'truncatedBody'])(
    '%s: every request is stored exactly once',
    async (mode) => {
      const kiosk = await kioskWith(12);
      await underFault({ mode, count: 2 }, kiosk.drained);
      await storedOnce(kiosk.keys);
    },
  );

  it('stall past the client timeout: retried, stored once', async () => {
    const kiosk = await kioskWith(6);
    await underFault({ mode: 'stall', count: 1, stallMs: 2_500 }, kiosk.drained);
    await storedOnce(kiosk.keys);
  });

  it('429 with Retry-After: the relay waits at least that long, then delivers', async () => {
    const kiosk = await kioskWith(6);
    const ms = await underFault(
      { mode: 'rateLimit429', count: 1, retryAfterSeconds: 1 },
      kiosk.drained,
    );
    expect(ms).toBeGreaterThanOrEqual(1_000);
    await storedOnce(kiosk.keys);
  });

  it('a kiosk clock an hour fast: the signature is redone with the platform time, nothing waits', async () => {
    const kiosk = await kioskWith(6, 3_600_000);
    await kiosk.drained();
    expect(kiosk.http.clockOffset).toBeLessThan(-3_590_000);
    await storedOnce(kiosk.keys);
  });
});
