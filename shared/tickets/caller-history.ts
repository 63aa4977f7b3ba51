import { z } from 'zod';
import { phoneNumberSchema } from './ticket';
import type { TicketRecord } from './ticket-record';
import { ticketRecordSchema } from './ticket-record';

/** A caller who rang about the same matter this many days ago or less is a repeat caller (重复来电). */
export const REPEAT_WINDOW_DAYS = 30;

export const callerHistoryInputSchema = z.object({
  number: phoneNumberSchema,
  /** The matter of the ticket being written, when chosen: repeat means same number and same matter. */
  category: z.tuple([z.string().max(40), z.string().max(40)]).nullable().optional(),
  limit: z.number().int().min(1).max(100).optional(),
});
export type CallerHistoryInput = z.infer<typeof callerHistoryInputSchema>;

export const callerHistorySchema = z.object({
  tickets: z.array(ticketRecordSchema),
  /** Earlier tickets of this number within the window (any matter). */
  recentCount: z.number().int(),
  /** Same number and same matter within the window. */
  repeatCaller: z.boolean(),
});
export type CallerHistory = z.infer<typeof callerHistorySchema>;

/** The rule, pure: which of a number's tickets make it a repeat caller now. */
export function summariseHistory(tickets: readonly TicketRecord[], now: Date, category: readonly [string, string] | null): Omit<CallerHistory, 'tickets'> {
  const since = now.getTime() - REPEAT_WINDOW_DAYS * 86_400_000;
  const recent = tickets.filter((t) => Date.parse(t.createdAt) >= since);
  const sameMatter = category ? recent.filter((t) => t.registration.category[0] === category[0] && t.registration.category[1] === category[1]) : [];
  return { recentCount: recent.length, repeatCaller: sameMatter.length > 0 };
}
