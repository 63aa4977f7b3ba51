import type { HubTicket, TicketEvent } from '../../../shared/hub/hub-ticket';
import type { FoundTickets, HubReach, TicketTimeline, TimelineEntry } from '../../../shared/tickets/existing-tickets';
import { readTicketQuery } from '../../../shared/tickets/existing-tickets';
import { DeskFailure } from '../../../shared/result';
import type { HubSession } from '../hub/hub-session';
import type { HubTicketReplica } from '../sync/hub-ticket-replica';
import type { TicketStore } from './ticket-store';

const LIMIT = 50;

/** Whether the hub could not be asked (not signed in, unreachable) rather than said no. */
function reachOf(error: unknown): HubReach | null {
  if (!(error instanceof DeskFailure)) return null;
  if (error.code === 'HUB_UNAUTHENTICATED' || error.code === 'HUB_NOT_CONFIGURED') return 'signed_out';
  if (error.code === 'HUB_UNREACHABLE' || error.code === 'HUB_REFUSED') return 'unreachable';
  return null;
}

/**
 * A ticket the caller already has, found by its number or their phone
 * number: this desk's own (numbered by the hub or still queued) always, and
 * every desk's from the hub when it answers. The hub's copy wins where both
 * hold one (it is newer or the same).
 */
export class ExistingTickets {
  constructor(
    private readonly tickets: TicketStore,
    private readonly replica: HubTicketReplica,
    private readonly hub: HubSession,
  ) {}

  async find(query: string): Promise<FoundTickets> {
    const read = readTicketQuery(query);
    if (!read) throw new DeskFailure('INVALID_INPUT', 'neither a ticket number nor a phone number', [{ path: 'query', message: 'TICKET_QUERY_FORMAT', code: 'TICKET_QUERY_FORMAT' }]);
    const own = read.by === 'number' ? [this.replica.byNumber(read.number)].filter((t): t is HubTicket => t !== null) : this.replica.byCallerLine(read.callerNumber, LIMIT);
    let hub: HubReach = 'reached';
    let fromHub: HubTicket[] = [];
    try {
      fromHub =
        read.by === 'number'
          ? [await this.hub.call('findTicketByNumber', { params: { number: read.number } })]
          : (await this.hub.call('callerHistory', { params: { number: read.callerNumber }, query: { limit: LIMIT } })).tickets;
    } catch (error) {
      if (error instanceof DeskFailure && error.code === 'NOT_FOUND') fromHub = [];
      else {
        const reach = reachOf(error);
        if (!reach) throw error;
        hub = reach;
      }
    }
    const byId = new Map<string, HubTicket>();
    for (const ticket of [...own, ...fromHub]) byId.set(ticket.id, ticket);
    const numbered = [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const unsent = read.by === 'caller' ? this.tickets.byCallerLine(read.callerNumber, LIMIT).filter((t) => !byId.has(t.id) && !this.replica.find(t.id)) : [];
    return { by: read.by, tickets: numbered, unsent, hub };
  }

  /** The ticket a number names: this desk's copy first (works offline), else the hub's. */
  async resolveNumber(number: string): Promise<{ id: string; number: string }> {
    const own = this.replica.byNumber(number);
    if (own) return { id: own.id, number };
    const found = await this.hub.call('findTicketByNumber', { params: { number } });
    return { id: found.id, number: found.number };
  }

  /** The hub's trail of the ticket when it answers, else what the ticket as last seen says; then this desk's queued entries for it. */
  async timeline(ticketId: string): Promise<TicketTimeline> {
    let hub: HubReach = 'reached';
    let entries: TimelineEntry[];
    try {
      entries = (await this.hub.call('ticketEvents', { params: { id: ticketId } })).map(fromEvent);
    } catch (error) {
      const reach = reachOf(error);
      if (!reach) throw error;
      hub = reach;
      const known = this.replica.find(ticketId);
      entries = known ? fromSnapshot(known) : [];
    }
    const pending = this.tickets
      .outbox()
      .filter((entry) => entry.ticketId === ticketId)
      .map((entry) => ({ ...fromEvent({ kind: entry.kind, author: entry.author, sentBy: entry.author, at: entry.createdAt, payload: entry.payload }), pending: true }));
    return { entries: [...entries, ...pending], hub };
  }
}

const field = (payload: unknown, name: string): string | null => {
  if (payload === null || typeof payload !== 'object') return null;
  const value = (payload as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : null;
};

/** The department and text an event carries, by kind (a transfer's lead and notes or re-dispatch reason, a department's return reason or reply, a supplement …). */
function fromEvent(event: TicketEvent): TimelineEntry {
  const p = event.payload;
  const text = field(p, 'reason') ?? field(p, 'redispatchReason') ?? field(p, 'text') ?? field(p, 'note') ?? field(p, 'answer') ?? field(p, 'comments') ?? field(p, 'notes') ?? field(p, 'comment');
  const department = event.kind.includes('transfer') ? field(p, 'lead') : field(p, 'department');
  return { kind: event.kind, at: event.at, author: event.author, department, text, pending: false };
}

/** Offline: the steps a ticket's last known copy shows (no sign-off time or earlier returns: the trail is at the hub). */
function fromSnapshot(ticket: HubTicket): TimelineEntry[] {
  const step = (kind: string, at: string, text: string | null, department: string | null = null): TimelineEntry => ({ kind, at, author: '', department, text, pending: false });
  const entries = [step('ticket.register', ticket.createdAt, ticket.registration.description)];
  if (ticket.transfer) entries.push(step('ticket.transfer', ticket.createdAt, ticket.transfer.notes || null, ticket.transfer.lead));
  if (ticket.returnReason) entries.push(step('department.return', ticket.updatedAt, ticket.returnReason));
  if (ticket.reply) entries.push(step('department.reply', ticket.reply.at, ticket.reply.text, ticket.reply.department));
  for (const s of ticket.supplements) entries.push({ ...step('ticket.supplement', s.at, s.text), author: s.author });
  if (ticket.callback) entries.push(step('ticket.callback', ticket.updatedAt, ticket.callback.comments || null));
  if (ticket.state === 'closed') entries.push(step('ticket.close', ticket.updatedAt, null));
  return entries;
}
