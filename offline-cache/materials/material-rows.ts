import type { KioskDatabase } from '../database.js';
import type { NewMaterial } from '../outbox/outbox-types.js';
import type { PayloadSealer } from '../outbox/payload-sealer.js';

/** A material's media type, as stored. */
export type MaterialContentType = NewMaterial['contentType'];

/**
 * What a material's bytes are sealed with, besides the key: its request's idempotency key, its
 * position and its description. Copied into another request's row, another position, or with
 * its media type or page count altered, the sealed bytes no longer open. The `#` never occurs in
 * an idempotency key, so this can never equal a payload's associated data (the key alone).
 */
export function materialAssociatedData(
  idempotencyKey: string,
  position: number,
  contentType: string,
  pages: number,
): string {
  return `${idempotencyKey}#material/${position}/${contentType}/${pages}`;
}

/** Writes a new request's materials; call inside the transaction that writes the request. */
export type MaterialInsert = (
  requestId: number,
  idempotencyKey: string,
  materials: readonly NewMaterial[],
) => void;

/**
 * Prepares the insert of a request's materials, positions 1, 2, 3… in order. Each is sealed just
 * before its row is written, so a large application holds one sealed copy in memory at a time.
 */
export function prepareMaterialInsert(db: KioskDatabase, sealer: PayloadSealer): MaterialInsert {
  const insert = db.prepare(
    `INSERT INTO materials (request_id, position, content_type, pages, byte_length, data)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  return (requestId, idempotencyKey, materials) => {
    materials.forEach(({ contentType, pages, data }, index) => {
      const position = index + 1;
      const associatedData = materialAssociatedData(idempotencyKey, position, contentType, pages);
      const sealed = sealer.sealBytes(data, associatedData);
      insert.run(requestId, position, contentType, pages, data.length, sealed);
    });
  };
}

/** Erases a request's material bytes (keeping what is not personal); returns how many. */
export type MaterialErase = (requestId: number, at: string) => number;

/** Prepares the erase that goes with a payload's: call in the transaction that erases it. */
export function prepareMaterialErase(db: KioskDatabase): MaterialErase {
  const erase = db.prepare(
    `UPDATE materials SET data = NULL, purged_at = ? WHERE request_id = ? AND data IS NOT NULL`,
  );
  return (requestId, at) => erase.run(at, requestId).changes;
}
