import type { HubCallerHistory, HubTicket, TicketEvent } from '../../../shared/hub/hub-ticket';
import { REPEAT_WINDOW_DAYS } from '../../../shared/tickets/caller-history';
import type { TokenClaims } from '../auth/tokens';
import type { HubContext } from '../hub-context';
import { confidentialTicket, ticketNotFound } from './ticket-failures';
import type { TicketRow } from './ticket-rows';
import { findTicket, TICKET_COLUMNS, toHubTicket } from './ticket-rows';
import { recordAudit } from '../audit/audit-log';
import { asSeenBy, eventsSeenBy } from './visibility';

export async function readTicket(hub: HubContext, user: TokenClaims, id: string): Promise<HubTicket> {
  const row = await findTicket(hub.sql, id);
  if (!row) throw ticketNotFound(id);
  const seen = asSeenBy(user, toHubTicket(row));
  if (!seen) throw confidentialTicket(id);
  return seen;
}

/**
 * A ticket by the number the caller reads out, as this user may see it. A
 * confidential ticket another desk registered is found masked (a trainee is
 * told it is not theirs to open), like any other read.
 */
export async function findTicketByNumber(hub: HubContext, user: TokenClaims, number: string): Promise<HubTicket> {
  const [row] = await hub.sql.query<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE number = $1`, [number]);
  if (!row) throw ticketNotFound(number);
  const seen = asSeenBy(user, toHubTicket(row));
  if (!seen) throw confidentialTicket(number);
  return seen;
}

/** The audit trail of one ticket, oldest first, masked as the ticket is for this user. */
export async function ticketEvents(hub: HubContext, user: TokenClaims, id: string): Promise<TicketEvent[]> {
  const row = await findTicket(hub.sql, id);
  if (!row) throw ticketNotFound(id);
  const ticket = toHubTicket(row);
  if (!asSeenBy(user, ticket)) throw confidentialTicket(id);
  const rows = await hub.sql.query<{ kind: string; author: string; sent_by: string; at: Date | string; payload: unknown }>(
    'SELECT kind, author, sent_by, at, payload FROM ticket_events WHERE ticket_id = $1 ORDER BY id',
    [id],
  );
  return eventsSeenBy(
    user,
    ticket,
    rows.map((r) => ({ kind: r.kind, author: r.author, sentBy: r.sent_by, at: new Date(r.at).toISOString(), payload: r.payload })),
  );
}

const HISTORY_MONTHS = 12;

/**
 * A caller's tickets of the last 12 months from every desk (newest first),
 * and how many in the last 30 days were about the same matter, the ticket being
 * written for this call (`exclude`) not counted. `number` is the caller's line
 * (stored form without extension, shared/phone/phone-number.ts), which is what
 * the caller_number column holds. A confidential
 * ticket the user would see masked is left out of both, list and count: found
 * by the number, it would tell them that this caller reported in confidence.
 * Every lookup is written to the audit log. Both reads are
 * served by the (caller_number, created_at) index, so they stay fast at
 * millions of tickets; they are independent and run side by side (two pool
 * connections on PostgreSQL), so the desk waits for the slower one, not both.
 */
export async function callerHistory(
  hub: HubContext,
  user: TokenClaims,
  query: { number: string; category1?: string | undefined; category2?: string | undefined; limit: number; exclude?: string | undefined },
): Promise<HubCallerHistory> {
  const now = hub.now();
  const since = new Date(now);
  since.setMonth(since.getMonth() - HISTORY_MONTHS);
  const seen = '(NOT confidential OR author = $2 OR desk_id = $3)';
  const listing = hub.sql.query<TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets WHERE caller_number = $1 AND ${seen} AND created_at >= $4 ORDER BY created_at DESC LIMIT $5`,
    [query.number, user.sub, user.deskId, since.toISOString(), query.limit],
  );
  const counting = async (): Promise<number> => {
    if (!query.category1 || !query.category2) return 0;
    const windowStart = new Date(now.getTime() - REPEAT_WINDOW_DAYS * 86_400_000);
    const [count] = await hub.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tickets WHERE caller_number = $1 AND ${seen} AND created_at >= $4 AND category_1 = $5 AND category_2 = $6
          AND id IS DISTINCT FROM $7::uuid`,
      [query.number, user.sub, user.deskId, windowStart.toISOString(), query.category1, query.category2, query.exclude ?? null],
    );
    return count?.n ?? 0;
  };
  const [rows, sameMatterCount] = await Promise.all([listing, counting(), recordAudit(hub.sql, user, { action: 'caller_history', callerNumber: query.number, at: now })]);
  const tickets = rows.map((row) => asSeenBy(user, toHubTicket(row))).filter((t): t is HubTicket => t !== null);
  return { tickets, sameMatterCount, repeatCaller: sameMatterCount > 0 };
}

/** Tickets transferred to the user's department that wait for it (to accept, or to reply to). */
export async function departmentInbox(hub: HubContext, user: TokenClaims, limit: number): Promise<HubTicket[]> {
  const rows = await hub.sql.query<TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets WHERE lead_department = $1 AND state IN ('transferred', 'accepted') ORDER BY updated_at LIMIT $2`,
    [user.departmentId, limit],
  );
  return rows.map((row) => asSeenBy(user, toHubTicket(row))).filter((t): t is HubTicket => t !== null);
}

/** Trainees' tickets waiting for a supervisor (实训审核), oldest first, masked as for any reader. */
export async function reviewQueue(hub: HubContext, user: TokenClaims, limit: number): Promise<HubTicket[]> {
  const rows = await hub.sql.query<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE review = 'pending' ORDER BY updated_at LIMIT $1`, [limit]);
  return rows.map((row) => asSeenBy(user, toHubTicket(row))).filter((t): t is HubTicket => t !== null);
}
