/** Randomised exponential backoff: the ceiling doubles per attempt up to a cap. */
export interface BackoffPolicy {
  /** Ceiling of the first delay, ms. */
  baseMs: number;
  /** Largest ceiling, ms. */
  capMs: number;
}

/** Whole-batch transport failures: 1 s doubling to 5 min. */
export const TRANSPORT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 300_000 };

/** Items the platform asked to send again (inFlight, outOfOrder, unanswered): 1 s to 30 s. */
export const RETRY_SOON_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 30_000 };

/**
 * "Full jitter" (AWS Architecture Blog, Exponential Backoff and Jitter): a delay drawn uniformly
 * from [0, min(cap, base × 2^(attempt−1))]. 1,200 kiosks that lost the network together come back
 * spread out instead of in waves. `attempt` counts from 1.
 */
export function backoffDelay(
  policy: BackoffPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * backoffCeiling(policy, attempt));
}

/** The largest delay `backoffDelay` can give for `attempt`. */
export function backoffCeiling(policy: BackoffPolicy, attempt: number): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}
