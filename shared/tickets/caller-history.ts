import { z } from 'zod';
import { phoneLineSchema, ticketIdSchema } from './ticket';
import type { TicketRecord } from './ticket-record';
import { ticketRecordSchema } from './ticket-record';

/** A caller who rang about the same matter this many days ago or less is a repeat caller (重复来电). */
export const REPEAT_WINDOW_DAYS = 30;

export const callerHistoryInputSchema = z.object({
  /** Any written form; looked up by its line (extension dropped), so every form of one number finds the same caller. */
  number: phoneLineSchema,
  /** The matter of the ticket being written, when chosen: repeat means same number and same matter. */
  category: z.tuple([z.string().max(40), z.string().max(40)]).nullable().optional(),
  limit: z.number().int().min(1).max(100).optional(),
  /** The ticket being written or just registered for this call: listed, but never counted as its own repeat. */
  excludeTicketId: ticketIdSchema.nullable().optional(),
});
export type CallerHistoryInput = z.infer<typeof callerHistoryInputSchema>;

export const callerHistorySchema = z.object({
  tickets: z.array(ticketRecordSchema),
  /** Earlier tickets of this number within the window (any matter), the excluded one not counted. */
  recentCount: z.number().int(),
  /** Same number and same matter within the window. */
  repeatCaller: z.boolean(),
});
export type CallerHistory = z.infer<typeof callerHistorySchema>;

/** The rule, pure: which of a number's tickets make it a repeat caller now. */
export function summariseHistory(
  tickets: readonly TicketRecord[],
  now: Date,
  category: readonly [string, string] | null,
  excludeTicketId: string | null = null,
): Omit<CallerHistory, 'tickets'> {
  const since = now.getTime() - REPEAT_WINDOW_DAYS * 86_400_000;
  const recent = tickets.filter((t) => t.id !== excludeTicketId && Date.parse(t.createdAt) >= since);
  const sameMatter = category ? recent.filter((t) => t.registration.category[0] === category[0] && t.registration.category[1] === category[1]) : [];
  return { recentCount: recent.length, repeatCaller: sameMatter.length > 0 };
}
