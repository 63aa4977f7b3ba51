import { z } from 'zod';
import type { TicketState } from './ticket';

// The policy and the tries' count have no zod (the workbench's 回访 count reads them at first paint).
export { callbackRetryStatus, defaultCallbackRetryPolicy } from './callback-tries';
export type { CallbackRetryPolicy, CallbackRetryStatus } from './callback-tries';

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
