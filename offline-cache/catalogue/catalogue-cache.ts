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

/** The catalogue the home screen shows, and where it came from. */
export interface CurrentCatalogue {
  /** The catalogue. */
  catalogue: Catalogue;
  /** `platform`: the last one the platform sent (possibly while now offline); `default`: built in. */
  source: 'platform' | 'default';
  /** Its ETag. */
  etag?: string;
  /** When it was fetched or last confirmed unchanged (kiosk time), ISO 8601. */
  fetchedAt?: string;
}

/** What a refresh did. */
export interface RefreshResult {
  /** updated: a new catalogue is stored; notModified: the stored one is current; failed: no answer; invalid: the answer did not parse (kept the old one). */
  outcome: 'updated' | 'notModified' | 'failed' | 'invalid';
  /** The catalogue to show now. */
  current: CurrentCatalogue;
  /** Why, for failed and invalid (technician-facing). */
  message?: string;
}

interface Row {
  etag: string | null;
  catalogue: string;
  fetched_at: string;
}

/**
 * Read-through cache of the platform's catalogue in kiosk.sqlite, so the home screen shows the
 * real services and notice while the platform is unreachable, and across restarts. A catalogue
 * that no longer parses (e.g. stored by an older build) is ignored in favour of the built-in one.
 */
export class CatalogueCache {
  private cached: CurrentCatalogue | undefined;
  private readonly now: () => Date;

  constructor(
    private readonly db: KioskDatabase,
    private readonly options: { fallback: Catalogue; now?: () => Date },
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** The catalogue to show: the last one from the platform, else the built-in default. */
  current(): CurrentCatalogue {
    this.cached ??= this.load();
    return this.cached;
  }

  /** Asks the platform for a newer catalogue (If-None-Match) and stores what it sends. */
  async refresh(fetcher: CatalogueFetcher): Promise<RefreshResult> {
    const before = this.current();
    let fetched: CatalogueFetch;
    try {
      fetched = await fetcher(before.source === 'platform' ? before.etag : undefined);
    } catch (error) {
      fetched = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    if (fetched.kind === 'failed') {
      return { outcome: 'failed', current: before, message: fetched.message };
    }
    if (fetched.kind === 'notModified') {
      if (before.source === 'platform') this.store(before.catalogue, before.etag);
      return { outcome: 'notModified', current: this.current() };
    }
    const parsed = Catalogue.safeParse(fetched.catalogue);
    if (!parsed.success) {
      return { outcome: 'invalid', current: before, message: describeIssues(parsed.error) };
    }
    this.store(parsed.data, fetched.etag);
    return { outcome: 'updated', current: this.current() };
  }

  private store(catalogue: Catalogue, etag: string | undefined): void {
    const fetchedAt = this.now().toISOString();
    this.db
      .prepare(
        `INSERT INTO catalogue_cache (slot, etag, version, catalogue, fetched_at)
         VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (slot) DO UPDATE SET etag = excluded.etag, version = excluded.version,
           catalogue = excluded.catalogue, fetched_at = excluded.fetched_at`,
      )
      .run(etag ?? null, catalogue.version, JSON.stringify(catalogue), fetchedAt);
    this.cached = {
      catalogue,
      source: 'platform',
      fetchedAt,
      ...(etag !== undefined ? { etag } : {}),
    };
  }

  private load(): CurrentCatalogue {
    const row = this.db
      .prepare('SELECT etag, catalogue, fetched_at FROM catalogue_cache WHERE slot = 1')
      .get() as Row | undefined;
    const fallback: CurrentCatalogue = { catalogue: this.options.fallback, source: 'default' };
    if (!row) return fallback;
    let json: unknown;
    try {
      json = JSON.parse(row.catalogue);
    } catch {
      return fallback;
    }
    const parsed = Catalogue.safeParse(json);
    if (!parsed.success) return fallback;
    return {
      catalogue: parsed.data,
      source: 'platform',
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
