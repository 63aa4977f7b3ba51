import { z } from 'zod';
import { isoInstantSchema } from '../iso-instant';
import { articleSchema } from '../kb/article';
import { directoryEntrySchema } from '../dispatch/directory';
import { departmentSchema, dutySchema } from '../dispatch/responsibility';
import { outboxKinds } from '../tickets/ticket-record';
import { deskIdSchema } from './auth';
import { hubTicketSchema } from './hub-ticket';
import { pushRejectReasons } from './error-codes';
import { pushRejectDetailsSchema } from './errors';

/**
 * The sync protocol between a desk and the hub (docs/sync-protocol.md).
 *
 * Push: the desk sends its outbox in order. Each operation carries the desk's
 * increasing sequence; the hub applies it and records the desk's last applied
 * sequence in the same transaction, so a batch sent again is answered
 * `duplicate` without effect, and a sequence that skips one is refused.
 */
export const MAX_PUSH_BATCH = 500;

export const pushOperationSchema = z.strictObject({
  seq: z.number().int().min(1),
  /** Unique per operation (UUIDv7): the idempotency key. */
  opId: z.uuid(),
  /** The operator who made the change; may differ from the session's account after a shift change. */
  author: z.string().min(1).max(60),
  kind: z.enum(outboxKinds),
  ticketId: z.uuid(),
  /** Checked per kind by the hub (unknown fields refused): an invalid payload rejects this operation only. */
  payload: z.unknown(),
  /** When the desk made it, by the desk's clock; the hub flags one too far from its own time. */
  createdAt: isoInstantSchema,
});
export type PushOperation = z.infer<typeof pushOperationSchema>;

/**
 * One entry of a batch as the wire carries it. Only its sequence is checked
 * with the batch (it orders the queue); the rest is parsed entry by entry
 * against `pushOperationSchema`, so one malformed entry is answered `rejected`
 * on its own and never stops the entries behind it.
 */
export const pushEntrySchema = z.looseObject({ seq: z.number().int().min(1) }).describe('One queued operation (fields: pushOperationSchema), checked on its own: a bad one is answered rejected without holding up those behind it');

export const pushRequestSchema = z
  .strictObject({
    deskId: deskIdSchema,
    operations: z.array(pushEntrySchema).min(1).max(MAX_PUSH_BATCH),
    /**
     * The desk's clock when it sent the batch. With it the hub tells a desk whose clock is wrong (counted at
     * receipt) from a right clock delivering work written offline hours ago (counted when it was written).
     */
    sentAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((batch) => batch.operations.every((op, i) => i === 0 || op.seq === (batch.operations[i - 1]?.seq ?? 0) + 1), {
    message: '一批操作的序号必须连续递增',
    path: ['operations'],
  });
/** What a desk sends: its outbox entries in order. */
export interface PushRequest {
  deskId: string;
  operations: PushOperation[];
}
/** What the hub receives: the envelope checked, each entry still to be parsed on its own. */
export type PushBatch = z.infer<typeof pushRequestSchema>;

export { isPushRejectReason, pushRejectReasons } from './error-codes';
export type { PushRejectReason } from './error-codes';
export { pushRejectDetailsSchema } from './errors';
export type { PushRejectDetails } from './errors';

export const pushOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ seq: z.number().int(), outcome: z.literal('accepted'), ticketNumber: z.string().nullable() }),
  z.object({ seq: z.number().int(), outcome: z.literal('duplicate') }),
  z.object({
    seq: z.number().int(),
    outcome: z.literal('rejected'),
    reason: z.enum(pushRejectReasons),
    /** English, for logs and API users; a desk words `reason` and the details instead. */
    message: z.string(),
    ...pushRejectDetailsSchema.shape,
  }),
]);
export type PushOutcome = z.infer<typeof pushOutcomeSchema>;

export const pushResponseSchema = z.object({
  outcomes: z.array(pushOutcomeSchema),
  /** The last sequence of this desk that the hub has applied. */
  lastSeq: z.number().int(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** Pull: every change with a version above the cursor, in version order. */
export const pullQuerySchema = z.strictObject({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1_000).default(500),
});

export const pullChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ticket'), version: z.number().int(), ticket: hubTicketSchema }),
  z.object({ type: z.literal('article'), version: z.number().int(), article: articleSchema }),
  z.object({ type: z.literal('department'), version: z.number().int(), department: departmentSchema, deleted: z.boolean() }),
  z.object({ type: z.literal('duty'), version: z.number().int(), duty: dutySchema, deleted: z.boolean() }),
  z.object({ type: z.literal('directory'), version: z.number().int(), entry: directoryEntrySchema, deleted: z.boolean() }),
]);
export type PullChange = z.infer<typeof pullChangeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(pullChangeSchema),
  /** Pass it back as `cursor`; it never goes backwards. */
  cursor: z.number().int(),
  /** More changes wait: pull again at once. */
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
