import type { DeskSession, HandoverNote } from '../../../shared/hub/desk-session';
import type { HubTicket } from '../../../shared/hub/hub-ticket';
import type { TicketRecord } from '../../../shared/tickets/ticket-record';
import { callbackRetryStatus } from '../../../shared/tickets/callback-tries';

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
  /** 无法联系: a try did not reach the caller; the next one falls due later. */
  | 'callback_retry'
  /** Every try spent without reaching the caller: off the 回访 list. */
  | 'unreachable'
  /** Called back at this desk; the hub will confirm on the next exchange. */
  | 'callback_recorded'
  /** The department returned it to the centre (退回). */
  | 'returned'
  /** The supervisor returned a trainee's ticket. */
  | 'review_returned'
  | 'other';

/** Statuses that put a ticket on the 回访 list (a callback to make, now or later). */
export const callbackStatuses: readonly ReplyStatus[] = ['awaits_callback', 'callback_retry'];

/** What a ticket from the hub asks of the operator, with the desk's own record (its callback and tries) taken into account. */
export function replyStatus(ticket: HubTicket, local: TicketRecord | undefined): ReplyStatus {
  if (ticket.state === 'replied') {
    if (local?.state === 'called_back' || local?.state === 'closed') return 'callback_recorded';
    const retry = callbackRetryStatus(local?.callbackAttempts ?? []);
    if (retry.unreachable) return 'unreachable';
    return retry.tries > 0 ? 'callback_retry' : 'awaits_callback';
  }
  if (ticket.state === 'returned') return 'returned';
  if (ticket.review === 'rejected') return 'review_returned';
  return 'other';
}

export interface ReplyRow {
  ticket: HubTicket;
  status: ReplyStatus;
  /** When the callback falls due: the department's reply, or the next try after 无法联系; null for other rows. */
  dueAt: string | null;
  /** Callback tries that did not reach the caller. */
  tries: number;
}

export type ReplyFilter = 'pending' | 'all';

function rowOf(ticket: HubTicket, local: TicketRecord | undefined): ReplyRow {
  const status = replyStatus(ticket, local);
  const retry = callbackRetryStatus(local?.callbackAttempts ?? []);
  const dueAt = status === 'awaits_callback' ? (ticket.reply?.at ?? ticket.updatedAt) : status === 'callback_retry' ? retry.nextDueAt : null;
  return { ticket, status, dueAt, tries: retry.tries };
}

const byDue = (a: ReplyRow, b: ReplyRow): number => Date.parse(a.dueAt ?? '') - Date.parse(b.dueAt ?? '');

/**
 * The rows of the 部门答复 / 回访 list. `all`: most recently changed at the hub first. `pending`: what needs the
 * operator — callbacks first, by when they fall due (a reply from its time, a try after 无法联系 from the next
 * try's), then returns and a trainee's tickets sent back by the supervisor, newest change first.
 */
export function replyRows(tickets: readonly HubTicket[], local: readonly TicketRecord[], filter: ReplyFilter): ReplyRow[] {
  const byId = new Map(local.map((t) => [t.id, t]));
  const rows = [...tickets].sort((a, b) => b.version - a.version).map((ticket) => rowOf(ticket, byId.get(ticket.id)));
  if (filter === 'all') return rows;
  const callbacks = rows.filter((row) => callbackStatuses.includes(row.status)).sort(byDue);
  return [...callbacks, ...rows.filter((row) => row.status === 'returned' || row.status === 'review_returned')];
}

/** Whether a callback row is due at `now` (epoch ms): a reply at once, a try after 无法联系 from its time. */
export function isDue(row: Pick<ReplyRow, 'status' | 'dueAt'>, now: number): boolean {
  if (row.status === 'awaits_callback') return true;
  return row.status === 'callback_retry' && row.dueAt !== null && Date.parse(row.dueAt) <= now;
}

/** Callbacks due at `now`: replies to call back about and tries after 无法联系 whose time has come (the tab's count). */
export function awaitingCallbackCount(tickets: readonly HubTicket[], local: readonly TicketRecord[], now: number): number {
  return replyRows(tickets, local, 'pending').filter((row) => callbackStatuses.includes(row.status) && isDue(row, now)).length;
}
