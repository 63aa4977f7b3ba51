import { z } from 'zod';
import { hubErrorCodes } from './error-codes';

// The codes and reasons have no zod (the desk's first paint reads them through shared/result.ts).
export { hubErrorCodes, hubErrorReasons } from './error-codes';
export type { HubErrorCode, HubErrorReason } from './error-codes';

export const hubErrorSchema = z.object({
  error: z.enum(hubErrorCodes),
  message: z.string(),
  /** Read as text so that a newer hub's reason does not make the whole answer unreadable to an older desk. */
  reason: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** SEQ_GAP only: the sequence the hub expects next from this desk. */
  expectedSeq: z.number().int().optional(),
  /** THROTTLED only: seconds until the next try is heard. */
  retryAfterS: z.number().int().optional(),
});
export type HubError = z.infer<typeof hubErrorSchema>;
