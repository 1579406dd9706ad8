import type { Heartbeat } from '../../contract/platform-api.js';
import type { PlatformDatabase } from './database.js';

/** Heartbeats as received, for a fleet view (and tests). */
export class HeartbeatStore {
  constructor(private readonly db: PlatformDatabase) {}

  /** Records one heartbeat. */
  record(kioskId: string, heartbeat: Heartbeat, now: Date): void {
    this.db
      .prepare('INSERT INTO heartbeats (kiosk_id, received_at, body) VALUES (?, ?, ?)')
      .run(kioskId, now.toISOString(), JSON.stringify(heartbeat));
  }

  /** Heartbeats received. */
  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM heartbeats').get() as { n: number }).n;
  }

  /** The latest heartbeat of each kiosk. */
  latest(): Record<string, { receivedAt: string; heartbeat: Heartbeat }> {
    const rows = this.db
      .prepare(
        `SELECT kiosk_id, received_at, body FROM heartbeats
         WHERE id IN (SELECT MAX(id) FROM heartbeats GROUP BY kiosk_id)`,
      )
      .all() as { kiosk_id: string; received_at: string; body: string }[];
    return Object.fromEntries(
      rows.map((row) => [
        row.kiosk_id,
        { receivedAt: row.received_at, heartbeat: JSON.parse(row.body) as Heartbeat },
      ]),
    );
  }
}
