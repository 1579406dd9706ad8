import type Database from 'better-sqlite3';

/** One schema step. Versions start at 1 and have no gaps; a released step is never edited. */
export interface Migration {
  /** The schema version this step produces. */
  version: number;
  /** What it does, for the log and the migration tests. */
  name: string;
  /** Applies the step; runs inside a transaction with the version bump. */
  up: (db: Database.Database) => void;
}

/** The database was written by a newer kiosk build than this one. */
export class SchemaTooNewError extends Error {
  /** A technician must install the newer build again (or restore the matching backup). */
  readonly action = 'softwareError' as const;
  constructor(found: number, known: number) {
    super(
      `database schema version ${found} is newer than this build knows (${known}); ` +
        'do not downgrade the kiosk software over live data',
    );
    this.name = 'SchemaTooNewError';
  }
}

/** Brings the schema to the newest version, one transaction per step; returns the versions run. */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number[] {
  checkSequence(migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  const newest = migrations.length;
  if (current > newest) throw new SchemaTooNewError(current, newest);
  const applied: number[] = [];
  for (const step of migrations.slice(current)) {
    db.transaction(() => {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    })();
    applied.push(step.version);
  }
  return applied;
}

function checkSequence(migrations: readonly Migration[]): void {
  migrations.forEach((step, index) => {
    if (step.version !== index + 1) {
      throw new Error(`migration ${step.name} has version ${step.version}, expected ${index + 1}`);
    }
  });
}
