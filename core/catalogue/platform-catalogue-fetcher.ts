import type { CatalogueFetcher } from '../../offline-cache/catalogue/catalogue-cache.js';
import type { PlatformHttp } from '../platform-http.js';
import { errorCodeOf } from '../sync/retry-after.js';

/** The platform's catalogue endpoint (conditional GET, signed). */
export const CATALOGUE_PATH = '/v1/catalogue';

/**
 * GET /v1/catalogue with `If-None-Match` when the kiosk has a tag: 304 → not modified, 200 → the
 * body as it came (the cache validates it), anything else or no answer → failed with a
 * technician-facing message. `signal` aborts the call when the service stops.
 */
export function platformCatalogueFetcher(
  http: Pick<PlatformHttp, 'request'>,
  signal: () => AbortSignal | undefined,
): CatalogueFetcher {
  return async (etag) => {
    const headers: Record<string, string> = etag !== undefined ? { 'If-None-Match': etag } : {};
    const answer = await http.request('GET', CATALOGUE_PATH, undefined, signal(), headers);
    if (!answer.ok) {
      return { kind: 'failed', message: `${answer.error.code}: ${answer.error.message}` };
    }
    const { status, body, headers: received } = answer.value;
    if (status === 304) return { kind: 'notModified' };
    if (status === 200) {
      const tag = received.get('etag');
      return { kind: 'catalogue', catalogue: body, ...(tag !== null ? { etag: tag } : {}) };
    }
    return {
      kind: 'failed',
      message: `${CATALOGUE_PATH} answered ${status} (${errorCodeOf(body)})`,
    };
  };
}
