import type { AuditEntry } from '../../../shared/hub/audit';
import type { HubTicket } from '../../../shared/hub/hub-ticket';
import type { TokenClaims } from '../auth/tokens';
import type { Sql, SqlTransaction } from '../db/sql';
import type { HubContext } from '../hub-context';
import { confidentialTicket, ticketNotFound } from '../tickets/ticket-failures';
import { findTicket, toHubTicket } from '../tickets/ticket-rows';
import { visibilityOf } from '../tickets/visibility';

/**
 * The append-only record of who looked at confidential callers: every unmask
 * (who, when, which ticket, why) and every caller-history lookup (who, when,
 * which number). The table refuses UPDATE, DELETE and TRUNCATE itself (a
 * trigger, migration 11), so no code path of the hub, nor anyone with the
 * hub's database role, can rewrite it; admins read it.
 */
export async function recordAudit(
  sql: SqlTransaction,
  user: Pick<TokenClaims, 'sub' | 'role' | 'deskId'>,
  entry: { action: AuditEntry['action']; at: Date; ticketId?: string; callerNumber?: string; reason?: string },
): Promise<void> {
  await sql.query('INSERT INTO audit_log (at, actor, role, desk_id, action, ticket_id, caller_number, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
    entry.at.toISOString(),
    user.sub,
    user.role,
    user.deskId,
    entry.action,
    entry.ticketId ?? null,
    entry.callerNumber ?? null,
    entry.reason ?? null,
  ]);
}

/** A supervisor or admin sees one confidential caller in full, with a reason that is kept. */
export async function unmaskTicket(hub: HubContext, user: TokenClaims, id: string, reason: string): Promise<HubTicket> {
  return hub.sql.transaction(async (tx) => {
    const row = await findTicket(tx, id);
    if (!row) throw ticketNotFound(id);
    const ticket = toHubTicket(row);
    if (visibilityOf(user, ticket) === 'hidden') throw confidentialTicket(id);
    // The ticket id is the record; the number itself is not copied into the log.
    await recordAudit(tx, user, { action: 'unmask', at: hub.now(), ticketId: id, reason });
    return ticket;
  });
}

interface AuditRow extends Record<string, unknown> {
  id: string;
  at: Date | string;
  actor: string;
  role: string;
  desk_id: string | null;
  action: AuditEntry['action'];
  ticket_id: string | null;
  caller_number: string | null;
  reason: string | null;
}

/** Newest first; `before` pages back by id. */
export async function readAuditLog(sql: Sql, query: { limit: number; before?: number | undefined }): Promise<AuditEntry[]> {
  const rows = await sql.query<AuditRow>('SELECT * FROM audit_log WHERE ($1::bigint IS NULL OR id < $1) ORDER BY id DESC LIMIT $2', [query.before ?? null, query.limit]);
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    role: r.role,
    deskId: r.desk_id,
    action: r.action,
    ticketId: r.ticket_id,
    callerNumber: r.caller_number,
    reason: r.reason,
  }));
}
