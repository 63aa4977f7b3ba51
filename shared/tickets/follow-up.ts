import { z } from 'zod';
import type { TicketState } from './ticket';

/**
 * What a caller adds to a ticket they already have, instead of a new ticket:
 * a supplement (补充: more facts for the department) or an urge (催办: the
 * caller presses for progress). Both go through the desk's outbox like any
 * other ticket change and reach the department's inbox at the hub; an urge is
 * counted per department for the supervisors.
 */
export const supplementSchema = z.object({
  text: z.string().trim().min(1, '补充内容不能为空').max(4_000, '补充内容最多 4000 字'),
});
export type Supplement = z.infer<typeof supplementSchema>;

export const urgeSchema = z.object({
  note: z.string().trim().max(500, '催办说明最多 500 字'),
});
export type Urge = z.infer<typeof urgeSchema>;

/** A department holds the ticket (sent, or signed for): only then is there someone to urge. */
export const urgeableStates: readonly TicketState[] = ['transferred', 'accepted'];

/** Anything but a closed ticket takes a supplement (a closed one is reopened by a new ticket linked to it). */
export const supplementableStates: readonly TicketState[] = ['registered', 'answered', 'transferred', 'accepted', 'returned', 'replied', 'called_back'];

/** A supplement as the hub keeps it on the ticket and shows it to the department. */
export const keptSupplementSchema = supplementSchema.extend({ at: z.string(), author: z.string() });
export type KeptSupplement = z.infer<typeof keptSupplementSchema>;
