import { randomBytes } from 'node:crypto';
import { StaticKeyProvider } from '../crypto/key-provider.js';
import { openKioskDatabase, type KioskDatabase } from '../database.js';
import { KIOSK_MIGRATIONS } from '../migrations/index.js';
import { tempDbDir } from '../test-db.js';
import { Outbox, type OutboxOptions } from './outbox.js';

/** A citizen's request as the core would queue it (demo card data). */
export const CITIZEN_PAYLOAD = {
  name: '张三',
  idNumber: '11010519491231002X',
  proofId: 'NH-2026-000123',
};

/** A temp folder with a kiosk database and an outbox on it; reopen() simulates a restart. */
export function testOutbox(options: Partial<OutboxOptions> = {}): {
  dir: string;
  file: string;
  db: KioskDatabase;
  outbox: Outbox;
  keys: StaticKeyProvider;
  reopen: () => void;
  remove: () => void;
} {
  const temp = tempDbDir();
  const keys = new StaticKeyProvider(randomBytes(32));
  const make = (): { db: KioskDatabase; outbox: Outbox } => {
    const db = openKioskDatabase(temp.file, KIOSK_MIGRATIONS);
    return { db, outbox: new Outbox(db, { kioskId: 'FS-CHANCHENG-0042', keys, ...options }) };
  };
  const fixture = {
    ...temp,
    ...make(),
    keys,
    reopen: () => {
      if (fixture.db.open) fixture.db.close();
      Object.assign(fixture, make());
    },
    remove: () => {
      if (fixture.db.open) fixture.db.close();
      temp.remove();
    },
  };
  return fixture;
}
