/**
 * When to try again after the SIP transport or registration failed.
 * Exponential backoff with jitter so that 400 desks do not hammer a PBX that
 * just restarted in lockstep; reset once a registration succeeds. Pure: the
 * random source is passed in so tests can pin it.
 */
export interface BackoffPolicy {
  initialMs: number;
  factor: number;
  maxMs: number;
  /** Share of the delay that is randomised: 0.5 → the delay lies in [50 %, 100 %] of the nominal one. */
  jitter: number;
}

export const defaultBackoff: BackoffPolicy = { initialMs: 500, factor: 2, maxMs: 30_000, jitter: 0.5 };

/** Delay before attempt `attempt` (1-based). */
export function backoffDelayMs(attempt: number, random: () => number = Math.random, policy: BackoffPolicy = defaultBackoff): number {
  const n = Math.max(1, Math.floor(attempt));
  const nominal = Math.min(policy.maxMs, policy.initialMs * policy.factor ** (n - 1));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(nominal * (1 - policy.jitter + policy.jitter * r));
}

/**
 * How often to prove the registration alive: the configured interval, but never
 * later than 40 % into the expiry, so at least one retry fits before the PBX
 * forgets the seat.
 */
export function keepAliveIntervalMs(keepAliveSeconds: number, registerExpiresSeconds: number): number {
  return Math.max(1_000, Math.min(keepAliveSeconds, registerExpiresSeconds * 0.4) * 1_000);
}

/** After this many failed attempts in a row the status says 注册失败 (the desk keeps trying in the background). */
export const FAILED_AFTER_ATTEMPTS = 4;

/** How long a keep-alive may wait for its answer before the transport is considered dead. */
export const KEEPALIVE_TIMEOUT_MS = 8_000;
