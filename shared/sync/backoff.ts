/**
 * Retry timing for anything that talks to the hub or the SIP proxy.
 *
 * Exponential growth with "full jitter" (a uniform draw between 0 and the
 * exponential step): when a hub restarts at a shift change, 1,400 desks must
 * not come back in lockstep. The ceiling keeps an outage of hours from turning
 * into a desk that waits an hour after the hub is back.
 */
export interface BackoffPolicy {
  /** The first retry waits up to this long. */
  initialMs: number;
  /** No wait is longer than this. */
  maxMs: number;
  /** Growth per failed attempt. */
  factor: number;
  /** Lower bound as a share of the exponential step, so a retry is never immediate (0 = full jitter). */
  minShare: number;
}

export const hubBackoff: BackoffPolicy = { initialMs: 1_000, maxMs: 60_000, factor: 2, minShare: 0.2 };

/**
 * Delay before retry number `attempt` (1 = first retry after the first failure).
 * `random` is injectable so tests can pin the jitter.
 */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.max(0, attempt - 1));
  const share = policy.minShare + (1 - policy.minShare) * random();
  return Math.round(step * share);
}
