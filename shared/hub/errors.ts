import { z } from 'zod';

/** Every 4xx/5xx answer of the hub: a stable code, a message in Chinese for people, and field issues when the input was wrong. */
export const hubErrorCodes = [
  'INVALID_INPUT',
  'MALFORMED_JSON',
  'BODY_TOO_LARGE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SEQ_GAP',
  /** A desk id was named that is not enrolled (or was retired): redeem an enrolment code first. */
  'DESK_NOT_ENROLLED',
  /** Too many attempts from this address or for this account; the message says how long to wait. */
  'THROTTLED',
  'INTERNAL',
] as const;
export type HubErrorCode = (typeof hubErrorCodes)[number];

export const hubErrorSchema = z.object({
  error: z.enum(hubErrorCodes),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** SEQ_GAP only: the sequence the hub expects next from this desk. */
  expectedSeq: z.number().int().optional(),
  /** THROTTLED only: seconds until the next try is heard. */
  retryAfterS: z.number().int().optional(),
});
export type HubError = z.infer<typeof hubErrorSchema>;
