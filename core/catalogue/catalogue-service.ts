import type { Catalogue } from '../../contract/platform-api.js';
import type {
  CatalogueFetcher,
  RefreshResult,
  StoredCatalogue,
} from '../../offline-cache/catalogue/catalogue-cache.js';
import type { Logger } from '../log.js';
import type { PlatformHttp } from '../platform-http.js';
import { CatalogueLog } from './catalogue-log.js';
import { platformCatalogueFetcher } from './platform-catalogue-fetcher.js';

/** How often the catalogue is asked for when nothing else prompts it: 10 minutes. */
export const DEFAULT_CATALOGUE_REFRESH_MS = 10 * 60_000;

/** The stored copy the service reads and updates (offline-cache's CatalogueCache). */
export interface CatalogueSource {
  /** The stored catalogue, or undefined while the platform has never sent one. */
  current(): StoredCatalogue | undefined;
  /** One conditional fetch through `fetcher`; validates and stores a new catalogue. */
  refresh(fetcher: CatalogueFetcher): Promise<RefreshResult>;
}

/** What the catalogue service is built from. */
export interface CatalogueServiceDeps {
  /** The stored copy (kiosk.sqlite): `new CatalogueCache(db)`. */
  cache: CatalogueSource;
  /** Signed HTTP to the platform. */
  http: Pick<PlatformHttp, 'request'>;
  /** Logger. */
  log: Logger;
  /** Called with each catalogue that comes into force: the cached one at start, then new ones. */
  changed: (catalogue: Catalogue) => void;
  /** Interval between refreshes, ms (default 10 minutes). */
  refreshMs?: number;
}

/** The platform's catalogue as the kiosk knows it: live, or the last one stored. */
export interface CatalogueService {
  /** The catalogue in force, or undefined while the platform has never sent one. */
  current(): Catalogue | undefined;
  /** Asks the platform now (If-None-Match); never rejects. Joins a refresh already running. */
  refresh(): Promise<void>;
  /** Serves the stored copy at once (`changed`), then refreshes now and every `refreshMs`. */
  start(): void;
  /** Stops the timer and abandons a request in flight. */
  stop(): void;
  /** The platform reports its catalogue version (heartbeat answer): refresh if it is newer. */
  platformVersion(version: number): void;
}

/**
 * Keeps the kiosk's catalogue: the stored copy is served at once, so a kiosk that boots offline
 * still shows its last catalogue; a conditional GET brings a newer one, validated before it is
 * stored. A failed fetch keeps the copy (logged once per outage), a catalogue that breaks the
 * contract is refused (logged once per distinct problem) and the copy kept.
 */
export function createCatalogueService(deps: CatalogueServiceDeps): CatalogueService {
  const refreshMs = deps.refreshMs ?? DEFAULT_CATALOGUE_REFRESH_MS;
  const log = new CatalogueLog(deps.log);
  let abort = new AbortController();
  const fetcher = platformCatalogueFetcher(deps.http, () => abort.signal);
  let timer: ReturnType<typeof setInterval> | undefined;
  let announced: string | undefined;
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;

  const current = (): Catalogue | undefined => {
    try {
      return deps.cache.current()?.catalogue;
    } catch (error) {
      log.storageFailed(error);
      return undefined;
    }
  };

  /** Calls `changed` when the catalogue in force differs from the last one announced. */
  const announce = (catalogue: Catalogue | undefined) => {
    if (catalogue === undefined) return;
    const json = JSON.stringify(catalogue);
    if (json === announced) return;
    announced = json;
    try {
      deps.changed(catalogue);
    } catch (error) {
      deps.log.error({ err: error }, 'catalogue.changedHandlerFailed');
    }
  };

  const once = async (): Promise<void> => {
    const signal = abort.signal;
    let result: RefreshResult;
    try {
      result = await deps.cache.refresh(fetcher);
    } catch (error) {
      log.storageFailed(error);
      return;
    }
    if (signal.aborted) return;
    const kept = result.current?.catalogue;
    switch (result.outcome) {
      case 'failed':
        log.unreachable(result.message, kept?.version);
        return;
      case 'invalid':
        log.answered();
        log.refused(result.message, kept?.version);
        return;
      case 'notModified':
        log.answered();
        announce(kept);
        return;
      case 'updated':
        log.answered();
        log.updated(result.current.catalogue.version);
        announce(result.current.catalogue);
        return;
    }
  };

  const refresh = (): Promise<void> => {
    if (running === undefined) {
      running = once().finally(() => (running = undefined));
      return running;
    }
    // Asked again mid-fetch (e.g. the platform just came back): one more fetch after this one.
    queued ??= running.then(() => {
      queued = undefined;
      return refresh();
    });
    return queued;
  };

  return {
    current,
    refresh,
    start() {
      if (timer !== undefined) return;
      abort = new AbortController();
      announce(current());
      void refresh();
      timer = setInterval(() => void refresh(), refreshMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      abort.abort();
    },
    platformVersion(version) {
      if (version > (current()?.version ?? -1)) void refresh();
    },
  };
}
