import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KioskDatabase } from '../database.js';

/** Pages the database must be able to add before the outbox takes requests again. */
const MIN_FREE_PAGES = 64;

/**
 * Whether the database has room to grow: free disk space on its volume, and room under SQLite's
 * `max_page_count` (plus pages on its freelist, which it reuses before growing). Used after a
 * SQLITE_FULL to tell when a technician has freed space, and before a citizen starts a request.
 */
export function hasStorageHeadroom(db: KioskDatabase, minFreeBytes: number): boolean {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pageCount = db.pragma('page_count', { simple: true }) as number;
  const maxPages = db.pragma('max_page_count', { simple: true }) as number;
  const freelist = db.pragma('freelist_count', { simple: true }) as number;
  if (maxPages - pageCount + freelist < MIN_FREE_PAGES) return false;
  if (db.memory) return true;
  try {
    const fs = statfsSync(dirname(db.name));
    return fs.bavail * fs.bsize >= minFreeBytes + MIN_FREE_PAGES * pageSize;
  } catch {
    return true; // cannot tell: let the next write find out
  }
}
