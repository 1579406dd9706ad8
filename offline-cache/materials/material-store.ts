import type { Statement } from 'better-sqlite3';
import { ApplicationDocument } from '../../contract/platform-api.js';
import type { KeyProvider } from '../crypto/key-provider.js';
import type { KioskDatabase } from '../database.js';
import { PayloadSealer } from '../outbox/payload-sealer.js';
import { MaterialReader } from './material-reader.js';
import type { MaterialContentType } from './material-rows.js';

/** One scanned document of a stored request, without its bytes. */
export interface LocalMaterial {
  /** The kiosk's id of it (the `materials` row). */
  materialId: number;
  /** Its place in the application, from 1 (documents are sent in this order). */
  position: number;
  /** Its media type. */
  contentType: MaterialContentType;
  /** Pages in it. */
  pages: number;
  /** Its size, bytes (what the upload declares). */
  byteLength: number;
  /** The platform's tus upload URL path, once an upload was created. */
  uploadUrl?: string;
  /** True once the platform holds every byte of it. */
  uploaded: boolean;
}

/** MaterialStore settings. */
export interface MaterialStoreOptions {
  /** Wall clock (upload times). */
  now?: () => Date;
}

interface MaterialRow {
  material_id: number;
  position: number;
  content_type: MaterialContentType;
  pages: number;
  byte_length: number;
  upload_url: string | null;
  uploaded: number;
}

const UPLOAD_URL = ApplicationDocument.shape.uploadUrl;

/**
 * The sync transport's view of the scanned materials that `Outbox.enqueue` stored with their
 * requests: which there are, their bytes, and how far their tus uploads got (recorded at once,
 * so a restart resumes an upload rather than sending the bytes again). Get it as
 * `outbox.materials`, or make one over the same database and key.
 *
 * `read` never returns bytes that do not belong to the row (see MaterialReader); it gives
 * undefined for a purged, unknown or unreadable material, which the transport treats as missing
 * (the application is refused rather than the whole queue blocked). The record methods throw a
 * RangeError for an unknown material or a malformed URL (caller bugs), and the database's error
 * when the write fails.
 */
export class MaterialStore {
  private readonly reader: MaterialReader;
  private readonly now: () => Date;
  private readonly s: Record<
    'forRequest' | 'exists' | 'recordUrl' | 'recordUploaded' | 'clearUrl',
    Statement
  >;

  constructor(db: KioskDatabase, keys: KeyProvider, options: MaterialStoreOptions = {}) {
    this.reader = new MaterialReader(db, new PayloadSealer(keys));
    this.now = options.now ?? (() => new Date());
    this.s = {
      forRequest: db.prepare(
        `SELECT material_id, position, content_type, pages, byte_length, upload_url,
           uploaded_at IS NOT NULL AS uploaded
         FROM materials
         WHERE request_id = (SELECT request_id FROM requests WHERE idempotency_key = ?)
         ORDER BY position`,
      ),
      exists: db.prepare('SELECT 1 FROM materials WHERE material_id = ?').pluck(),
      recordUrl: db.prepare(
        'UPDATE materials SET upload_url = ?, uploaded_at = NULL WHERE material_id = ?',
      ),
      recordUploaded: db.prepare(
        `UPDATE materials SET uploaded_at = coalesce(uploaded_at, ?)
         WHERE material_id = ? AND upload_url IS NOT NULL`,
      ),
      clearUrl: db.prepare(
        'UPDATE materials SET upload_url = NULL, uploaded_at = NULL WHERE material_id = ?',
      ),
    };
  }

  /** The materials of one request, in position order (no bytes). */
  forRequest(idempotencyKey: string): LocalMaterial[] {
    const rows = this.s.forRequest.all(idempotencyKey) as MaterialRow[];
    return rows.map((row) => ({
      materialId: row.material_id,
      position: row.position,
      contentType: row.content_type,
      pages: row.pages,
      byteLength: row.byte_length,
      ...(row.upload_url !== null ? { uploadUrl: row.upload_url } : {}),
      uploaded: row.uploaded === 1,
    }));
  }

  /** One material's bytes, decrypted; undefined when purged or unknown. */
  read(materialId: number): Buffer | undefined {
    const opened = this.reader.open(materialId);
    return opened.ok ? opened.data : undefined;
  }

  /**
   * The tus upload URL path the platform gave (recorded right after creating the upload, before
   * sending bytes, so a restart resumes it).
   */
  recordUploadUrl(materialId: number, uploadUrl: string): void {
    if (!UPLOAD_URL.safeParse(uploadUrl).success) {
      throw new RangeError(`${JSON.stringify(uploadUrl)} is not a tus upload path`);
    }
    this.changeOne(this.s.recordUrl.run(uploadUrl, materialId).changes, materialId);
  }

  /** The upload is complete on the platform. */
  recordUploaded(materialId: number): void {
    const { changes } = this.s.recordUploaded.run(this.now().toISOString(), materialId);
    if (changes === 0 && this.s.exists.get(materialId) !== undefined) {
      throw new RangeError(`material ${materialId} has no upload to be complete`);
    }
    this.changeOne(changes, materialId);
  }

  /** Forget a recorded upload URL (the platform lost/expired it: start a new upload). */
  clearUploadUrl(materialId: number): void {
    this.changeOne(this.s.clearUrl.run(materialId).changes, materialId);
  }

  private changeOne(changes: number, materialId: number): void {
    if (changes !== 1) throw new RangeError(`no material ${materialId}`);
  }
}
