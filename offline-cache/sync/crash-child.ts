/**
 * A kiosk process that dies by SIGKILL at a chosen point, for sync-relay-kill.test.ts:
 * `enqueue <dir> <n>`: enqueue n requests, print each key once committed, then die (nothing
 * closed, the WAL not checkpointed). `acknowledged <dir>`: run the relay against a platform that
 * applies the batch, writes it to <dir>/applied.json, and the kiosk dies before recording it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StaticKeyProvider } from '../crypto/key-provider.js';
import { openKioskDatabase } from '../database.js';
import { KIOSK_MIGRATIONS } from '../migrations/index.js';
import { Outbox } from '../outbox/outbox.js';
import { CITIZEN_PAYLOAD } from '../outbox/test-outbox.js';
import { SyncRelay } from './sync-relay.js';

const [mode, dir, count] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: crash-child enqueue|acknowledged <dir> [n]');
const keys = new StaticKeyProvider(readFileSync(join(dir, 'key')));
const db = openKioskDatabase(join(dir, 'kiosk.sqlite'), KIOSK_MIGRATIONS);
const outbox = new Outbox(db, { kioskId: 'FS-CHANCHENG-0042', keys });
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

if (mode === 'enqueue') {
  for (let i = 0; i < Number(count ?? 1); i++) {
    const r = outbox.enqueue({ kind: 'proofPrinted', payload: { ...CITIZEN_PAYLOAD, n: i } });
    if (!r.ok) throw new Error(r.message);
    writeFileSync(1, `${r.idempotencyKey}\n`);
  }
  die();
} else {
  const relay = new SyncRelay({
    outbox,
    transport: {
      submit: async (batch) => {
        writeFileSync(join(dir, 'applied.json'), JSON.stringify(batch.items));
        return die();
      },
    },
  });
  relay.start();
}
