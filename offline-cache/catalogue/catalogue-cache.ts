import type { z } from 'zod';
import { Catalogue } from '../../contract/platform-api.js';
import type { KioskDatabase } from '../database.js';

/** What a catalogue fetch with If-None-Match brought back. */
export type CatalogueFetch =
  /** 304: the cached one is still current. */
  | { kind: 'notModified' }
  /** 200: a catalogue (validated here) and its ETag, if the platform sent one. */
  | { kind: 'catalogue'; catalogue: unknown; etag?: string }
  /** No answer, or an error status. */
  | { kind: 'failed'; message: string };

/** GET /v1/catalogue with `If-None-Match: <etag>` when there is one (supplied by the core). */
export type CatalogueFetcher = (etag: string | undefined) => Promise<CatalogueFetch>;

/** The last catalogue the platform sent, as stored in kiosk.sqlite. */
export interface StoredCatalogue {
  /** The catalogue. */
  catalogue: Catalogue;
  /** Its ETag, if the platform sent one. */
  etag?: string;
  /** When it was fetched or last confirmed unchanged (kiosk time), ISO 8601. */
  fetchedAt: string;
}

/** What a refresh did, and the catalogue to show now (undefined: the platform never sent one). */
export type RefreshResult =
  /** A new catalogue is stored. */
  | { outcome: 'updated'; current: StoredCatalogue }
  /** The stored one is current (its fetched-at time moved). */
  | { outcome: 'notModified'; current: StoredCatalogue | undefined }
  /** failed: no answer; invalid: the answer did not parse (the old one is kept); message: why (technician-facing). */
  | { outcome: 'failed' | 'invalid'; current: StoredCatalogue | undefined; message: string };

interface Row {
  etag: string | null;
  catalogue: string;
  fetched_at: string;
}

/**
 * Read-through cache of the platform's catalogue in kiosk.sqlite, so the home screen shows the
 * real services and notice while the platform is unreachable, and across restarts. A catalogue
 * that no longer parses (e.g. stored by an older build) counts as none: the next fetch replaces it.
 */
export class CatalogueCache {
  private loaded = false;
  private cached: StoredCatalogue | undefined;
  private readonly now: () => Date;

  constructor(
    private readonly db: KioskDatabase,
    options: { now?: () => Date } = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** The last catalogue the platform sent, or undefined while there is none (or it is unreadable). */
  current(): StoredCatalogue | undefined {
    if (!this.loaded) {
      this.cached = this.load();
      this.loaded = true;
    }
    return this.cached;
  }

  /** Asks the platform for a newer catalogue (If-None-Match) and stores what it sends. */
  async refresh(fetcher: CatalogueFetcher): Promise<RefreshResult> {
    const before = this.current();
    let fetched: CatalogueFetch;
    try {
      fetched = await fetcher(before?.etag);
    } catch (error) {
      fetched = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    if (fetched.kind === 'failed') {
      return { outcome: 'failed', current: before, message: fetched.message };
    }
    if (fetched.kind === 'notModified') {
      if (before !== undefined) this.confirm(before);
      return { outcome: 'notModified', current: this.current() };
    }
    const parsed = Catalogue.safeParse(fetched.catalogue);
    if (!parsed.success) {
      return { outcome: 'invalid', current: before, message: describeIssues(parsed.error) };
    }
    return { outcome: 'updated', current: this.store(parsed.data, fetched.etag) };
  }

  private store(catalogue: Catalogue, etag: string | undefined): StoredCatalogue {
    const fetchedAt = this.now().toISOString();
    // `version` is never read back; the column is NOT NULL (migration 003), so it is still written.
    this.db
      .prepare(
        `INSERT INTO catalogue_cache (slot, etag, version, catalogue, fetched_at)
         VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (slot) DO UPDATE SET etag = excluded.etag, version = excluded.version,
           catalogue = excluded.catalogue, fetched_at = excluded.fetched_at`,
      )
      .run(etag ?? null, catalogue.version, JSON.stringify(catalogue), fetchedAt);
    this.cached = { catalogue, fetchedAt, ...(etag !== undefined ? { etag } : {}) };
    return this.cached;
  }

  /** 304 Not Modified: only the fetched-at time changes. */
  private confirm(stored: StoredCatalogue): void {
    const fetchedAt = this.now().toISOString();
    this.db.prepare('UPDATE catalogue_cache SET fetched_at = ? WHERE slot = 1').run(fetchedAt);
    this.cached = { ...stored, fetchedAt };
  }

  private load(): StoredCatalogue | undefined {
    const row = this.db
      .prepare('SELECT etag, catalogue, fetched_at FROM catalogue_cache WHERE slot = 1')
      .get() as Row | undefined;
    if (!row) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(row.catalogue);
    } catch {
      return undefined;
    }
    const parsed = Catalogue.safeParse(json);
    if (!parsed.success) return undefined;
    return {
      catalogue: parsed.data,
      fetchedAt: row.fetched_at,
      ...(row.etag !== null ? { etag: row.etag } : {}),
    };
  }
}

/** Where a catalogue breaks the contract, e.g. "matters.0.code: invalid_format" (first five). */
function describeIssues(error: z.ZodError): string {
  const issues = error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`);
  const more = issues.length > 5 ? `; and ${issues.length - 5} more` : '';
  return issues.slice(0, 5).join('; ') + more;
}
