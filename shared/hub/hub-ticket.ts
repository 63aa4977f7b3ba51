import { z } from 'zod';
import { keptSupplementSchema } from '../tickets/follow-up';
import { TICKET_NUMBER_PATTERN } from '../tickets/ticket-reference';
import { reviewStates } from '../tickets/ticket-record';
import { callbackSchema, directAnswerSchema, supervisionLevels, ticketIdSchema, ticketRegistrationSchema, ticketStates, transferSchema } from '../tickets/ticket';

/** The human number the hub gives a ticket: the day in the centre's time zone and a counter, e.g. `20261122-000123`. */
export const ticketNumberSchema = z.string().regex(TICKET_NUMBER_PATTERN);

/** A department's reply (答复), the second half of 双反馈. */
export const departmentReplySchema = z.strictObject({
  text: z.string().trim().min(1, '答复内容不能为空').max(4_000, '答复内容最多 4000 字'),
  solved: z.boolean(),
});
export type DepartmentReply = z.infer<typeof departmentReplySchema>;

export const returnReasonSchema = z.strictObject({
  reason: z.string().trim().min(2, '请写明退回理由').max(1_000, '退回理由最多 1000 字'),
});

/** A supervisor's decision on a trainee's ticket (实训审核). */
export const reviewDecisionSchema = z.strictObject({
  decision: z.enum(['approve', 'return']),
  comment: z.string().trim().max(1_000),
});
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** A ticket as the hub keeps it and sends it back to desks in the pull feed. */
export const hubTicketSchema = z.object({
  id: ticketIdSchema,
  number: ticketNumberSchema,
  state: z.enum(ticketStates),
  /** As registered, except that a confidential caller's name and number are masked for roles that may not see them. */
  registration: ticketRegistrationSchema.extend({ callerNumber: z.string(), callerName: z.string() }),
  contactMasked: z.boolean(),
  answer: directAnswerSchema.nullable(),
  transfer: transferSchema.nullable(),
  callback: callbackSchema.nullable(),
  reply: departmentReplySchema.extend({ department: z.string(), at: z.string() }).nullable(),
  returnReason: z.string().nullable(),
  /** 补充: what callers added since registration, oldest first (older hubs and replicas: none). */
  supplements: z.array(keptSupplementSchema).default([]),
  /** 催办: how many times callers pressed for progress. */
  urgeCount: z.number().int().min(0).default(0),
  supervision: z.enum(supervisionLevels),
  author: z.string(),
  deskId: z.string(),
  trainee: z.boolean(),
  review: z.enum(reviewStates),
  reviewComment: z.string().nullable(),
  /** When the hub counts it from (alerts, statistics): the desk's time, or the hub's receipt time when `clockSkewed`. */
  createdAt: z.string(),
  /** The desk's clock was too far from the hub's when it pushed: createdAt is the receipt time, the desk's is kept beside it. */
  clockSkewed: z.literal(true).optional(),
  deskCreatedAt: z.string().nullable().optional(),
  updatedAt: z.string(),
  /** Change version: the pull cursor passes it. */
  version: z.number().int(),
});
export type HubTicket = z.infer<typeof hubTicketSchema>;

export const ticketEventSchema = z.object({
  kind: z.string(),
  author: z.string(),
  /** The signed-in account that delivered it (differs from the author after a shift change). */
  sentBy: z.string(),
  at: z.string(),
  payload: z.unknown(),
});
export type TicketEvent = z.infer<typeof ticketEventSchema>;

export const hubCallerHistorySchema = z.object({
  tickets: z.array(hubTicketSchema),
  /** Tickets of this number about the asked matter in the last 30 days. */
  sameMatterCount: z.number().int(),
  repeatCaller: z.boolean(),
});
/** Finding an existing ticket: by its number (exact) or by a caller number (their tickets, newest first). */
export const ticketLookupSchema = z.union([z.object({ number: ticketNumberSchema }), z.object({ callerNumber: z.string().trim().min(3).max(20) })]);

export type HubCallerHistory = z.infer<typeof hubCallerHistorySchema>;
