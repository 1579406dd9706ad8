import type { Catalogue } from '../../contract/platform-api.js';
import { CatalogueCache } from '../../offline-cache/catalogue/catalogue-cache.js';
import type { KioskDatabase } from '../../offline-cache/database.js';

/*
 * The cache wants a built-in catalogue to fall back on. The kiosk shows none: until the platform
 * has answered once, the catalogue service reports "no catalogue" (the screen uses its own texts
 * and availability is decided by devices alone), so this placeholder is never shown.
 */
const NEVER_SHOWN: Catalogue = { version: 0, services: [] };

/** The catalogue cache in kiosk.sqlite (table catalogue_cache). */
export function openCatalogueCache(db: KioskDatabase): CatalogueCache {
  return new CatalogueCache(db, { fallback: NEVER_SHOWN });
}
