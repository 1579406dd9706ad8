import { SubmissionResult } from '../../contract/platform-api.js';
import type { DueItem, ItemOutcome } from '../outbox/outbox-queue.js';

/**
 * Reads the platform's answer to a batch, item by item, matched by key (never by position: the
 * results may come in any order). accepted (replayed or not) → confirmed; rejected and keyReused
 * → dead letter; inFlight and outOfOrder → send again soon; an item with no valid result → send
 * again soon. A result for a key that was not in the batch, or a second result for a key, is
 * ignored.
 */
export function batchOutcomes(
  items: readonly DueItem[],
  results: readonly unknown[],
  retryAt: (item: DueItem) => number,
): ItemOutcome[] {
  const sent = new Set(items.map((item) => item.idempotencyKey));
  const answers = new Map<string, SubmissionResult>();
  for (const raw of results) {
    const parsed = SubmissionResult.safeParse(raw);
    if (!parsed.success) continue;
    const key = parsed.data.idempotencyKey;
    if (sent.has(key) && !answers.has(key)) answers.set(key, parsed.data);
  }
  return items.map((item): ItemOutcome => {
    const idempotencyKey = item.idempotencyKey;
    const answer = answers.get(idempotencyKey);
    const retry = (error: string): ItemOutcome => ({
      kind: 'retry',
      idempotencyKey,
      nextAttemptAt: retryAt(item),
      error,
    });
    if (answer === undefined) return retry('unanswered');
    switch (answer.status) {
      case 'accepted':
        return {
          kind: 'confirmed',
          idempotencyKey,
          ...(answer.trackingNumber !== undefined ? { trackingNumber: answer.trackingNumber } : {}),
        };
      case 'rejected':
      case 'keyReused':
        return {
          kind: 'deadLettered',
          idempotencyKey,
          errorCode: answer.status === 'keyReused' ? 'keyReused' : (answer.errorCode ?? 'rejected'),
          ...(answer.message !== undefined ? { message: answer.message } : {}),
        };
      case 'inFlight':
      case 'outOfOrder':
        return retry(answer.errorCode ? `${answer.status}: ${answer.errorCode}` : answer.status);
    }
  });
}

/** HTTP statuses that say the batch's content is at fault, not the network or the server. */
const CONTENT_STATUSES = new Set([400, 413, 422]);

/** True when a whole-batch HTTP failure points at the batch's content (split it to find the culprit). */
export function isContentFailure(status: number | undefined): boolean {
  return status !== undefined && CONTENT_STATUSES.has(status);
}
