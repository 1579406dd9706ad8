import type { Outbox } from '../outbox/outbox.js';
import type { BackoffPolicy } from './backoff.js';
import type { SubmissionTransport } from './submission-transport.js';
import type { SyncClock, SyncTimers } from './sync-clock.js';

/** SyncRelay settings; everything but outbox and transport has a default. */
export interface SyncRelayOptions {
  /** The durable outbox to drain. */
  outbox: Outbox;
  /** How batches reach the platform. */
  transport: SubmissionTransport;
  /** Wall + monotonic clock. */
  clock?: SyncClock;
  /** Timers (monotonic). */
  timers?: SyncTimers;
  /** Items per batch, 1–100. Default 50. */
  batchSize?: number;
  /** Backoff after a whole-batch failure. Default 1 s doubling to 5 min, full jitter. */
  backoff?: BackoffPolicy;
  /** Backoff of single items the platform asked to send again. Default 1 s to 30 s. */
  retrySoon?: BackoffPolicy;
  /** Batch failures in a row that make the relay `offline`. Default 2. */
  offlineAfterFailures?: number;
  /** A batch with no answer after this long is a `timeout` failure. Default 30 s. */
  submitTimeoutMs?: number;
  /** Random numbers in [0, 1) for the jitter. */
  random?: () => number;
  /** Told about a listener that threw (the relay carries on). */
  onListenerError?: (error: unknown) => void;
}
