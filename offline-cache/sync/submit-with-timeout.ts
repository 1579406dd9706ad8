import type { SubmissionBatch } from '../../contract/platform-api.js';
import type { SubmissionTransport, SubmitResult } from './submission-transport.js';
import type { SyncTimers } from './sync-clock.js';

/**
 * Submits a batch and waits at most `timeoutMs` (monotonic timers) for the answer. On timeout the
 * transport's signal is aborted and the batch counts as a `timeout` failure even if the transport
 * ignores the signal; a later answer is dropped (its items are still in the outbox, so they are
 * sent again and the platform answers them as replays). A transport that throws is a `network`
 * failure: nothing here rejects.
 */
export async function submitWithTimeout(
  transport: SubmissionTransport,
  batch: SubmissionBatch,
  timers: SyncTimers,
  timeoutMs: number,
): Promise<SubmitResult> {
  const controller = new AbortController();
  let timer: unknown;
  const timedOut = new Promise<SubmitResult>((resolve) => {
    timer = timers.setTimeout(() => {
      controller.abort();
      resolve({
        ok: false,
        error: { kind: 'timeout', message: `no answer within ${timeoutMs} ms` },
      });
    }, timeoutMs);
  });
  const answered = transport
    .submit(batch, controller.signal)
    .catch((error: unknown): SubmitResult => ({
      ok: false,
      error: { kind: 'network', message: error instanceof Error ? error.message : String(error) },
    }));
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    timers.clearTimeout(timer);
  }
}
