import { z } from 'zod';
import { isoInstantSchema } from '../iso-instant';
import { scoreItemSchema } from '../training/practice';

/**
 * A trainee's scored practice call as the desk pushes it to the hub
 * (`practice.result` in the sync push; docs/sync-protocol.md). The result's
 * id is made at the desk (UUIDv7) and travels as the operation's `ticketId`:
 * it is the idempotency key, so the same result delivered again is counted once.
 */
export const practiceResultPayloadSchema = z.strictObject({
  id: z.uuid(),
  scenarioId: z.string().regex(/^[A-Za-z0-9-]{1,20}$/),
  scenarioTitle: z.string().min(1).max(80),
  score: z.number().int().min(0).max(100),
  right: z.number().int().min(0).max(20),
  total: z.number().int().min(1).max(20),
  items: z.array(scoreItemSchema).max(20),
  startedAt: isoInstantSchema,
  finishedAt: isoInstantSchema,
});
export type PracticeResultPayload = z.infer<typeof practiceResultPayloadSchema>;
