import { z } from 'zod';
import { hubErrorCodes } from './error-codes';

// The codes and reasons have no zod (the desk's first paint reads them through shared/result.ts).
export { hubErrorCodes, hubErrorReasons } from './error-codes';
export type { HubErrorCode, HubErrorReason } from './error-codes';

/** A refused field: its path, an English text for logs, and a validation code (shared/validation.ts) with its limits for clients to word. */
export const hubFieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  /** Read as text so that a newer hub's code does not make the answer unreadable to an older desk. */
  code: z.string().optional(),
  params: z.object({ min: z.number().optional(), max: z.number().optional(), minutes: z.number().optional() }).optional(),
});
export type HubFieldIssue = z.infer<typeof hubFieldIssueSchema>;

/** The facts a refusal may carry besides its code and reason, for clients to put into their own words. */
export const hubErrorDetailsSchema = z.object({
  /** Read as text so that a newer hub's reason does not make the whole answer unreadable to an older desk. */
  reason: z.string().optional(),
  issues: z.array(hubFieldIssueSchema).optional(),
  /** SEQ_GAP only: the sequence the hub expects next from this desk. */
  expectedSeq: z.number().int().optional(),
  /** THROTTLED only: seconds until the next try is heard. */
  retryAfterS: z.number().int().optional(),
  /** What the refusal is about: a ticket id or number, an account, a department, a seat, an enrolment. */
  subject: z.string().optional(),
  /** Other records in the way or missing, by id. */
  refs: z.array(z.string()).optional(),
  /** The limit that was passed (e.g. the most days one request may span). */
  limit: z.number().optional(),
  /** TICKET_WRONG_STATE: the ticket's state now. */
  state: z.string().optional(),
});
export type HubErrorDetails = z.infer<typeof hubErrorDetailsSchema>;

/** The facts a refusal of one entry comes with, for the desk to word in its own language (see pushRejectReasons). */
export const pushRejectDetailsSchema = z.object({
  /** What the refusal is about: the ticket, the author, the id already taken. */
  subject: z.string().optional(),
  /** WRONG_STATE: the ticket's state now. */
  state: z.string().optional(),
  /** TOO_DEEP: the deepest nesting an entry may have. */
  limit: z.number().optional(),
  /** The fields refused, by path (`entry.…` the envelope, `payload.…` its content), with validation codes. */
  issues: z.array(hubFieldIssueSchema).optional(),
});
export type PushRejectDetails = z.infer<typeof pushRejectDetailsSchema>;

export const hubErrorSchema = hubErrorDetailsSchema.extend({
  error: z.enum(hubErrorCodes),
  /** English, for logs and API users; never shown to an operator. */
  message: z.string(),
});
export type HubError = z.infer<typeof hubErrorSchema>;
