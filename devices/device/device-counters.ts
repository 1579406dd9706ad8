/**
 * Statistics counters of one device (prints, cuts, cards dispensed, read errors, …): the base
 * for consumables forecasting, shown to technicians and sent with the heartbeat. The device
 * counts; where the numbers persist is the owner's business (see core/counter-store.ts).
 */
export interface DeviceCounters {
  /** Adds `by` (default 1) to the named counter. */
  add(name: string, by?: number): void;
  /** All counters now. */
  snapshot(): Readonly<Record<string, number>>;
}

/** Counters held in memory, starting from `initial` (e.g. values loaded from disk). */
export class MemoryCounters implements DeviceCounters {
  private readonly values: Record<string, number>;

  constructor(
    initial: Readonly<Record<string, number>> = {},
    private readonly onChange?: () => void,
  ) {
    this.values = { ...initial };
  }

  /** Adds `by` to `name`; non-finite or negative amounts are ignored. */
  add(name: string, by = 1): void {
    if (!Number.isFinite(by) || by < 0) return;
    this.values[name] = (this.values[name] ?? 0) + by;
    this.onChange?.();
  }

  /** A copy of the counters. */
  snapshot(): Readonly<Record<string, number>> {
    return { ...this.values };
  }
}
