import { z } from 'zod';
import { callbackSchema, directAnswerSchema, ticketIdSchema, ticketRegistrationSchema, ticketStates, transferSchema } from './ticket';
import { callbackAttemptSchema } from './callback-retry';

/**
 * A ticket as the desk keeps it locally: the registration plus what happened
 * to it at this desk. Every change also leaves an outbox operation for the
 * hub, written in the same transaction.
 */

/** Trainee tickets wait for a supervisor before their transfer goes out (实训审核). */
export const reviewStates = ['not_required', 'pending', 'approved', 'rejected'] as const;

export const ticketRecordSchema = z.object({
  id: ticketIdSchema,
  state: z.enum(ticketStates),
  registration: ticketRegistrationSchema,
  answer: directAnswerSchema.nullable(),
  transfer: transferSchema.nullable(),
  callback: callbackSchema.nullable(),
  /** 无法联系: callback tries that did not reach the caller, oldest first (absent: none). */
  callbackAttempts: z.array(callbackAttemptSchema).optional(),
  /** Seat or operator that registered it. */
  author: z.string().min(1).max(60),
  trainee: z.boolean(),
  review: z.enum(reviewStates),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TicketRecord = z.infer<typeof ticketRecordSchema>;

/**
 * What an outbox entry carries to the hub. `practice.result` is a trainee's
 * scored practice call (实训记录), not a ticket change. It rides this queue
 * rather than a route of its own because the queue already gives what a
 * result needs: written in the result's transaction, kept through outages and
 * shift changes under its author, sent exactly once in order, a refusal shown
 * under 需处理; a separate route would need a second sender with its own
 * retries and "sent" bookkeeping. Its `ticketId` is the result's own id. `kb.use` (an article opened,
 * copied or marked 有用 after a query: what the hub learns from) rides it for the same reasons.
 */
export const outboxKinds = [
  'ticket.register',
  'ticket.answer',
  'ticket.transfer',
  'ticket.transfer_for_review',
  'ticket.callback',
  'practice.result',
  'ticket.supplement',
  'ticket.urge',
  'ticket.close',
  'ticket.callback_unreachable',
  'kb.use',
] as const;
export type OutboxKind = (typeof outboxKinds)[number];

/**
 * The form being typed, saved on every change so a crash or a shift change
 * loses nothing. Drafts are incomplete by nature, so fields are loose, but
 * bounded: an oversized draft is refused and the last saved one stays.
 */
const draftText = (max: number) => z.string().max(max, `内容过长（最多 ${max} 字），草稿未保存`);
export const ticketDraftSchema = z.object({
  id: ticketIdSchema.nullable(),
  callerName: draftText(200),
  callerNumber: draftText(60),
  district: z.string().max(40).nullable(),
  town: z.string().max(40).nullable(),
  address: draftText(400),
  requestType: z.string().max(10).nullable(),
  category: z.array(z.string().max(40)).max(2),
  description: draftText(10_000),
  urgency: z.string().max(20),
  confidential: z.boolean(),
  unreasonable: z.boolean(),
  unreasonableReason: z.string().max(60).nullable(),
  relatedTicketId: draftText(60),
  linkedArticleIds: z.array(z.string().max(40)).max(20),
  calledAt: z.string().max(40).nullable(),
});
export type TicketDraft = z.infer<typeof ticketDraftSchema>;

export const emptyTicketDraft: TicketDraft = {
  id: null,
  callerName: '',
  callerNumber: '',
  district: null,
  town: null,
  address: '',
  requestType: null,
  category: [],
  description: '',
  urgency: 'normal',
  confidential: false,
  unreasonable: false,
  unreasonableReason: null,
  relatedTicketId: '',
  linkedArticleIds: [],
  calledAt: null,
};

export const savedDraftSchema = z.object({ draft: ticketDraftSchema, savedAt: z.string() });
export type SavedDraft = z.infer<typeof savedDraftSchema>;
