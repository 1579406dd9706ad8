import type { Statement } from 'better-sqlite3';
import type { ErrorAction } from '../../contract/device-status.js';
import type { KioskDatabase } from '../database.js';
import type { PayloadSealer } from '../outbox/payload-sealer.js';
import { materialAssociatedData } from './material-rows.js';

/** Why a material's bytes cannot be had. */
export interface MaterialReadFailure {
  /** Discriminant. */
  ok: false;
  /**
   * `noSuchMaterial`: no row has that id; `materialPurged`: erased with its request's payload;
   * `materialUnreadable`: wrong key, altered, or moved from another row or position.
   */
  code: 'noSuchMaterial' | 'materialPurged' | 'materialUnreadable';
  /** Technician-facing text (never holds the data). */
  message: string;
  /** What a person must do. */
  action: ErrorAction;
}

interface SealedRow {
  data: Buffer | null;
  position: number;
  content_type: string;
  pages: number;
  byte_length: number;
  idempotency_key: string;
}

/**
 * Opens a stored material: its bytes, decrypted and authenticated against the row they are in
 * (request, position, media type, pages) and its recorded length — never another row's bytes.
 */
export class MaterialReader {
  private readonly sealedRow: Statement;

  constructor(
    db: KioskDatabase,
    private readonly sealer: PayloadSealer,
  ) {
    this.sealedRow = db.prepare(
      `SELECT m.data, m.position, m.content_type, m.pages, m.byte_length, r.idempotency_key
       FROM materials m JOIN requests r USING (request_id) WHERE m.material_id = ?`,
    );
  }

  /** The bytes of material `materialId`, or why not. Throws KeyProviderError without a key. */
  open(materialId: number): { ok: true; data: Buffer } | MaterialReadFailure {
    const row = this.sealedRow.get(materialId) as SealedRow | undefined;
    if (!row) return failure('noSuchMaterial', `no material ${materialId}`, 'softwareError');
    if (row.data === null) {
      return failure('materialPurged', `material ${materialId} was purged`, 'clear');
    }
    const associatedData = materialAssociatedData(
      row.idempotency_key,
      row.position,
      row.content_type,
      row.pages,
    );
    const opened = this.sealer.openBytes(row.data, associatedData);
    if (!opened.ok) {
      return failure(
        'materialUnreadable',
        `material ${materialId}: ${opened.message}`,
        'maintenance',
      );
    }
    if (opened.plain.length !== row.byte_length) {
      return failure(
        'materialUnreadable',
        `material ${materialId} opens to ${opened.plain.length} bytes, not ${row.byte_length}`,
        'maintenance',
      );
    }
    return { ok: true, data: opened.plain };
  }
}

function failure(
  code: MaterialReadFailure['code'],
  message: string,
  action: ErrorAction,
): MaterialReadFailure {
  return { ok: false, code, message, action };
}
