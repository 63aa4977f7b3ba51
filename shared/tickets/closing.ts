import { z } from 'zod';

// The rules have no zod (the workbench's callback form reads them at first paint).
export { closingRules, defaultClosingRule, mayCloseAfterCallback } from './closing-rules';
export type { ClosingRule } from './closing-rules';

export const closeTicketSchema = z.object({ note: z.string().trim().max(500, '办结说明最多 500 字') });
export type CloseTicket = z.infer<typeof closeTicketSchema>;
