/**
 * A kiosk process killed (SIGKILL) in the middle of saving a document application, for
 * material-transaction.test.ts. `<dir>`: saves one application with a small document and prints
 * its key once committed; then saves a second one with four 8 MiB documents and dies while
 * sealing the fourth — inside the open transaction, after the request row, its outbox row and
 * three documents were written: more than SQLite's page cache (16 MB) holds, so uncommitted pages
 * were spilled into the WAL file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyProvider } from '../crypto/key-provider.js';
import { openKioskDatabase } from '../database.js';
import { KIOSK_MIGRATIONS } from '../migrations/index.js';
import { Outbox } from '../outbox/outbox.js';
import { enqueueApplication, scanned } from './test-materials.js';

const [dir] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: material-crash-child <dir>');
const key = readFileSync(join(dir, 'key'));
/** Key requests after arming: 1 seals the payload, 2 to 4 the first documents, 5 the fourth. */
let keyRequests: number | undefined;
const keys: KeyProvider = {
  getKey: () => {
    if (keyRequests !== undefined && ++keyRequests === 5) process.kill(process.pid, 'SIGKILL');
    return key;
  },
};
const db = openKioskDatabase(join(dir, 'kiosk.sqlite'), KIOSK_MIGRATIONS);
const outbox = new Outbox(db, { kioskId: 'FS-CHANCHENG-0042', keys });

writeFileSync(1, `${enqueueApplication(outbox, [scanned(1000)])}\n`);
keyRequests = 0;
enqueueApplication(
  outbox,
  Array.from({ length: 4 }, () => scanned(8 * 1024 * 1024)),
);
throw new Error('unreachable: the process was to be killed while saving');
