import { maskIdNumbersInText } from '../../contract/masking.js';
import type { TransportFailure } from '../../offline-cache/sync/submission-transport.js';
import type { PlatformAnswer, PlatformFailure } from '../platform-http.js';
import { errorCodeOf, retryAfter } from './retry-after.js';

/** Why an application's documents can never be uploaded as they are (its item is rejected). */
export type UploadRefusalCode = 'uploadRefused' | 'materialsMissing';

/** An upload that did not finish. */
export type UploadFailure =
  | {
      /** Try again later (network, timeout, 5xx, 429, credentials): the whole batch waits. */
      kind: 'retryable';
      /** What the relay is told (it backs off, honouring retryAfterMs). */
      failure: TransportFailure;
    }
  | {
      /** The document can never be uploaded as it is: its application is rejected. */
      kind: 'refused';
      /** Machine-readable reason, the dead letter's errorCode. */
      errorCode: UploadRefusalCode;
      /** Technician-facing text, no personal data, at most 300 characters. */
      message: string;
    };

/** A refusal with a clean message (ID numbers masked, cut to the contract's 300 characters). */
export function uploadRefused(errorCode: UploadRefusalCode, message: string): UploadFailure {
  return { kind: 'refused', errorCode, message: maskIdNumbersInText(message).slice(0, 300) };
}

/** A failure the relay retries with backoff. */
export function uploadRetryable(failure: TransportFailure): UploadFailure {
  return {
    kind: 'retryable',
    failure: { ...failure, message: maskIdNumbersInText(failure.message) },
  };
}

/** PlatformHttp's failure (no answer at all) as a retryable upload failure. */
export function noAnswer(error: PlatformFailure): UploadFailure {
  const kind = error.code === 'platformTimeout' ? 'timeout' : 'network';
  return uploadRetryable({ kind, message: error.message });
}

/**
 * An HTTP answer that is neither success nor "upload lost", classified: 401 (signature, clock),
 * 408, 429 and 5xx are the network's or the platform's trouble and are retried; any other 4xx
 * (413 too large, 400, 403, 412, 415 …) says this upload will never be taken as it is.
 */
export function unexpectedAnswer(answer: PlatformAnswer, what: string): UploadFailure {
  const { status, body, headers } = answer;
  const code = errorCodeOf(body);
  const detail = (body as { message?: unknown } | null)?.message;
  const text = `${what}: the platform answered ${status} (${code}${
    typeof detail === 'string' ? `: ${detail}` : ''
  })`;
  if (status === 401 || status === 408 || status === 429 || status >= 500) {
    const retryAfterMs = retryAfter(headers.get('retry-after'));
    return uploadRetryable({
      kind: 'http',
      status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      message: text,
    });
  }
  if (status >= 400) return uploadRefused('uploadRefused', text);
  return uploadRetryable({ kind: 'badResponse', message: text });
}
