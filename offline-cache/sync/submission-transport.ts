import type { SubmissionBatch, SubmissionBatchResponse } from '../../contract/platform-api.js';

/** Why a whole batch got no usable answer. */
export interface TransportFailure {
  /** network: no connection; timeout: no answer in time; http: a non-2xx status; badResponse: 2xx but not a valid answer. */
  kind: 'network' | 'timeout' | 'http' | 'badResponse';
  /** HTTP status, for `http`. */
  status?: number;
  /** The server's Retry-After, in ms, when it sent one (429, 503). */
  retryAfterMs?: number;
  /** Technician-facing text (no personal data). */
  message: string;
}

/** A batch's answer, or why there is none. */
export type SubmitResult =
  { ok: true; value: SubmissionBatchResponse } | { ok: false; error: TransportFailure };

/**
 * How the relay reaches the platform (POST /v1/requests/batch). The core supplies the HTTP
 * implementation (signing, TLS, response validation); tests script one. It should not throw (a
 * throw is treated as a network failure) and should stop when `signal` aborts (the relay's
 * timeout); an answer that arrives after the abort is ignored.
 */
export interface SubmissionTransport {
  /** Submits one batch. */
  submit(batch: SubmissionBatch, signal: AbortSignal): Promise<SubmitResult>;
}
