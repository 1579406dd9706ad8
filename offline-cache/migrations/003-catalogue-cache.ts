import type { Migration } from '../migrations.js';

/**
 * The last catalogue the platform sent and its ETag: one row, so the home screen has the real
 * services and notice while the platform is unreachable. No personal data.
 */
export const catalogueCacheMigration: Migration = {
  version: 3,
  name: 'catalogue cache',
  up: (db) => {
    db.exec(`
      CREATE TABLE catalogue_cache (
        slot INTEGER PRIMARY KEY CHECK (slot = 1),
        etag TEXT,
        version INTEGER NOT NULL,
        catalogue TEXT NOT NULL,
        fetched_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
