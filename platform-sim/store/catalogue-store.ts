import { Catalogue } from '../../contract/platform-api.js';
import type { PlatformDatabase } from './database.js';

/** A change an operator makes to the catalogue (tests: POST /_control/catalogue). */
export interface CatalogueChange {
  /** New services list, if it changes. */
  services?: Catalogue['services'];
  /** New notice, or null to remove it. */
  notice?: Catalogue['notice'] | null;
  /** New list of matters for document applications, or null to remove it. */
  matters?: Catalogue['matters'] | null;
}

/** The service catalogue, versioned, kept in the settings table so its version survives restarts. */
export class CatalogueStore {
  constructor(
    private readonly db: PlatformDatabase,
    private readonly seed: Catalogue,
  ) {}

  /** The current catalogue. */
  current(): Catalogue {
    const row = this.db.prepare(`SELECT value FROM settings WHERE name = 'catalogue'`).get() as
      { value: string } | undefined;
    return row ? Catalogue.parse(JSON.parse(row.value)) : this.seed;
  }

  /** Applies a change (what it does not name stays as it was) and bumps the version by one. */
  bump(change: CatalogueChange): Catalogue {
    return this.db.transaction(() => {
      const current = this.current();
      const next: Catalogue = {
        version: current.version + 1,
        services: change.services ?? current.services,
      };
      const notice = change.notice === undefined ? current.notice : change.notice;
      if (notice) next.notice = notice;
      // Kept unless the change names them: a notice or a services switch must not drop the matters.
      const matters = change.matters === undefined ? current.matters : change.matters;
      if (matters) next.matters = matters;
      const parsed = Catalogue.parse(next);
      this.db
        .prepare(
          `INSERT INTO settings (name, value) VALUES ('catalogue', ?)
           ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
        )
        .run(JSON.stringify(parsed));
      return parsed;
    })();
  }
}
