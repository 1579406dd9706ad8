import type { ErrorAction } from '../../contract/device-status.js';

/**
 * Where sync stands, for the screen and the technician:
 * - `syncing`: a batch is on its way (not shown while offline: retries keep `offline`);
 * - `online`: the platform answers, and items wait for their retry time;
 * - `idle`: the platform answers and nothing waits (held items behind dead letters aside);
 * - `offline`: the last `offlineAfterFailures` batches got no answer; requests are kept and retried.
 */
export type SyncState = 'online' | 'offline' | 'syncing' | 'idle';

/** The relay's events. */
export interface SyncEvents {
  /** The state changed. Leaving `offline` always passes through `online`. */
  state: { state: SyncState; previous: SyncState };
  /** After each batch: confirmed since start, still waiting, open dead letters. */
  progress: { confirmed: number; remaining: number; deadLetters: number };
  /** The platform accepted a request (counted once, even when it was a replay). */
  confirmed: { idempotencyKey: string; trackingNumber?: string };
  /** A request was parked for a technician; `holding` are later items of its group now held. */
  deadLettered: { idempotencyKey: string; errorCode: string; holding: string[] };
  /** A request is held behind a dead letter of its ordering group (`behind`). */
  blocked: { idempotencyKey: string; behind: string };
  /** The relay cannot do its work for a reason a person must fix (storage, credentials). */
  error: { code: string; message: string; action: ErrorAction };
}

/** Figures for the heartbeat. */
export interface SyncStats {
  /** Requests waiting (including held ones). */
  queueDepth: number;
  /** Creation time of the oldest waiting request, ISO 8601. */
  oldestQueuedAt?: string;
  /** Open dead letters. */
  deadLetters: number;
  /** Requests held behind a dead letter. */
  blocked: number;
  /** Current state. */
  state: SyncState;
  /** Batches in a row that got no answer. */
  consecutiveFailures: number;
  /** Kiosk time of the last answer from the platform, ISO 8601. */
  lastContactAt?: string;
}
