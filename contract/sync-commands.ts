import { z } from 'zod';

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

/** Sync commands for the technician console. */
export const syncCommands = {
  'Sync.GetStatus': {
    payload: z.strictObject({}),
    completion: SyncStatus,
    events: {},
  },
} as const;

/** Unsolicited sync events. */
export const syncEvents = {
  /** The sync state changed (online/offline/syncing/idle), with the queue figures. */
  'Sync.StatusChanged': SyncStatus,
} as const;
