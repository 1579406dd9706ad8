import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { httpSubmissionTransport } from '../../core/sync/http-submission-transport.js';
import { FileKeyProvider } from '../../offline-cache/crypto/file-key-provider.js';
import { openKioskDatabase } from '../../offline-cache/database.js';
import { KIOSK_MIGRATIONS } from '../../offline-cache/migrations/index.js';
import { Outbox } from '../../offline-cache/outbox/outbox.js';
import { SyncRelay } from '../../offline-cache/sync/sync-relay.js';
import { proofPrintedRequest, registeredPlatform } from './sync-kiosk.js';

/*
 * The kiosk core's sync stack as one process, for the crash test: the same outbox file, key,
 * credentials, signed HTTP transport and relay the core runs. It takes requests as fast as it can
 * and prints "ACK <key>" once each is committed — the moment the citizen would get a claim ticket —
 * while the relay delivers them. The test kills it with SIGKILL at random moments. With --drain it
 * takes no requests, delivers what is waiting, prints "DRAINED" and exits.
 */

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    platform: { type: 'string' },
    drain: { type: 'boolean', default: false },
  },
});
const dir = values.dir ?? '';
const db = openKioskDatabase(join(dir, 'kiosk.sqlite'), KIOSK_MIGRATIONS);
const outbox = new Outbox(db, {
  kioskId: 'CRASH-0001',
  keys: new FileKeyProvider(join(dir, 'keys', 'outbox.key')),
});
const http = await registeredPlatform(values.platform ?? '', dir, 'CRASH-0001', {
  timeoutMs: 2_000,
});
const relay = new SyncRelay({
  outbox,
  transport: httpSubmissionTransport(http),
  batchSize: 20,
  submitTimeoutMs: 2_000,
  backoff: { baseMs: 20, capMs: 200 },
});
relay.start();
process.stdout.write('READY\n');

if (values.drain) {
  for (;;) {
    if (outbox.stats().queueDepth === 0) {
      await relay.stop();
      process.stdout.write('DRAINED\n');
      process.exit(0);
    }
    relay.nudge();
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (let n = 0; ; n++) {
  const queued = outbox.enqueue(proofPrintedRequest(n));
  if (queued.ok) process.stdout.write(`ACK ${queued.idempotencyKey}\n`);
  relay.nudge();
  await new Promise((r) => setTimeout(r, 2));
}
