import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../../core/config.js';
import { createLogger } from '../../core/log.js';
import { createSync } from '../../core/sync/sync-wiring.js';
import { openKioskDatabase } from '../../offline-cache/database.js';
import { KIOSK_MIGRATIONS } from '../../offline-cache/migrations/index.js';
import type { NewRequest } from '../../offline-cache/outbox/outbox-types.js';
import { proofPrintedRequest, registeredPlatform } from './sync-kiosk.js';

/*
 * The kiosk core's sync side as one process, for the crash test: the core's own `createSync`
 * (outbox in kiosk.sqlite, sealed payloads and scanned documents, tus uploads, signed HTTP, relay)
 * on the same files every round. It takes requests as fast as it can — every fifth one a document
 * application with two scanned pages, uploaded in small chunks so kills land mid-upload — and
 * prints "ACK <key> <kind>" once each is committed (the moment the citizen would get a claim
 * ticket) while the relay delivers them. The test kills it with SIGKILL at random moments. With
 * --drain it takes no requests, delivers what is waiting, prints "DRAINED" and exits.
 */

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    platform: { type: 'string' },
    drain: { type: 'boolean', default: false },
  },
});
const dir = values.dir ?? '';
const config = parseConfig({ kioskId: 'CRASH-0001', dataDir: dir, sync: { batchSize: 20 } });
const db = openKioskDatabase(join(dir, 'kiosk.sqlite'), KIOSK_MIGRATIONS);
const http = await registeredPlatform(values.platform ?? '', dir, 'CRASH-0001', {
  timeoutMs: 2_000,
});
const sync = createSync(
  config,
  db,
  http,
  { appVersion: 'crash-test', devices: () => ({ devices: [], counters: [] }) },
  createLogger('silent'),
  () => {},
  {
    materials: (outbox) => outbox.materials,
    upload: { chunkBytes: 16 * 1024, patchTimeoutMs: 2_000 },
    submitTimeoutMs: 5_000,
  },
);
process.stdout.write('READY\n');

if (values.drain) {
  for (;;) {
    if (sync.status().queueDepth === 0) {
      await sync.close();
      process.stdout.write('DRAINED\n');
      process.exit(0);
    }
    sync.platformOnline();
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A document application with two scanned pages of 20–80 KiB (random bytes). */
function applicationRequest(): NewRequest {
  const page = () => ({
    contentType: 'image/png' as const,
    pages: 1,
    data: randomBytes(20_480 + Math.floor(Math.random() * 61_440)),
  });
  return {
    kind: 'documentApplication',
    payload: {
      applicant: { name: '张三', idNumber: '11010519491231002X' },
      matter: 'residence-permit',
    },
    materials: [page(), page()],
  };
}

for (let n = 0; ; n++) {
  const request = n % 5 === 4 ? applicationRequest() : proofPrintedRequest(n);
  const queued = sync.enqueue(request);
  if (queued.ok) process.stdout.write(`ACK ${queued.idempotencyKey} ${request.kind}\n`);
  await new Promise((r) => setTimeout(r, 2));
}
