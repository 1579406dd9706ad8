import type { SubmissionKind } from '../../contract/platform-api.js';
import type { ClaimCode } from './claim-code.js';
import type { RequestPayload } from './payload-sealer.js';

/** A citizen's request (or a record of something done at the kiosk) to deliver to the platform. */
export interface NewRequest {
  /** What it is. */
  kind: SubmissionKind;
  /** Its data; personal data allowed (sealed at rest). At most `maxPayloadBytes` as JSON. */
  payload: RequestPayload;
  /**
   * Ordering group: the platform applies a group's items in sequence order (e.g. one case id).
   * Sent and stored in clear, so it must not be personal data (an ID number is refused).
   */
  orderingKey?: string;
  /**
   * Scanned documents, for kind `documentApplication` only (1 to 20 of them, required there):
   * saved sealed in the same transaction as the request, uploaded later by the sync transport,
   * erased with the payload. Their positions are 1, 2, 3… in this order.
   */
  materials?: NewMaterial[];
}

/** One scanned document of a new request. */
export interface NewMaterial {
  /** Its media type. */
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  /** Pages in it, 1 to 200. */
  pages: number;
  /** Its bytes: 1 byte to MAX_UPLOAD_BYTES (50 MiB). */
  data: Uint8Array;
}

/** The request was stored; it will be delivered exactly once. */
export interface Enqueued {
  /** Discriminant. */
  ok: true;
  /** `<kioskId>.<ULID>`: the request's identity at the platform. */
  idempotencyKey: string;
  /** Short code for the claim ticket (canonical; print with formatClaimCode). */
  claimCode: ClaimCode;
  /** Kiosk wall-clock time of the request, ISO 8601. */
  createdAt: string;
  /** Position in its ordering group, from 1, when it has one. */
  sequence?: number;
}

/** Where a request stands on the kiosk. */
export type RequestStatus = 'queued' | 'confirmed' | 'deadLettered' | 'discarded';

/** The kiosk's record of a request, without its payload. */
export interface LocalRequest {
  /** Its key. */
  idempotencyKey: string;
  /** What it is. */
  kind: SubmissionKind;
  /** Kiosk time of the request, ISO 8601. */
  createdAt: string;
  /** The code on the citizen's claim ticket. */
  claimCode: ClaimCode;
  /** queued → confirmed (the platform answered accepted), or deadLettered → (requeued) | discarded. */
  status: RequestStatus;
  /** The platform's tracking number, once confirmed. */
  trackingNumber?: string;
  /** When it was confirmed (kiosk time), ISO 8601. */
  confirmedAt?: string;
  /** True once the personal payload was purged (or discarded). */
  payloadPurged: boolean;
}

/** Outbox figures for the heartbeat and the technician. */
export interface OutboxStats {
  /** Requests not yet confirmed or dead-lettered (including held ones). */
  queueDepth: number;
  /** Creation time of the oldest waiting request, ISO 8601. */
  oldestQueuedAt?: string;
  /** Open dead letters (waiting for a technician). */
  deadLetters: number;
  /** Waiting requests held behind a dead letter of their ordering group. */
  blocked: number;
}
