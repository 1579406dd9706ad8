import { z } from 'zod';

/**
 * Faults the platform can be told to commit, so the kiosk's sync is tested against the failures
 * of a real network and a real server.
 */
export const FAULT_MODES = [
  // Apply and store the request, then destroy the socket without answering: the kiosk never hears.
  'commitThenDrop',
  // Answer 500 without applying.
  'error500',
  // Answer 429 with Retry-After, without applying.
  'rateLimit429',
  // Hold the request (past the client's timeout), then drop the connection; not applied.
  'stall',
  // Reset the connection before applying.
  'reset',
  // Apply, then send the headers and half the body, then close the connection.
  'truncatedBody',
  // Apply slowly (stallMs), answering normally: a second delivery meanwhile finds the key in flight.
  'slowApply',
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

/** POST /_control/faults body. */
export const FaultRequest = z.strictObject({
  /** Which fault. */
  mode: z.enum(FAULT_MODES),
  /** How many matching requests it hits (default 1; 0 = every one until cleared). */
  count: z.number().int().min(0).max(1_000_000).default(1),
  /** Only requests whose path starts with this (default: every non-control request). */
  path: z.string().startsWith('/').max(200).optional(),
  /** Retry-After of rateLimit429, seconds (default 1). */
  retryAfterSeconds: z.number().int().min(0).max(86_400).default(1),
  /** How long stall holds a request / slowApply takes, ms (default 30 s / 500 ms). */
  stallMs: z.number().int().min(0).max(600_000).optional(),
});
export type FaultRequest = z.input<typeof FaultRequest>;

/** The fault one request got. */
export interface ActiveFault {
  /** Which fault. */
  mode: FaultMode;
  /** Retry-After seconds (rateLimit429). */
  retryAfterSeconds: number;
  /** Hold / delay, ms (stall, slowApply). */
  stallMs: number;
}

/** The armed fault, if any, and how many times faults fired. */
export class FaultSwitch {
  private armed: (z.output<typeof FaultRequest> & { remaining: number }) | undefined;
  private fired = 0;

  /** Arms a fault (replacing any armed one). */
  arm(request: z.output<typeof FaultRequest>): void {
    this.armed = { ...request, remaining: request.count };
  }

  /** Disarms. */
  clear(): void {
    this.armed = undefined;
  }

  /** What is armed, for the control API. */
  describe(): { mode: FaultMode; remaining: number | 'untilCleared'; path?: string } | null {
    if (!this.armed) return null;
    const { mode, count, remaining, path } = this.armed;
    return { mode, remaining: count === 0 ? 'untilCleared' : remaining, ...(path ? { path } : {}) };
  }

  /** Faults fired since the last reset. */
  firedCount(): number {
    return this.fired;
  }

  /** Resets the fired count and disarms. */
  reset(): void {
    this.armed = undefined;
    this.fired = 0;
  }

  /** The fault for a request to `url`, using up one of its count. */
  take(url: string): ActiveFault | undefined {
    const armed = this.armed;
    if (!armed || url.startsWith('/_control')) return undefined;
    if (armed.path !== undefined && !url.startsWith(armed.path)) return undefined;
    if (armed.count !== 0) {
      armed.remaining -= 1;
      if (armed.remaining <= 0) this.armed = undefined;
    }
    this.fired += 1;
    const defaultMs = armed.mode === 'slowApply' ? 500 : 30_000;
    return {
      mode: armed.mode,
      retryAfterSeconds: armed.retryAfterSeconds,
      stallMs: armed.stallMs ?? defaultMs,
    };
  }
}
