import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The platform's SQLite handle. */
export type PlatformDatabase = Database.Database;

/** Version 1 of the schema, as first released (later versions are UPGRADES, applied after it). */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS kiosks (
  kiosk_id      TEXT PRIMARY KEY,
  secret        TEXT NOT NULL,
  registered_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS enrolment_codes (
  code    TEXT PRIMARY KEY,
  used_by TEXT,
  used_at TEXT
);
CREATE TABLE IF NOT EXISTS seen_nonces (
  kiosk_id TEXT NOT NULL,
  nonce    TEXT NOT NULL,
  seen_at  INTEGER NOT NULL,
  PRIMARY KEY (kiosk_id, nonce)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS seen_nonces_by_time ON seen_nonces (seen_at);
CREATE TABLE IF NOT EXISTS idempotency (
  idempotency_key TEXT PRIMARY KEY,
  kiosk_id        TEXT NOT NULL,
  body_hash       TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('inFlight', 'done')),
  result          TEXT,
  created_at      TEXT NOT NULL,
  completed_at    TEXT
);
-- Deliberately not UNIQUE on idempotency_key: the idempotency table is what de-duplicates, and
-- the stats must be able to show it failing (a count above 1 for a key).
CREATE TABLE IF NOT EXISTS accepted_requests (
  tracking_number TEXT PRIMARY KEY,
  idempotency_key TEXT NOT NULL,
  kiosk_id        TEXT NOT NULL,
  kind            TEXT NOT NULL,
  payload         TEXT NOT NULL,
  ordering_key    TEXT,
  sequence        INTEGER,
  created_at      TEXT NOT NULL,
  accepted_at     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS accepted_by_key ON accepted_requests (idempotency_key);
CREATE TABLE IF NOT EXISTS ordering (
  kiosk_id      TEXT NOT NULL,
  ordering_key  TEXT NOT NULL,
  last_sequence INTEGER NOT NULL,
  PRIMARY KEY (kiosk_id, ordering_key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS uploads (
  upload_id    TEXT PRIMARY KEY,
  kiosk_id     TEXT NOT NULL,
  length       INTEGER NOT NULL,
  offset       INTEGER NOT NULL,
  metadata     TEXT,
  sha256       TEXT,
  created_at   TEXT NOT NULL,
  completed_at TEXT
);
CREATE TABLE IF NOT EXISTS heartbeats (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  kiosk_id    TEXT NOT NULL,
  received_at TEXT NOT NULL,
  body        TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
`;

/**
 * Schema changes since version 1, in order: UPGRADES[i] takes a database from version i + 1 to
 * i + 2. A fresh database gets SCHEMA and then every upgrade, so both paths end in the same tables.
 */
const UPGRADES: readonly string[] = [
  // 2: the claim code on the citizen's ticket, so counter staff can find the request (older
  // kiosks send none, hence nullable).
  `ALTER TABLE accepted_requests ADD COLUMN claim_code TEXT;
   CREATE INDEX accepted_by_claim_code ON accepted_requests (kiosk_id, claim_code)
     WHERE claim_code IS NOT NULL;`,
];

const SCHEMA_VERSION = 1 + UPGRADES.length;

/** Every table `wipe` empties. */
const TABLES = [
  'kiosks',
  'enrolment_codes',
  'seen_nonces',
  'idempotency',
  'accepted_requests',
  'ordering',
  'uploads',
  'heartbeats',
  'settings',
  'counters',
] as const;

/**
 * Opens the platform database in `dataDir` (or in memory when none is given), WAL with
 * synchronous=FULL: an acknowledged request survives a power cut, which is what a kiosk that
 * deletes its outbox row on acknowledgement relies on.
 */
export function openPlatformDatabase(dataDir: string | undefined): PlatformDatabase {
  let file = ':memory:';
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    file = join(dataDir, 'platform.sqlite');
  }
  const db = new Database(file);
  try {
    if (dataDir !== undefined) chmodSync(file, 0o600);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(`platform.sqlite has schema ${version}, newer than this platform's`);
    }
    db.transaction(() => {
      db.exec(SCHEMA);
      for (let from = Math.max(version, 1); from < SCHEMA_VERSION; from++) {
        db.exec(UPGRADES[from - 1]!);
      }
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Empties every table (test isolation). */
export function wipeDatabase(db: PlatformDatabase): void {
  db.transaction(() => {
    for (const table of TABLES) db.exec(`DELETE FROM ${table}`);
  })();
}

/** Adds `by` to a named counter. */
export function bumpCounter(db: PlatformDatabase, name: string, by = 1): void {
  db.prepare(
    'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = value + excluded.value',
  ).run(name, by);
}

/** A named counter's value (0 when never bumped). */
export function readCounter(db: PlatformDatabase, name: string): number {
  const row = db.prepare('SELECT value FROM counters WHERE name = ?').get(name) as
    { value: number } | undefined;
  return row?.value ?? 0;
}
