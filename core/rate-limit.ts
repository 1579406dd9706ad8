/** A token bucket: `ratePerSecond` sustained, `burst` at once. Pure; the clock is passed in. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** Takes one token if there is one; false means the caller is over its limit. */
  take(now: number): boolean {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.ratePerSecond);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Counts events in a sliding window; used to close connections that keep flooding. */
export class WindowCounter {
  private stamps: number[] = [];

  constructor(private readonly windowMs: number) {}

  /** Records one event and returns how many fell in the window. */
  hit(now: number): number {
    this.stamps.push(now);
    while (this.stamps.length > 0 && (this.stamps[0] ?? now) <= now - this.windowMs)
      this.stamps.shift();
    return this.stamps.length;
  }
}
