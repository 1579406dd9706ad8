import type {
  SubmissionBatch,
  SubmissionItem,
  SubmissionResult,
} from '../../contract/platform-api.js';
import type { SubmissionTransport, SubmitResult } from './submission-transport.js';
import type { SyncClock, SyncTimers } from './sync-clock.js';

/** Lets pending promise callbacks and I/O callbacks run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Hand-driven time for relay tests: a monotonic clock and timers that fire only when `advance`
 * moves past them, and a wall clock that tests may set anywhere (it must not matter).
 */
export class ManualTime implements SyncClock, SyncTimers {
  /** Monotonic ms. */
  mono = 1_000;
  /** Wall-clock ms since the epoch. */
  wall = Date.parse('2026-11-23T10:00:00.000Z');
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();

  /** Wall clock. */
  wallNow(): Date {
    return new Date(this.wall);
  }

  /** Monotonic clock. */
  monotonicNow(): number {
    return this.mono;
  }

  /** Schedules on the monotonic clock. */
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { at: this.mono + ms, callback });
    return id;
  }

  /** Cancels. */
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Delays (from now) of the timers still pending, ascending. */
  timers(): number[] {
    return [...this.pending.values()].map((t) => t.at - this.mono).sort((a, b) => a - b);
  }

  /** Moves both clocks forward by `ms`, firing due timers in order and letting the relay run. */
  async advance(ms: number): Promise<void> {
    const end = this.mono + ms;
    await settle();
    for (;;) {
      const due = [...this.pending.entries()]
        .filter(([, t]) => t.at <= end)
        .sort(([, a], [, b]) => a.at - b.at)[0];
      if (due === undefined) break;
      const [id, timer] = due;
      this.pending.delete(id);
      this.wall += Math.max(0, timer.at - this.mono);
      this.mono = Math.max(this.mono, timer.at);
      timer.callback();
      await settle();
    }
    this.wall += end - this.mono;
    this.mono = end;
    await settle();
  }
}

/** How the fake platform treats one delivery of an item. */
export type Reaction = 'apply' | SubmissionResult['status'];

/**
 * A minimal platform for relay tests: applies each key once and answers later deliveries of it
 * as replays, like the real one. `react` picks a per-item reaction; `respond` may rewrite or
 * replace the whole answer (reorder, drop, fail) after the platform applied the batch.
 */
export class FakePlatform implements SubmissionTransport {
  /** Every batch received, in order. */
  readonly batches: SubmissionBatch[] = [];
  /** Applied items by key (a key seen again is answered as a replay, never applied twice). */
  readonly applied = new Map<string, { item: SubmissionItem; tracking: string }>();
  /** Per-item reaction; default apply. */
  react: (item: SubmissionItem) => Reaction = () => 'apply';
  /** Final say over the answer; default: results in item order. */
  respond: (
    results: SubmissionResult[],
    batch: SubmissionBatch,
  ) => SubmitResult | Promise<SubmitResult> = (results) => ({ ok: true, value: { results } });

  /** Handles one batch. */
  async submit(batch: SubmissionBatch): Promise<SubmitResult> {
    this.batches.push(structuredClone(batch));
    const results = batch.items.map((item) => this.handle(item));
    return this.respond(results, batch);
  }

  /** Keys of all deliveries, in order. */
  deliveries(): string[] {
    return this.batches.flatMap((b) => b.items.map((i) => i.idempotencyKey));
  }

  private handle(item: SubmissionItem): SubmissionResult {
    const key = item.idempotencyKey;
    const known = this.applied.get(key);
    if (known) {
      if (JSON.stringify(known.item) !== JSON.stringify(item)) {
        return {
          idempotencyKey: key,
          status: 'keyReused',
          replayed: false,
          errorCode: 'keyReused',
        };
      }
      return {
        idempotencyKey: key,
        status: 'accepted',
        replayed: true,
        trackingNumber: known.tracking,
      };
    }
    const reaction = this.react(item);
    if (reaction === 'apply' || reaction === 'accepted') {
      const tracking = `TRK-${String(this.applied.size + 1).padStart(6, '0')}`;
      this.applied.set(key, { item, tracking });
      return { idempotencyKey: key, status: 'accepted', replayed: false, trackingNumber: tracking };
    }
    return {
      idempotencyKey: key,
      status: reaction,
      replayed: false,
      ...(reaction === 'rejected' ? { errorCode: 'invalidPayload', message: 'missing field' } : {}),
    };
  }
}
