import { SubmissionBatchResponse } from '../../contract/platform-api.js';
import type {
  SubmissionTransport,
  SubmitResult,
} from '../../offline-cache/sync/submission-transport.js';
import type { PlatformHttp } from '../platform-http.js';

/**
 * Sends a batch of queued requests to the platform (`POST /v1/requests/batch`, signed). Only a
 * complete, valid answer counts: a dropped connection or a cut-off body is a failure, and the
 * relay sends the same items (same idempotency keys) again — the platform answers those it
 * already stored as replays.
 */
export function httpSubmissionTransport(http: PlatformHttp): SubmissionTransport {
  return {
    async submit(batch, signal): Promise<SubmitResult> {
      const answer = await http.request('POST', '/v1/requests/batch', batch, signal);
      if (!answer.ok) {
        const { code, message } = answer.error;
        if (code === 'platformTimeout') return { ok: false, error: { kind: 'timeout', message } };
        if (code === 'badResponse') return { ok: false, error: { kind: 'network', message } };
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
            message: `the platform answered ${status} (${errorCode(body)})`,
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
    },
  };
}

/** Retry-After as seconds or an HTTP date, in ms from now. */
export function retryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function errorCode(body: unknown): string {
  const error = (body as { error?: unknown } | null)?.error;
  return typeof error === 'string' ? error.slice(0, 64) : 'no error code';
}
