import type {
  ApplicationDocument,
  SubmissionItem,
  SubmissionResult,
} from '../../contract/platform-api.js';
import type { TransportFailure } from '../../offline-cache/sync/submission-transport.js';
import type { PlatformHttp } from '../platform-http.js';
import type { MaterialSource } from './material-source.js';
import { uploadMaterial, type TusUploadOptions, type UploadReport } from './tus-upload.js';
import type { UploadRefusalCode } from './upload-failure.js';

/** What uploading an application's documents needs. */
export interface DocumentUploads {
  /** Signed HTTP to the platform. */
  http: PlatformHttp;
  /** The kiosk's stored documents. */
  materials: MaterialSource;
  /** Chunk size, deadlines, limits. */
  upload?: TusUploadOptions;
  /** Told about every upload attempt (for logs; the report holds no personal data). */
  onUpload?: (report: UploadReport) => void;
}

/** A batch item made ready to send, or what to do instead. */
export type PreparedItem =
  | {
      /** Send it (a documentApplication now carries its `documents`). */
      kind: 'ready';
      /** The item to send. */
      item: SubmissionItem;
    }
  | {
      /** Never send it: the kiosk answers it `rejected` itself (dead-lettered by the relay). */
      kind: 'rejected';
      /** The answer, as the platform would have given it. */
      result: SubmissionResult;
    }
  | {
      /** An upload could not finish for now: the whole batch is retried later (uploads resume). */
      kind: 'retry';
      /** What the relay is told. */
      failure: TransportFailure;
    };

/**
 * Makes a `documentApplication` item sendable: uploads those of its documents the platform does
 * not hold yet, then adds `documents` (upload URL, media type, pages, in position order) to the
 * stored `{ applicant, matter }`. Recorded URLs are reused, so the item's body is the same on
 * every delivery, as the platform's idempotency check requires. Other kinds pass unchanged.
 */
export async function prepareItem(
  item: SubmissionItem,
  uploads: DocumentUploads,
  signal: AbortSignal,
): Promise<PreparedItem> {
  if (item.kind !== 'documentApplication') return { kind: 'ready', item };
  // In position order (MaterialSource.forRequest promises it).
  const stored = uploads.materials.forRequest(item.idempotencyKey);
  if (stored.length === 0) {
    // Queued with its documents already in the payload (uploaded another way): send as it is.
    if (Array.isArray(item.payload['documents'])) return { kind: 'ready', item };
    return rejected(
      item,
      'materialsMissing',
      'the application has no scanned documents on the kiosk',
    );
  }
  const documents: ApplicationDocument[] = [];
  for (const material of stored) {
    const uploaded = await uploadMaterial(
      uploads.http,
      uploads.materials,
      material,
      signal,
      uploads.upload,
    );
    uploads.onUpload?.(uploaded.report);
    if (!uploaded.ok) {
      const { failure } = uploaded;
      if (failure.kind === 'retryable') return { kind: 'retry', failure: failure.failure };
      return rejected(item, failure.errorCode, failure.message);
    }
    documents.push({
      uploadUrl: uploaded.uploadUrl,
      contentType: material.contentType,
      pages: material.pages,
    });
  }
  return { kind: 'ready', item: { ...item, payload: { ...item.payload, documents } } };
}

function rejected(
  item: SubmissionItem,
  errorCode: UploadRefusalCode,
  message: string,
): PreparedItem {
  return {
    kind: 'rejected',
    result: {
      idempotencyKey: item.idempotencyKey,
      status: 'rejected',
      replayed: false,
      errorCode,
      message: message.slice(0, 300),
    },
  };
}

/**
 * One result per item of the batch, in its order: the kiosk's own rejections for items it did
 * not send, the platform's answers for the others (batchOutcomes matches by key; a platform
 * answer for a key the kiosk answered itself is dropped).
 */
export function mergeResults(
  items: readonly SubmissionItem[],
  ownResults: readonly SubmissionResult[],
  platformResults: readonly SubmissionResult[],
): SubmissionResult[] {
  const own = new Map(ownResults.map((result) => [result.idempotencyKey, result]));
  const fromPlatform = platformResults.filter((result) => !own.has(result.idempotencyKey));
  const platform = new Map<string, SubmissionResult>();
  for (const result of fromPlatform) {
    if (!platform.has(result.idempotencyKey)) platform.set(result.idempotencyKey, result);
  }
  const merged: SubmissionResult[] = [];
  for (const item of items) {
    const result = own.get(item.idempotencyKey) ?? platform.get(item.idempotencyKey);
    if (result !== undefined) merged.push(result);
  }
  return merged;
}
