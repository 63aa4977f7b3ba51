import { z } from 'zod';
import { pushRejectDetailsSchema } from '../hub/errors';

/**
 * What the status bar shows about the desk's link to the hub. Words, not a
 * coloured dot: an operator must be able to tell "3 tickets waiting for
 * 12 minutes because the hub refuses the password" from "all sent".
 */
export const syncConnectionStates = [
  /** No hub address configured: the desk works alone. */
  'not_configured',
  /** Last exchange succeeded; nothing in flight. */
  'online',
  /** An exchange is in flight. */
  'syncing',
  /** The last exchange failed; a retry is scheduled. */
  'offline',
] as const;

export const syncErrorCodes = [
  /** Network or hub down: retried with backoff. */
  'HUB_UNREACHABLE',
  /** The hub answered with an error that a retry may fix (5xx, overloaded). */
  'HUB_FAILED',
  /** The hub's answer (or a live-feed frame) was larger than the desk reads: refused unread, retried with backoff. */
  'HUB_RESPONSE_TOO_LARGE',
  /** The hub's answer or a live-feed frame was not the protocol's (not JSON, wrong shape): dropped, nothing applied. */
  'HUB_BAD_RESPONSE',
  /** The hub answered a push without acknowledging any of it: retried with growing pauses, not in a tight loop. */
  'HUB_NO_PROGRESS',
  /** The desk's session is gone: sign in again; nothing is lost meanwhile. */
  'AUTH_REQUIRED',
  /** The desk is not enrolled at the hub (or its enrolment was retired): its queue waits here until it is. */
  'NOT_ENROLLED',
  /** The local store could not be read or written (disk full, read-only, damaged). */
  'STORAGE',
  'INTERNAL',
] as const;
export type SyncErrorCode = (typeof syncErrorCodes)[number];

/** The learned snapshot (shared/hub/learned.ts) the desk uses, for supervisors and engineers to see. */
export const learnedStatusSchema = z.object({
  /** 0: none received yet. */
  version: z.number().int().min(0),
  trainedAt: z.string().nullable(),
  /** The last snapshot the desk refused (the one in use stayed); cleared by the next one it takes. */
  refused: z.object({ reason: z.enum(['MALFORMED', 'TOO_LARGE']), at: z.string(), detail: z.string() }).nullable(),
});
export type LearnedStatus = z.infer<typeof learnedStatusSchema>;

export const syncStatusSchema = z.object({
  connection: z.enum(syncConnectionStates),
  /** Outbox entries not yet acknowledged by the hub. */
  pending: z.number().int().min(0),
  /** When the oldest of them was written; ISO instant. */
  oldestPendingAt: z.string().nullable(),
  /** Entries the hub refused for good: shown to the operator, never retried, never blocking. */
  needsAttention: z.number().int().min(0),
  lastSuccessAt: z.string().nullable(),
  lastError: z.object({ code: z.enum(syncErrorCodes), message: z.string() }).nullable(),
  nextAttemptAt: z.string().nullable(),
  learned: learnedStatusSchema.optional(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** An outbox entry the hub refused for good, as the 需处理 list shows it. */
export const rejectedOutboxEntrySchema = z.object({
  seq: z.number().int(),
  author: z.string(),
  kind: z.string(),
  ticketId: z.string(),
  createdAt: z.string(),
  /** The hub's reason code (PushRejectReason), worded by the desk; in rows kept from before the codes, the hub's own sentence, shown as it is. */
  reason: z.string(),
  /** The facts the hub gave with the code: what it is about, the ticket's state, the fields refused. */
  details: pushRejectDetailsSchema.optional(),
  rejectedAt: z.string(),
});
export type RejectedOutboxEntry = z.infer<typeof rejectedOutboxEntrySchema>;
