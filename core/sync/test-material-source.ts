import { randomBytes } from 'node:crypto';
import type { LocalMaterial, MaterialSource } from './material-source.js';

/** A document to store for a test: its bytes and, optionally, its upload state. */
export interface TestDocument {
  /** The document's bytes (default: `size` random bytes). */
  bytes?: Buffer;
  /** Random bytes to make when `bytes` is absent. */
  size?: number;
  /** Media type (default PDF). */
  contentType?: LocalMaterial['contentType'];
  /** Pages (default 1). */
  pages?: number;
  /** A recorded upload URL, as if an earlier attempt had created it. */
  uploadUrl?: string;
}

/** One call the sync side made on the source (for assertions). */
export type MaterialCall =
  | { call: 'recordUploadUrl'; materialId: number; uploadUrl: string }
  | { call: 'recordUploaded'; materialId: number }
  | { call: 'clearUploadUrl'; materialId: number };

/** An in-memory MaterialSource with what a test needs to set up and inspect. */
export class MemoryMaterialSource implements MaterialSource {
  /** Every recording call, in order. */
  readonly calls: MaterialCall[] = [];
  private readonly byRequest = new Map<string, number[]>();
  private readonly stored = new Map<number, { material: LocalMaterial; bytes?: Buffer }>();
  private nextId = 1;

  /** Stores the documents of a request, in position order; returns them. */
  add(idempotencyKey: string, documents: readonly TestDocument[]): LocalMaterial[] {
    const ids = this.byRequest.get(idempotencyKey) ?? [];
    const added = documents.map((document, i) => {
      const bytes = document.bytes ?? randomBytes(document.size ?? 1024);
      const material: LocalMaterial = {
        materialId: this.nextId++,
        position: ids.length + i + 1,
        contentType: document.contentType ?? 'application/pdf',
        pages: document.pages ?? 1,
        byteLength: bytes.length,
        uploaded: false,
        ...(document.uploadUrl !== undefined ? { uploadUrl: document.uploadUrl } : {}),
      };
      this.stored.set(material.materialId, { material, bytes });
      return material;
    });
    this.byRequest.set(idempotencyKey, [...ids, ...added.map((m) => m.materialId)]);
    return added.map((m) => ({ ...m }));
  }

  /** A document's current record. */
  get(materialId: number): LocalMaterial {
    const entry = this.stored.get(materialId);
    if (!entry) throw new Error(`no material ${materialId}`);
    return { ...entry.material };
  }

  /** A document's bytes as stored (even once purged, for comparing). */
  bytesOf(materialId: number): Buffer {
    const entry = this.stored.get(materialId);
    if (!entry?.bytes) throw new Error(`no bytes of material ${materialId}`);
    return entry.bytes;
  }

  /** Drops a document's bytes, as the purge would. */
  purge(materialId: number): void {
    const entry = this.stored.get(materialId);
    if (entry) delete entry.bytes;
  }

  forRequest(idempotencyKey: string): LocalMaterial[] {
    return (this.byRequest.get(idempotencyKey) ?? []).map((id) => this.get(id));
  }

  read(materialId: number): Buffer | undefined {
    return this.stored.get(materialId)?.bytes;
  }

  recordUploadUrl(materialId: number, uploadUrl: string): void {
    this.calls.push({ call: 'recordUploadUrl', materialId, uploadUrl });
    this.update(materialId, (m) => ({ ...m, uploadUrl, uploaded: false }));
  }

  recordUploaded(materialId: number): void {
    this.calls.push({ call: 'recordUploaded', materialId });
    this.update(materialId, (m) => ({ ...m, uploaded: true }));
  }

  clearUploadUrl(materialId: number): void {
    this.calls.push({ call: 'clearUploadUrl', materialId });
    this.update(materialId, ({ uploadUrl: _dropped, ...m }) => ({ ...m, uploaded: false }));
  }

  private update(materialId: number, change: (m: LocalMaterial) => LocalMaterial): void {
    const entry = this.stored.get(materialId);
    if (!entry) throw new Error(`no material ${materialId}`);
    entry.material = change(entry.material);
  }
}
