import { maskIdNumbersInText } from '../../contract/masking.js';
import type { SubmissionItem } from '../../contract/platform-api.js';
import { toOutboxFailure } from '../outbox/outbox-failure.js';
import type { DueItem, ItemOutcome, Settled } from '../outbox/outbox-queue.js';
import {
  backoffDelay,
  RETRY_SOON_BACKOFF,
  TRANSPORT_BACKOFF,
  type BackoffPolicy,
} from './backoff.js';
import { batchOutcomes, isContentFailure } from './batch-outcomes.js';
import type { SubmitResult, TransportFailure } from './submission-transport.js';
import { submitWithTimeout } from './submit-with-timeout.js';
import { systemClock, systemTimers, type SyncClock, type SyncTimers } from './sync-clock.js';
import type { SyncEvents, SyncState, SyncStats } from './sync-events.js';
import type { SyncRelayOptions } from './sync-relay-options.js';

export type { SyncRelayOptions } from './sync-relay-options.js';
import { TypedEmitter, type Listener, type Unsubscribe } from './typed-emitter.js';

/** Single-item content refusals in a row after which the relay stops blaming items. */
const CONTENT_DEAD_LETTERS_IN_A_ROW = 3;

/**
 * Delivers the outbox to the platform exactly once, in the platform's view.
 *
 * Exactly once: every request carries an idempotency key (`<kioskId>.<ULID>`) fixed when it was
 * committed to the outbox, and its body (kind, createdAt, ordering, sealed payload) never changes
 * afterwards. The platform de-duplicates by key: a key it has applied is answered with the stored
 * outcome (`replayed: true`), never applied twice. The kiosk marks a request confirmed only after
 * the platform's answer, in the same transaction that removes its outbox row. So a crash (or a
 * lost response, a timeout, a kill -9) anywhere leaves one of: not yet committed (the citizen was
 * never told it was queued), committed and not sent, sent and not answered, or answered and not
 * recorded — and in the last three the item is still in the outbox and is sent again with the same
 * key, which the platform answers as a replay. At most a redelivery, never a second application,
 * never a loss. A replayed accept of an item already confirmed locally changes nothing, so every
 * request is counted (and announced with `confirmed`) once.
 *
 * Loop: take up to `batchSize` due items, oldest first, one per ordering group (the lowest waiting
 * sequence, and none behind an open dead letter), submit, apply the answers in one transaction
 * (see batchOutcomes), repeat while items are due; otherwise sleep until the next is due. A batch
 * that gets no answer waits max(Retry-After, full-jitter backoff) on the monotonic clock. A 400,
 * 413 or 422 for the whole batch blames its content: the batch is halved until the one poisoned
 * item is alone, and that item is dead-lettered (`http<status>`) so it never blocks the rest.
 */
export class SyncRelay {
  private readonly events: TypedEmitter<SyncEvents>;
  private readonly clock: SyncClock;
  private readonly timers: SyncTimers;
  private readonly batchSize: number;
  private readonly random: () => number;
  private current: SyncState = 'idle';
  private stopped = true;
  private pump: Promise<void> | undefined;
  private pumpAgain = false;
  private timer: unknown;
  /** Monotonic time before which no batch is sent (backoff). */
  private pausedUntil = 0;
  /** Monotonic time the platform asked us to wait until (nudge does not override it). */
  private retryAfterUntil = 0;
  private failures = 0;
  private storeFailures = 0;
  private batchLimit: number;
  private confirmedCount = 0;
  /** Items dead-lettered for a whole-request 400/413/422 since the last good answer. */
  private contentDeadLetters = 0;
  private lastContactAt: Date | undefined;

  constructor(private readonly options: SyncRelayOptions) {
    this.events = new TypedEmitter(options.onListenerError);
    this.clock = options.clock ?? systemClock;
    this.timers = options.timers ?? systemTimers;
    this.batchSize = Math.min(100, Math.max(1, Math.floor(options.batchSize ?? 50)));
    this.batchLimit = this.batchSize;
    this.random = options.random ?? Math.random;
  }

  /** Subscribes to a sync event; returns the unsubscribe function. */
  on<K extends keyof SyncEvents>(event: K, listener: Listener<SyncEvents[K]>): Unsubscribe {
    return this.events.on(event, listener);
  }

  /** The current state. */
  get state(): SyncState {
    return this.current;
  }

  /** Starts delivering: every waiting item is due now (a restart is a good time to try). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.options.outbox.queue.resetSchedule();
    this.kick();
  }

  /**
   * Try now (the network came back, a request was just enqueued): skips the backoff wait, but not
   * a wait the platform asked for with Retry-After.
   */
  nudge(): void {
    if (this.stopped) return;
    this.pausedUntil = this.retryAfterUntil;
    this.kick();
  }

  /** Stops; resolves once the batch in flight (if any) has been answered and recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    await this.pump;
  }

  /** Figures for the heartbeat. */
  stats(): SyncStats {
    return {
      ...this.options.outbox.stats(),
      state: this.current,
      consecutiveFailures: this.failures,
      ...(this.lastContactAt ? { lastContactAt: this.lastContactAt.toISOString() } : {}),
    };
  }

  private kick(): void {
    if (this.pump) {
      this.pumpAgain = true;
      return;
    }
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.pump = this.drain().finally(() => {
      this.pump = undefined;
      if (this.pumpAgain && !this.stopped) {
        this.pumpAgain = false;
        this.kick();
      }
    });
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      this.pumpAgain = false;
      const now = this.clock.monotonicNow();
      if (now < this.pausedUntil) return this.wakeAt(this.pausedUntil);
      try {
        const items = this.options.outbox.queue.due(now, this.batchLimit);
        if (items.length === 0) return this.rest(now);
        const batch = this.openItems(items);
        if (batch.length === 0) continue;
        if (this.current !== 'offline') this.setState('syncing');
        const answer = await submitWithTimeout(
          this.options.transport,
          { items: batch.map((b) => b.item) },
          this.timers,
          this.options.submitTimeoutMs ?? 30_000,
        );
        this.record(
          batch.map((b) => b.due),
          answer,
        );
        this.storeFailures = 0;
      } catch (error) {
        this.onStoreError(error);
      }
    }
  }

  /** Opens each payload; one the kiosk cannot read is dead-lettered here (it never could be sent). */
  private openItems(items: DueItem[]): { due: DueItem; item: SubmissionItem }[] {
    const readable: { due: DueItem; item: SubmissionItem }[] = [];
    const unreadable: ItemOutcome[] = [];
    for (const due of items) {
      const opened = this.options.outbox.queue.toSubmissionItem(due);
      if (opened.ok) readable.push({ due, item: opened.item });
      else {
        unreadable.push({
          kind: 'deadLettered',
          idempotencyKey: due.idempotencyKey,
          errorCode: 'payloadUnreadable',
          message: opened.message,
        });
      }
    }
    if (unreadable.length > 0) this.announce(this.options.outbox.queue.settle(unreadable));
    return readable;
  }

  private record(items: DueItem[], answer: SubmitResult): void {
    const now = this.clock.monotonicNow();
    if (!answer.ok) {
      const { error } = answer;
      if (error.kind === 'http' && isContentFailure(error.status) && this.mayBlameContent()) {
        if (items.length > 1) {
          this.batchLimit = Math.ceil(items.length / 2);
          return;
        }
        const only = items[0];
        if (only === undefined) return;
        this.contentDeadLetters++;
        const errorCode = `http${error.status}`;
        const message = maskIdNumbersInText(error.message).slice(0, 300);
        const outcome: ItemOutcome = {
          kind: 'deadLettered',
          idempotencyKey: only.idempotencyKey,
          errorCode,
          message,
        };
        return this.announce(this.options.outbox.queue.settle([outcome]));
      }
      return this.onTransportFailure(items, error, now);
    }
    this.failures = 0;
    this.contentDeadLetters = 0;
    this.lastContactAt = this.clock.wallNow();
    this.batchLimit = Math.min(this.batchSize, this.batchLimit * 2);
    if (this.current === 'offline') this.setState('online');
    const results = Array.isArray(answer.value.results) ? answer.value.results : [];
    const outcomes = batchOutcomes(
      items,
      results,
      (item) => now + backoffDelay(this.retryPolicy(), item.attempts + 1, this.random),
    );
    this.announce(this.options.outbox.queue.settle(outcomes));
  }

  private onTransportFailure(items: DueItem[], error: TransportFailure, now: number): void {
    this.failures++;
    const retryAfter = Math.max(0, error.retryAfterMs ?? 0);
    const delay = Math.max(
      retryAfter,
      backoffDelay(this.options.backoff ?? TRANSPORT_BACKOFF, this.failures, this.random),
    );
    this.pausedUntil = now + delay;
    this.retryAfterUntil = now + retryAfter;
    const status = error.status !== undefined ? ` ${error.status}` : '';
    const text = maskIdNumbersInText(`${error.kind}${status}: ${error.message}`);
    this.options.outbox.queue.recordDeliveryFailure(
      items.map((item) => item.idempotencyKey),
      text,
    );
    if (error.kind === 'http' && (error.status === 401 || error.status === 403)) {
      this.events.emit('error', {
        code: 'platformRefusedKiosk',
        message: `the platform refused this kiosk's credentials (${text})`,
        action: 'configuration',
      });
    }
    const offlineAfter = this.options.offlineAfterFailures ?? 2;
    this.setState(this.failures >= offlineAfter ? 'offline' : 'online');
  }

  private announce(settled: Settled): void {
    this.confirmedCount += settled.confirmed.length;
    for (const confirmed of settled.confirmed) this.events.emit('confirmed', confirmed);
    for (const dead of settled.deadLettered) {
      this.events.emit('deadLettered', dead);
      for (const held of dead.holding) {
        this.events.emit('blocked', { idempotencyKey: held, behind: dead.idempotencyKey });
      }
    }
    const stats = this.options.outbox.stats();
    this.events.emit('progress', {
      confirmed: this.confirmedCount,
      remaining: stats.queueDepth,
      deadLetters: stats.deadLetters,
    });
  }

  /** Nothing due now: report whether items wait, and sleep until the next is due. */
  private rest(now: number): void {
    const next = this.options.outbox.queue.nextDueAt();
    if (this.current !== 'offline') this.setState(next === undefined ? 'idle' : 'online');
    if (next !== undefined) this.wakeAt(Math.max(next, now));
  }

  private wakeAt(at: number): void {
    this.timers.clearTimeout(this.timer);
    const delay = Math.max(0, at - this.clock.monotonicNow());
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      if (!this.stopped) this.kick();
    }, delay);
  }

  /** The database failed while reading or recording (disk full, I/O): say so, back off. */
  private onStoreError(error: unknown): void {
    this.events.emit('error', describeStoreError(error));
    this.storeFailures++;
    const delay = backoffDelay(
      this.options.backoff ?? TRANSPORT_BACKOFF,
      this.storeFailures,
      this.random,
    );
    this.pausedUntil = this.clock.monotonicNow() + Math.max(delay, 1_000);
  }

  /**
   * Whether a whole-batch 400/413/422 may be blamed on an item. After a few single items in a row
   * were refused that way with no good answer between, the platform (or this build) is refusing
   * everything: dead-lettering the whole queue would help nobody, so it becomes a plain failure
   * with backoff and an `error` event for a technician.
   */
  private mayBlameContent(): boolean {
    if (this.contentDeadLetters < CONTENT_DEAD_LETTERS_IN_A_ROW) return true;
    this.events.emit('error', {
      code: 'platformRefusesEverything',
      message: `the platform refused ${this.contentDeadLetters} single requests in a row as invalid`,
      action: 'softwareError',
    });
    return false;
  }

  private retryPolicy(): BackoffPolicy {
    return this.options.retrySoon ?? RETRY_SOON_BACKOFF;
  }

  private setState(state: SyncState): void {
    if (state === this.current) return;
    const previous = this.current;
    this.current = state;
    this.events.emit('state', { state, previous });
  }
}

/** The `error` event for a database failure: typed when expected (disk full, I/O), else a bug. */
function describeStoreError(error: unknown): SyncEvents['error'] {
  let failure: SyncEvents['error'];
  try {
    failure = toOutboxFailure(error);
  } catch {
    const message = error instanceof Error ? error.message : String(error);
    failure = {
      code: 'syncFailed',
      message: `sync relay failed: ${message}`,
      action: 'softwareError',
    };
  }
  return {
    code: failure.code,
    message: maskIdNumbersInText(failure.message),
    action: failure.action,
  };
}
