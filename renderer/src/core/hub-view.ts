import type { DeskSession, HandoverNote } from '../../../shared/hub/desk-session';
import type { HubTicket } from '../../../shared/hub/hub-ticket';
import type { TicketRecord } from '../../../shared/tickets/ticket-record';

/** Who dismissed which note: each operator dismisses a note for themselves, so the next one still sees it. */
export function handoverKey(note: HandoverNote, username: string): string {
  return `${username}|${note.from}|${note.at}`;
}

/** The note the incoming operator should see after signing in: someone else's, with text, not yet dismissed by them. */
export function handoverToShow(note: HandoverNote | null, session: DeskSession | null, dismissedKey: string | null): HandoverNote | null {
  if (!note || !session || note.text.trim() === '') return null;
  if (note.from === session.username) return null;
  return handoverKey(note, session.username) === dismissedKey ? null : note;
}

export type ReplyStatus =
  /** The department replied: call the caller back. */
  | 'awaits_callback'
  /** Called back at this desk; the hub will confirm on the next exchange. */
  | 'callback_recorded'
  /** The department returned it to the centre (退回). */
  | 'returned'
  /** The supervisor returned a trainee's ticket. */
  | 'review_returned'
  | 'other';

/** What a ticket from the hub asks of the operator, with the desk's own record taken into account. */
export function replyStatus(ticket: HubTicket, local: TicketRecord | undefined): ReplyStatus {
  if (ticket.state === 'replied') return local?.state === 'called_back' || local?.state === 'closed' ? 'callback_recorded' : 'awaits_callback';
  if (ticket.state === 'returned') return 'returned';
  if (ticket.review === 'rejected') return 'review_returned';
  return 'other';
}

export interface ReplyRow {
  ticket: HubTicket;
  status: ReplyStatus;
}

export type ReplyFilter = 'pending' | 'all';

/**
 * The rows of the 部门答复 / 待回访 list, most recently changed at the hub first.
 * `pending`: what needs the operator (a reply to call back about, a return, a
 * trainee's ticket sent back by the supervisor).
 */
export function replyRows(tickets: readonly HubTicket[], local: readonly TicketRecord[], filter: ReplyFilter): ReplyRow[] {
  const byId = new Map(local.map((t) => [t.id, t]));
  const rows = [...tickets]
    .sort((a, b) => b.version - a.version)
    .map((ticket) => ({ ticket, status: replyStatus(ticket, byId.get(ticket.id)) }));
  return filter === 'all' ? rows : rows.filter((row) => row.status !== 'other' && row.status !== 'callback_recorded');
}

export function awaitingCallbackCount(tickets: readonly HubTicket[], local: readonly TicketRecord[]): number {
  const byId = new Map(local.map((t) => [t.id, t]));
  return tickets.filter((t) => replyStatus(t, byId.get(t.id)) === 'awaits_callback').length;
}
