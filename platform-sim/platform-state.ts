import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalogue } from '../contract/platform-api.js';
import { FaultSwitch } from './faults/fault-switch.js';
import { SEED_CATALOGUE, SEED_PENDING_CARDS, type SeedPendingCard } from './seed-platform.js';
import { CatalogueStore } from './store/catalogue-store.js';
import { openPlatformDatabase, wipeDatabase, type PlatformDatabase } from './store/database.js';
import { HeartbeatStore } from './store/heartbeat-store.js';
import { KioskStore } from './store/kiosk-store.js';
import { SubmissionStore } from './store/submission-store.js';
import { UploadStore } from './store/upload-store.js';

/** How the platform's state is set up. */
export interface PlatformStateOptions {
  /** Folder for platform.sqlite and uploads/; omitted = in memory (uploads in a temp folder). */
  dataDir?: string;
  /** Platform clock. */
  now: () => Date;
  /** One-time enrolment codes to add. */
  enrolmentCodes: readonly string[];
  /** Accept the dev enrolment code. */
  allowDevEnrolment: boolean;
  /** Tolerated clock difference for signatures, ms. */
  maxSkewMs: number;
  /** The catalogue of a fresh platform. */
  catalogue?: Catalogue;
  /** Cards waiting for collection. */
  pendingCards?: readonly SeedPendingCard[];
}

/** Everything the routes work on. */
export interface PlatformState {
  /** The SQLite handle. */
  db: PlatformDatabase;
  /** Kiosks, enrolment codes, nonces. */
  kiosks: KioskStore;
  /** Idempotency records, accepted requests, ordering. */
  submissions: SubmissionStore;
  /** tus uploads. */
  uploads: UploadStore;
  /** The service catalogue. */
  catalogue: CatalogueStore;
  /** Heartbeats received. */
  heartbeats: HeartbeatStore;
  /** The armed fault. */
  faults: FaultSwitch;
  /** Cards waiting for collection. */
  pendingCards: readonly SeedPendingCard[];
  /** Wipes everything back to the seed (test isolation). */
  reset(): void;
  /** Closes the database (and deletes a temporary upload folder). */
  close(): void;
}

/** Opens (or creates) the platform's state. Claims a crashed process left in flight are freed. */
export function openPlatformState(options: PlatformStateOptions): PlatformState {
  const db = openPlatformDatabase(options.dataDir);
  const temporary = options.dataDir === undefined;
  const uploadDir = temporary
    ? mkdtempSync(join(tmpdir(), 'platform-uploads-'))
    : join(options.dataDir!, 'uploads');
  const kiosks = new KioskStore(db, {
    allowDevEnrolment: options.allowDevEnrolment,
    nonceRetentionMs: 2 * options.maxSkewMs,
  });
  const submissions = new SubmissionStore(db);
  const uploads = new UploadStore(db, uploadDir);
  const faults = new FaultSwitch();
  kiosks.addEnrolmentCodes(options.enrolmentCodes);
  submissions.clearStaleClaims();
  return {
    db,
    kiosks,
    submissions,
    uploads,
    catalogue: new CatalogueStore(db, options.catalogue ?? SEED_CATALOGUE),
    heartbeats: new HeartbeatStore(db),
    faults,
    pendingCards: options.pendingCards ?? SEED_PENDING_CARDS,
    reset() {
      wipeDatabase(db);
      uploads.wipeFiles();
      faults.reset();
      kiosks.addEnrolmentCodes(options.enrolmentCodes);
    },
    close() {
      db.close();
      if (temporary) rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}
