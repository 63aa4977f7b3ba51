import { z } from 'zod';
import type { ValidationCode } from '../validation';
import { hubTicketSchema, ticketNumberSchema } from '../hub/hub-ticket';
import { supplementSchema, urgeSchema } from './follow-up';
import { phoneLineOf } from '../phone/phone-number';
import { ticketIdSchema } from './ticket';
import { ticketRecordSchema } from './ticket-record';

/**
 * Finding a ticket the caller already has (查询进度, 补充, 催办) and its
 * timeline: the DeskApi side. The desk answers from what it holds (its own
 * tickets, and their copies as the hub last sent them) and asks the hub for
 * every desk's when it is signed in.
 */

/** What the operator typed: a ticket number (YYYYMMDD-NNNNNN) or a caller's number. */
export const findTicketsInputSchema = z.object({ query: z.string().trim().min(1, 'TICKET_QUERY_REQUIRED' satisfies ValidationCode).max(40) });

/** How a typed query is read: a ticket number, or a phone number; null when it is neither. */
export function readTicketQuery(query: string): { by: 'number'; number: string } | { by: 'caller'; callerNumber: string } | null {
  const text = query.trim();
  if (ticketNumberSchema.safeParse(text).success) return { by: 'number', number: text };
  // Folded as tickets store it (+86, spaces, dashes and an extension all lead to the same line).
  const line = phoneLineOf(text);
  return line ? { by: 'caller', callerNumber: line } : null;
}

export const hubReachSchema = z.enum(['reached', 'unreachable', 'signed_out']);
export type HubReach = z.infer<typeof hubReachSchema>;

export const foundTicketsSchema = z.object({
  by: z.enum(['number', 'caller']),
  /** Numbered tickets, the hub's copy where it answered, else this desk's replica; newest first. */
  tickets: z.array(hubTicketSchema),
  /** This desk's tickets the hub has not numbered yet (still in the queue). */
  unsent: z.array(ticketRecordSchema),
  hub: hubReachSchema,
});
export type FoundTickets = z.infer<typeof foundTicketsSchema>;

/**
 * One step of a ticket's life, as data for the renderer to word: the hub's
 * event kind (ticket.register, ticket.transfer, department.accept,
 * department.return, department.reply, ticket.callback, ticket.supplement,
 * ticket.urge, ticket.close …), with the department and the text it carries.
 */
export const timelineEntrySchema = z.object({
  kind: z.string(),
  at: z.string(),
  author: z.string(),
  department: z.string().nullable(),
  text: z.string().nullable(),
  /** Still in this desk's queue: not at the hub yet. */
  pending: z.boolean(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const ticketTimelineSchema = z.object({
  entries: z.array(timelineEntrySchema),
  /** Whether the hub's trail was read; otherwise the entries come from the ticket as this desk last saw it. */
  hub: hubReachSchema,
});
export type TicketTimeline = z.infer<typeof ticketTimelineSchema>;

export const supplementTicketInputSchema = z.object({ ticketId: ticketIdSchema, supplement: supplementSchema });
export const urgeTicketInputSchema = z.object({ ticketId: ticketIdSchema, urge: urgeSchema });
export const followUpQueuedSchema = z.object({ queued: z.literal(true) });
