import { z } from 'zod';
import { ticketIdSchema } from '../tickets/ticket';
import { kbUseKinds } from './learned-expansions';

/**
 * An operator's use of an article after typing a query (opened it, copied its answer into a ticket, marked it
 * 有用): what the hub learns query → article expansions from. It rides the desk's outbox as `kb.use`, so it
 * survives outages and shift changes and reaches the hub exactly once; its `id` (made at the desk) is also the
 * operation's ticketId and the hub's key for it.
 */
export const kbUseInputSchema = z.strictObject({
  query: z.string().trim().min(1, '查询内容为空').max(200, '查询内容最多 200 字'),
  articleId: z.string().min(1).max(40),
  kind: z.enum(kbUseKinds),
});
export type KbUseInput = z.infer<typeof kbUseInputSchema>;

export const kbUsePayloadSchema = kbUseInputSchema.extend({ id: ticketIdSchema });
export type KbUsePayload = z.infer<typeof kbUsePayloadSchema>;
