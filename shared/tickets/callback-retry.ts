import { z } from 'zod';
import type { TicketState } from './ticket';

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

/** What an unreachable try carries to the hub: which try it was and a short note (no answer, line busy …). */
export const unreachableSchema = z.object({
  attempt: z.number().int().min(1).max(20),
  note: z.string().trim().max(500, '回访说明最多 500 字'),
});
export type Unreachable = z.infer<typeof unreachableSchema>;

/** A try as the desk keeps it on the ticket. */
export const callbackAttemptSchema = z.object({ at: z.string(), note: z.string() });
export type CallbackAttempt = z.infer<typeof callbackAttemptSchema>;

/** The states a try may be recorded from: the same as a callback, before one is recorded. */
export const unreachableStates: readonly TicketState[] = ['answered', 'replied'];

export interface CallbackRetryStatus {
  tries: number;
  /** When the next try is due; null once the last try is spent (or before the first). */
  nextDueAt: string | null;
  /** Every try spent without reaching the caller. */
  unreachable: boolean;
}

/** Tries so far, when the next falls due (evenly spread from the first try), and whether they are spent. */
export function callbackRetryStatus(attempts: readonly CallbackAttempt[], policy: CallbackRetryPolicy = defaultCallbackRetryPolicy): CallbackRetryStatus {
  const tries = attempts.length;
  const [firstTry] = attempts;
  if (!firstTry) return { tries, nextDueAt: null, unreachable: false };
  if (tries >= policy.tries) return { tries, nextDueAt: null, unreachable: true };
  const first = Date.parse(firstTry.at);
  const step = (policy.spanHours * 3_600_000) / Math.max(1, policy.tries - 1);
  return { tries, nextDueAt: new Date(first + tries * step).toISOString(), unreachable: false };
}
