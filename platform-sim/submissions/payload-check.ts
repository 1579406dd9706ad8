import {
  SUBMISSION_PAYLOADS,
  type DocumentApplicationPayload,
  type IdCardCollectedPayload,
  type SubmissionItem,
} from '../../contract/platform-api.js';
import type { SeedPendingCard } from '../seed-platform.js';
import type { UploadStore } from '../store/upload-store.js';

/** Why an item can never be accepted (the kiosk dead-letters it). */
export interface Rejection {
  /** Machine-readable reason. */
  errorCode: string;
  /** Human-readable reason, no personal data. */
  message: string;
}

/** What the payload check needs to look up. */
export interface PayloadCheckContext {
  /** Completed uploads referenced by applications. */
  uploads: UploadStore;
  /** Cards waiting for collection. */
  pendingCards: readonly SeedPendingCard[];
}

/**
 * Checks an item's payload against its kind's schema and the platform's records. Messages name
 * the failing field and the kind of problem, never the value (which may be personal data).
 */
export function checkPayload(
  item: SubmissionItem,
  kioskId: string,
  context: PayloadCheckContext,
): Rejection | undefined {
  if (item.payload['poison'] === true) {
    return {
      errorCode: 'poisoned',
      message: 'this item is marked as one the platform never accepts',
    };
  }
  const parsed = SUBMISSION_PAYLOADS[item.kind].safeParse(item.payload);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `payload.${i.path.join('.')}: ${i.code}`);
    return {
      errorCode: 'invalidPayload',
      message: `not a valid ${item.kind} payload: ${problems.join('; ')}`.slice(0, 300),
    };
  }
  if (item.kind === 'idCardCollected') {
    const { cardRecordId } = parsed.data as IdCardCollectedPayload;
    const card = context.pendingCards.find((c) => c.cardRecordId === cardRecordId);
    if (!card || (card.kioskId !== '*' && card.kioskId !== kioskId)) {
      return {
        errorCode: 'unknownCard',
        message: 'no card with this record id waits at this kiosk',
      };
    }
  }
  if (item.kind === 'documentApplication') {
    for (const [i, document] of (parsed.data as DocumentApplicationPayload).documents.entries()) {
      const upload = context.uploads.get(document.uploadUrl.split('/').at(-1) ?? '');
      // "*": uploaded while signatures were off, by a kiosk that did not say who it was.
      if (!upload || (upload.kioskId !== kioskId && upload.kioskId !== '*')) {
        return {
          errorCode: 'uploadNotFound',
          message: `documents.${i}: no such upload of this kiosk`,
        };
      }
      if (upload.completedAt === null) {
        return {
          errorCode: 'uploadIncomplete',
          message: `documents.${i}: the upload is not complete`,
        };
      }
    }
  }
  return undefined;
}
