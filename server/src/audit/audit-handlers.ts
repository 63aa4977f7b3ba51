import type { HubHandlers } from '../http/route';
import { readAuditLog, unmaskTicket } from './audit-log';

/** Unmasking a confidential caller (with a reason, audited) and the admins' reading of the audit log. */
export const auditHandlers = {
  unmaskTicket: ({ hub, user, params, body }) => unmaskTicket(hub, user, params.id, body.reason),
  auditLog: ({ hub, query }) => readAuditLog(hub.sql, query),
} satisfies Pick<HubHandlers, 'unmaskTicket' | 'auditLog'>;
