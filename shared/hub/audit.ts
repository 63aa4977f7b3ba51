import { z } from 'zod';

/**
 * The hub's audit log of confidential callers (保密联络): who unmasked which
 * ticket and why, who looked up which number's history. Append-only; admins read it.
 */
export const auditActions = ['unmask', 'caller_history'] as const;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  deskId: z.string().nullable(),
  action: z.enum(auditActions),
  ticketId: z.string().nullable(),
  callerNumber: z.string().nullable(),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** A supervisor's or admin's reason to see one confidential caller in full. */
export const unmaskInputSchema = z.strictObject({
  reason: z.string().trim().min(4, '请写明查看保密联络人的理由（至少 4 个字）').max(200, '理由最多 200 字'),
});

export const auditLogQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Entries older than this id (paging back). */
  before: z.coerce.number().int().min(1).optional(),
});
