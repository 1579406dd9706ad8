import { z } from 'zod';
import { ClaimCode, PrintedClaimCode } from './claim-code.js';
import { IdempotencyKey, SubmissionKind } from './platform-api.js';
import { TechnicianNote } from './print-commands.js';

/** Where the delivery of queued requests to the central platform stands. */
export const SyncStatus = z.strictObject({
  /** online: the platform answers; offline: it does not; syncing: a batch is on its way; idle: nothing to send. */
  state: z.enum(['online', 'offline', 'syncing', 'idle']),
  /** Requests waiting for the platform (including held ones). */
  queueDepth: z.number().int().nonnegative(),
  /** Creation time of the oldest waiting request, ISO 8601. */
  oldestQueuedAt: z.iso.datetime().optional(),
  /** Requests the platform refused, waiting for a technician. */
  deadLetters: z.number().int().nonnegative(),
  /** Requests held behind a dead letter of their ordering group. */
  blocked: z.number().int().nonnegative(),
  /** Batches in a row that got no answer. */
  consecutiveFailures: z.number().int().nonnegative(),
  /** Kiosk time of the last answer from the platform, ISO 8601. */
  lastContactAt: z.iso.datetime().optional(),
  /** How far the platform's clock is ahead of the kiosk's, ms (large = fix the kiosk clock). */
  clockOffsetMs: z.number().int(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** One request the platform refused, as the technician console sees it (no personal data). */
export const DeadLetterSummary = z.strictObject({
  /** The request's identity at the platform; what requeue and discard name. */
  idempotencyKey: IdempotencyKey,
  /** What the request is. */
  kind: SubmissionKind,
  /** The code on the citizen's claim ticket (to find the citizen's paper). */
  claimCode: ClaimCode,
  /** When the citizen made the request (kiosk clock), ISO 8601. */
  createdAt: z.iso.datetime(),
  /** When it was parked as a dead letter (kiosk clock), ISO 8601. */
  deadLetteredAt: z.iso.datetime(),
  /** Why: the platform's errorCode, or "keyReused", or "payloadUnreadable" (kiosk side). */
  errorCode: z.string().max(64),
  /** The platform's explanation, ID numbers masked. */
  message: z.string().max(300).optional(),
  /** Deliveries tried. */
  attempts: z.number().int().nonnegative(),
  /** Its ordering group (e.g. a case id), if any. */
  orderingKey: z.string().min(1).max(64).optional(),
  /** Its position in that group. */
  sequence: z.number().int().min(1).optional(),
  /** Later requests of its ordering group held (not sent) until it is settled. */
  holding: z.number().int().nonnegative(),
});
export type DeadLetterSummary = z.infer<typeof DeadLetterSummary>;

/** What a technician does with a dead letter. */
export const DeadLetterResolution = z.enum([
  // Send it again, same key, in its original place (after the cause was fixed).
  'requeue',
  // Give it up: its personal payload is erased; the claim ticket's request is lost.
  'discard',
]);
export type DeadLetterResolution = z.infer<typeof DeadLetterResolution>;

/** A request found by its claim code: where it stands (no personal data). */
export const ClaimedRequest = z.strictObject({
  /** The claim code, formatted as printed (XXXX-XXXX). */
  claimCode: PrintedClaimCode,
  /** The request's key at the platform. */
  idempotencyKey: IdempotencyKey,
  /** What it is. */
  kind: SubmissionKind,
  /** queued (not yet sent or not yet confirmed), confirmed, deadLettered (refused, with a technician) or discarded. */
  status: z.enum(['queued', 'confirmed', 'deadLettered', 'discarded']),
  /** When the citizen made it (kiosk clock), ISO 8601. */
  createdAt: z.iso.datetime(),
  /** The platform's tracking number, once confirmed. */
  trackingNumber: z.string().max(40).optional(),
  /** When the platform confirmed it (kiosk clock), ISO 8601. */
  confirmedAt: z.iso.datetime().optional(),
});
export type ClaimedRequest = z.infer<typeof ClaimedRequest>;

/** Sync commands for the technician console. */
export const syncCommands = {
  'Sync.GetStatus': {
    payload: z.strictObject({}),
    completion: SyncStatus,
    events: {},
  },
  'Sync.ListDeadLetters': {
    payload: z.strictObject({
      /** Oldest first, at most this many (default 100). */
      limit: z.number().int().min(1).max(500).optional(),
    }),
    completion: z.strictObject({
      /** Open dead letters, oldest first. */
      deadLetters: z.array(DeadLetterSummary),
      /** Open dead letters in all (more than listed when the limit cut the list). */
      total: z.number().int().nonnegative(),
    }),
    events: {},
  },
  'Sync.ResolveDeadLetter': {
    payload: z.strictObject({
      /** The dead letter's idempotency key. */
      idempotencyKey: IdempotencyKey,
      /** Send it again, or give it up. */
      resolution: DeadLetterResolution,
      ...TechnicianNote,
    }),
    completion: z.strictObject({}),
    events: {},
  },
  'Sync.FindClaim': {
    payload: z.strictObject({
      /** The code on a claim ticket, as typed or scanned (any case, dashes and spaces ignored). */
      claimCode: z.string().min(8).max(20),
    }),
    completion: ClaimedRequest,
    events: {},
  },
} as const;

/** Unsolicited sync events. */
export const syncEvents = {
  /** The sync state changed (online/offline/syncing/idle), with the queue figures. */
  'Sync.StatusChanged': SyncStatus,
} as const;
