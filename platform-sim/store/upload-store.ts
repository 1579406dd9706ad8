import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlatformDatabase } from './database.js';

/** One tus upload as the platform records it. */
export interface UploadRecord {
  /** Random id, the last segment of its URL. */
  uploadId: string;
  /** The kiosk that created it (only it may read or append). */
  kioskId: string;
  /** Upload-Length: total bytes. */
  length: number;
  /** Upload-Offset: bytes durably received. */
  offset: number;
  /** Upload-Metadata header as sent (tus key/base64 pairs), if any. */
  metadata: string | null;
  /** Hex SHA-256 of the whole file, once complete. */
  sha256: string | null;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601, once complete. */
  completedAt: string | null;
}

interface UploadRow {
  upload_id: string;
  kiosk_id: string;
  length: number;
  offset: number;
  metadata: string | null;
  sha256: string | null;
  created_at: string;
  completed_at: string | null;
}

/** Upload records in SQLite, their bytes in `<dir>/<id>.bin` (0600). */
export class UploadStore {
  constructor(
    private readonly db: PlatformDatabase,
    private readonly dir: string,
  ) {}

  /** The URL path of an upload. */
  static urlOf(uploadId: string): string {
    return `/v1/uploads/${uploadId}`;
  }

  /** Creates an empty upload. */
  create(kioskId: string, length: number, metadata: string | undefined, now: Date): UploadRecord {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const uploadId = randomBytes(16).toString('base64url');
    writeFileSync(this.fileOf(uploadId), new Uint8Array(0), { mode: 0o600 });
    this.db
      .prepare(
        `INSERT INTO uploads (upload_id, kiosk_id, length, offset, metadata, created_at)
         VALUES (?, ?, ?, 0, ?, ?)`,
      )
      .run(uploadId, kioskId, length, metadata ?? null, now.toISOString());
    return this.get(uploadId)!;
  }

  /** An upload by id. */
  get(uploadId: string): UploadRecord | undefined {
    const row = this.db.prepare('SELECT * FROM uploads WHERE upload_id = ?').get(uploadId) as
      UploadRow | undefined;
    if (!row) return undefined;
    return {
      uploadId: row.upload_id,
      kioskId: row.kiosk_id,
      length: row.length,
      offset: row.offset,
      metadata: row.metadata,
      sha256: row.sha256,
      createdAt: row.created_at,
      completedAt: row.completed_at,
    };
  }

  /** The file holding an upload's bytes. */
  fileOf(uploadId: string): string {
    return join(this.dir, `${uploadId}.bin`);
  }

  /** Records bytes durably written up to `offset` (and the digest once complete). */
  commitOffset(uploadId: string, offset: number, now: Date, sha256?: string): void {
    this.db
      .prepare(
        `UPDATE uploads SET offset = ?, sha256 = COALESCE(?, sha256),
           completed_at = CASE WHEN ? = length THEN ? ELSE completed_at END
         WHERE upload_id = ?`,
      )
      .run(offset, sha256 ?? null, offset, now.toISOString(), uploadId);
  }

  /** Uploads created and completed (stats). */
  counts(): { created: number; completed: number } {
    return this.db
      .prepare('SELECT COUNT(*) AS created, COUNT(completed_at) AS completed FROM uploads')
      .get() as { created: number; completed: number };
  }

  /** Deletes every upload's bytes (the rows go with wipeDatabase). */
  wipeFiles(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
