/**
 * 无法联系: the operator rang the caller back and could not reach them. The try is recorded (through the
 * outbox, like the callback itself) and the next one falls due later; after the last try the ticket stays
 * "could not be reached" and leaves the 回访 list. By default three tries spread over two days: now, a day
 * later, two days later.
 */
export interface CallbackRetryPolicy {
  tries: number;
  spanHours: number;
}
export const defaultCallbackRetryPolicy: CallbackRetryPolicy = { tries: 3, spanHours: 48 };

export interface CallbackRetryStatus {
  tries: number;
  /** When the next try is due; null once the last try is spent (or before the first). */
  nextDueAt: string | null;
  /** Every try spent without reaching the caller. */
  unreachable: boolean;
}

/** Tries so far, when the next falls due (evenly spread from the first try), and whether they are spent. */
export function callbackRetryStatus(attempts: readonly { at: string; note?: string }[], policy: CallbackRetryPolicy = defaultCallbackRetryPolicy): CallbackRetryStatus {
  const tries = attempts.length;
  const [firstTry] = attempts;
  if (!firstTry) return { tries, nextDueAt: null, unreachable: false };
  if (tries >= policy.tries) return { tries, nextDueAt: null, unreachable: true };
  const first = Date.parse(firstTry.at);
  const step = (policy.spanHours * 3_600_000) / Math.max(1, policy.tries - 1);
  return { tries, nextDueAt: new Date(first + tries * step).toISOString(), unreachable: false };
}
