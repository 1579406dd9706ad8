import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { httpSubmissionTransport } from '../core/sync/http-submission-transport.js';
import { FileKeyProvider } from '../offline-cache/crypto/file-key-provider.js';
import { openKioskDatabase } from '../offline-cache/database.js';
import { KIOSK_MIGRATIONS } from '../offline-cache/migrations/index.js';
import { Outbox } from '../offline-cache/outbox/outbox.js';
import { SyncRelay } from '../offline-cache/sync/sync-relay.js';
import { startPlatformProcess } from '../test/support/platform-process.js';
import { proofPrintedRequest, registeredPlatform } from '../test/support/sync-kiosk.js';
import { report } from './result.js';

/**
 * `npm run bench -- drain [count]`: 10,000 requests queued while offline, then drained to a real
 * platform-sim process over signed HTTP — by the relay in batches of 100, against the same relay
 * sending one request per HTTP call (the replay a naive outbox does). Same outbox code, same
 * platform, same run. Goal: batching ≥ 15× faster.
 */
const COUNT = Number(process.argv[3] ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'bench-drain-'));
const platform = await startPlatformProcess(join(dir, 'platform'));

async function drain(name: string, batchSize: number): Promise<number> {
  const kioskDir = join(dir, name);
  const db = openKioskDatabase(join(kioskDir, 'kiosk.sqlite'), KIOSK_MIGRATIONS);
  const kioskId = `BENCH-${name.toUpperCase()}`;
  const outbox = new Outbox(db, {
    kioskId,
    keys: new FileKeyProvider(join(kioskDir, 'outbox.key')),
  });
  for (let n = 0; n < COUNT; n++) {
    const queued = outbox.enqueue(proofPrintedRequest(n));
    if (!queued.ok) throw new Error(queued.code);
  }
  const http = await registeredPlatform(platform.url, kioskDir, kioskId);
  const relay = new SyncRelay({ outbox, transport: httpSubmissionTransport(http), batchSize });
  const started = performance.now();
  relay.start();
  while (outbox.stats().queueDepth > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  const ms = performance.now() - started;
  await relay.stop();
  db.close();
  return ms;
}

try {
  const single = await drain('single', 1);
  const batched = await drain('batched', 100);
  const ratio = single / batched;
  console.log(`${COUNT} queued requests drained to platform-sim over signed HTTP`);
  console.log(
    `one request per item: ${(single / 1000).toFixed(2)} s (${Math.round((COUNT * 1000) / single)}/s)`,
  );
  console.log(
    `batches of 100:       ${(batched / 1000).toFixed(2)} s (${Math.round((COUNT * 1000) / batched)}/s)`,
  );
  console.log(`batching is ${ratio.toFixed(1)}× faster (goal ≥ 15×)`);
  report({
    bench: 'drain',
    metric: 'batched_speedup_vs_one_per_item',
    value: Number(ratio.toFixed(2)),
    goal: '>= 15',
    met: ratio >= 15,
    details: { count: COUNT, singleMs: Math.round(single), batchedMs: Math.round(batched) },
  });
} finally {
  platform.process.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
