/** One scanned document of a queued application, as the kiosk stores it (no bytes). */
export interface LocalMaterial {
  /** The kiosk's id of the stored document. */
  materialId: number;
  /** Its place in the application (documents are sent in this order). */
  position: number;
  /** Its media type. */
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  /** Pages in it. */
  pages: number;
  /** Its size, bytes. */
  byteLength: number;
  /** The tus upload's URL path at the platform, once one was created. */
  uploadUrl?: string;
  /** True once the platform holds every byte of it. */
  uploaded: boolean;
}

/**
 * Where the sync side finds an application's scanned documents and records their upload progress
 * (implemented over the `materials` table by offline-cache; in memory in tests).
 */
export interface MaterialSource {
  /** The documents of a request, in position order, without their bytes. */
  forRequest(idempotencyKey: string): LocalMaterial[];
  /** A document's decrypted bytes; undefined when purged. */
  read(materialId: number): Buffer | undefined;
  /** Records the upload URL right after the upload was created. */
  recordUploadUrl(materialId: number, uploadUrl: string): void;
  /** Records that the upload is complete. */
  recordUploaded(materialId: number): void;
  /** Forgets the upload URL: the platform lost the upload (404/410), so it starts over. */
  clearUploadUrl(materialId: number): void;
}
