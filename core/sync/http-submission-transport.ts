import {
  SubmissionBatchResponse,
  type SubmissionBatch,
  type SubmissionItem,
  type SubmissionResult,
} from '../../contract/platform-api.js';
import type {
  SubmissionTransport,
  SubmitResult,
} from '../../offline-cache/sync/submission-transport.js';
import type { PlatformHttp } from '../platform-http.js';
import { mergeResults, prepareItem, type DocumentUploads } from './document-application.js';
import type { MaterialSource } from './material-source.js';
import { errorCodeOf, retryAfter } from './retry-after.js';
import type { TusUploadOptions, UploadReport } from './tus-upload.js';

export { retryAfter } from './retry-after.js';

/** What the HTTP transport needs besides the platform connection. */
export interface HttpTransportOptions {
  /** Scanned documents of queued applications; without it items are sent as stored. */
  materials?: MaterialSource;
  /** Chunk size, PATCH deadline, size limit of uploads. */
  upload?: TusUploadOptions;
  /** Told about every upload attempt (no personal data in the report). */
  onUpload?: (report: UploadReport) => void;
  /** Aborts uploads in progress (shutdown); they resume from the platform's offset next time. */
  stop?: AbortSignal;
}

/**
 * Sends a batch of queued requests to the platform (`POST /v1/requests/batch`, signed). Only a
 * complete, valid answer counts: a dropped connection or a cut-off body is a failure, and the
 * relay sends the same items (same idempotency keys) again — the platform answers those it
 * already stored as replays.
 *
 * With a MaterialSource, the documents of each `documentApplication` are uploaded first (tus,
 * resumable) and referenced in its payload. An upload that cannot finish now fails the whole
 * batch like a network failure (the relay backs off; the upload resumes). An application whose
 * documents are refused or gone is not sent: it is answered `rejected` (`uploadRefused`,
 * `materialsMissing`) here, so the relay dead-letters it while the rest goes through.
 */
export function httpSubmissionTransport(
  http: PlatformHttp,
  options: HttpTransportOptions = {},
): SubmissionTransport {
  const { materials } = options;
  return {
    async submit(batch, signal): Promise<SubmitResult> {
      if (materials === undefined) return postBatch(http, batch, signal);
      const uploads: DocumentUploads = {
        http,
        materials,
        ...(options.upload ? { upload: options.upload } : {}),
        ...(options.onUpload ? { onUpload: options.onUpload } : {}),
      };
      const uploadSignal = options.stop ? AbortSignal.any([signal, options.stop]) : signal;
      const ready: SubmissionItem[] = [];
      const own: SubmissionResult[] = [];
      for (const item of batch.items) {
        const prepared = await prepareItem(item, uploads, uploadSignal);
        if (prepared.kind === 'retry') return { ok: false, error: prepared.failure };
        if (prepared.kind === 'rejected') own.push(prepared.result);
        else ready.push(prepared.item);
      }
      if (ready.length === 0) {
        return { ok: true, value: { results: mergeResults(batch.items, own, []) } };
      }
      const answer = await postBatch(http, { items: ready }, signal);
      if (!answer.ok || own.length === 0) return answer;
      return {
        ok: true,
        value: { results: mergeResults(batch.items, own, answer.value.results) },
      };
    },
  };
}

/** POST /v1/requests/batch and read the answer. */
async function postBatch(
  http: PlatformHttp,
  batch: SubmissionBatch,
  signal: AbortSignal,
): Promise<SubmitResult> {
  const answer = await http.request('POST', '/v1/requests/batch', batch, signal);
  if (!answer.ok) {
    const { code, message } = answer.error;
    if (code === 'platformTimeout') return { ok: false, error: { kind: 'timeout', message } };
    return { ok: false, error: { kind: 'network', message } };
  }
  const { status, body, headers } = answer.value;
  if (status !== 200) {
    const retryAfterMs = retryAfter(headers.get('retry-after'));
    return {
      ok: false,
      error: {
        kind: 'http',
        status,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        message: `the platform answered ${status} (${errorCodeOf(body)})`,
      },
    };
  }
  const parsed = SubmissionBatchResponse.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      error: { kind: 'badResponse', message: 'batch answer does not match the contract' },
    };
  }
  return { ok: true, value: parsed.data };
}
