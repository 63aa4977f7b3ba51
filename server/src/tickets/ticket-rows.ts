import type { HubTicket } from '../../../shared/hub/hub-ticket';
import type { TicketRegistration } from '../../../shared/tickets/ticket';
import type { SqlTransaction } from '../db/sql';

export interface TicketRow extends Record<string, unknown> {
  id: string;
  number: string;
  desk_id: string;
  author: string;
  state: string;
  confidential: boolean;
  trainee: boolean;
  review: string;
  review_comment: string | null;
  supervision: string;
  lead_department: string | null;
  registration: TicketRegistration;
  answer: unknown;
  transfer: unknown;
  callback: unknown;
  reply: unknown;
  return_reason: string | null;
  supplements: HubTicket['supplements'];
  urge_count: number;
  created_at: Date | string;
  desk_created_at: Date | string | null;
  clock_skewed: boolean;
  updated_at: Date | string;
  version: string | number;
}

export const TICKET_COLUMNS =
  'id, number, desk_id, author, state, confidential, trainee, review, review_comment, supervision, lead_department, registration, answer, transfer, callback, reply, return_reason, supplements, urge_count, created_at, desk_created_at, clock_skewed, updated_at, version';

const iso = (value: Date | string): string => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

export function toHubTicket(row: TicketRow): HubTicket {
  return {
    id: row.id,
    number: row.number,
    state: row.state as HubTicket['state'],
    registration: row.registration,
    contactMasked: false,
    answer: row.answer as HubTicket['answer'],
    transfer: row.transfer as HubTicket['transfer'],
    callback: row.callback as HubTicket['callback'],
    reply: row.reply as HubTicket['reply'],
    returnReason: row.return_reason,
    supplements: row.supplements,
    urgeCount: row.urge_count,
    supervision: row.supervision as HubTicket['supervision'],
    author: row.author,
    deskId: row.desk_id,
    trainee: row.trainee,
    review: row.review as HubTicket['review'],
    reviewComment: row.review_comment,
    createdAt: iso(row.created_at),
    ...(row.clock_skewed ? { clockSkewed: true, deskCreatedAt: row.desk_created_at ? iso(row.desk_created_at) : null } : {}),
    updatedAt: iso(row.updated_at),
    version: Number(row.version),
  };
}

export async function findTicket(tx: SqlTransaction, id: string, forUpdate = false): Promise<TicketRow | null> {
  const [row] = await tx.query<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return row ?? null;
}

export async function recordEvent(
  tx: SqlTransaction,
  event: { ticketId: string; opId: string | null; kind: string; author: string; sentBy: string; deskId: string | null; at: Date; payload: unknown },
): Promise<void> {
  await tx.query('INSERT INTO ticket_events (ticket_id, op_id, kind, author, sent_by, desk_id, at, payload) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
    event.ticketId,
    event.opId,
    event.kind,
    event.author,
    event.sentBy,
    event.deskId,
    event.at.toISOString(),
    JSON.stringify(event.payload),
  ]);
}
