import type { HubTicket } from '../../../shared/hub/hub-ticket';
import { hubTicketSchema } from '../../../shared/hub/hub-ticket';
import { canTransition } from '../../../shared/tickets/ticket';
import type { TicketRecord } from '../../../shared/tickets/ticket-record';
import { ticketRecordSchema } from '../../../shared/tickets/ticket-record';
import { DeskFailure } from '../../../shared/result';
import type { DeskDatabase } from '../db/database';

/**
 * Reads the desk's tickets as the hub last sent them (`hub_tickets`, written
 * by the pull in HubSyncPort): the hub's number, the department's reply, the
 * return reason, the supervisor's review. Read-only, apart from one thing: a
 * callback on a ticket the department has replied to (see `alignForCallback`).
 */
export class HubTicketReplica {
  constructor(private readonly db: DeskDatabase) {}

  /** Most recently changed at the hub first (the hub's change version orders every change). A damaged row is left out, not fatal. */
  list(limit: number): HubTicket[] {
    return this.db
      .prepare<[number], { doc: string }>('SELECT doc FROM hub_tickets ORDER BY version DESC, id DESC LIMIT ?')
      .all(limit)
      .flatMap((row) => {
        const parsed = hubTicketSchema.safeParse(parseJson(row.doc));
        return parsed.success ? [parsed.data] : [];
      });
  }

  /** This desk's ticket with that hub number, if the hub has sent it. */
  byNumber(number: string): HubTicket | null {
    const row = this.db.prepare<[string], { id: string }>('SELECT id FROM hub_tickets WHERE number = ?').get(number);
    return row ? this.find(row.id) : null;
  }

  /** This desk's numbered tickets from one caller's line (stored form, an extension after '#'), newest change first. */
  byCallerLine(line: string, limit: number): HubTicket[] {
    return this.db
      .prepare<[string, string, number], { doc: string }>(
        `SELECT doc FROM hub_tickets WHERE json_extract(doc, '$.registration.callerNumber') >= ? AND json_extract(doc, '$.registration.callerNumber') < ?
          ORDER BY version DESC LIMIT ?`,
      )
      .all(line, `${line}$`, limit)
      .flatMap((row) => {
        const parsed = hubTicketSchema.safeParse(parseJson(row.doc));
        return parsed.success ? [parsed.data] : [];
      });
  }

  find(ticketId: string): HubTicket | null {
    const row = this.db.prepare<[string], { doc: string }>('SELECT doc FROM hub_tickets WHERE id = ?').get(ticketId);
    if (!row) return null;
    const parsed = hubTicketSchema.safeParse(parseJson(row.doc));
    return parsed.success ? parsed.data : null;
  }

  /**
   * The desk's own record of a transferred ticket stays `transferred` while
   * the department accepts and replies at the hub. Before the operator calls
   * back, the record takes the hub's state (e.g. `replied`) so the callback
   * is a valid step; no outbox entry is written, since the change came from
   * the hub. Returns whether the record changed.
   */
  alignForCallback(ticketId: string): boolean {
    const hub = this.find(ticketId);
    if (!hub) return false;
    return this.db.transaction(() => {
      const row = this.db.prepare<[string], { doc: string }>('SELECT doc FROM tickets WHERE id = ?').get(ticketId);
      if (!row) return false;
      const local = ticketRecordSchema.parse(JSON.parse(row.doc));
      if (canTransition(local.state, 'called_back') || !canTransition(hub.state, 'called_back')) return false;
      const next = ticketRecordSchema.parse({ ...local, state: hub.state });
      this.db.prepare('UPDATE tickets SET state = ?, doc = ? WHERE id = ?').run(next.state, JSON.stringify(next), ticketId);
      return true;
    })();
  }

  /**
   * A ticket the department returned (退回), picked up to re-dispatch or answer: the desk's record, still
   * `transferred` here, takes the hub's `returned` so that either is a valid step (nothing is queued: the
   * change came from the hub). Refused while this desk still has a change of it queued, or when the hub's
   * copy is no longer returned (re-dispatched already).
   */
  takeUpReturned(ticketId: string): TicketRecord {
    return this.db.transaction(() => {
      const row = this.db.prepare<[string], { doc: string }>('SELECT doc FROM tickets WHERE id = ?').get(ticketId);
      if (!row) throw new DeskFailure('NOT_FOUND', `no ticket ${ticketId} at this desk`);
      const local = ticketRecordSchema.parse(JSON.parse(row.doc));
      if (local.state === 'returned') return local;
      if (this.find(ticketId)?.state !== 'returned') throw new DeskFailure('CONFLICT', `ticket ${ticketId} is not returned at the hub`);
      if (this.db.prepare('SELECT 1 FROM outbox WHERE ticket_id = ?').get(ticketId)) throw new DeskFailure('CONFLICT', `ticket ${ticketId} has a change still queued`);
      if (!canTransition(local.state, 'returned')) throw new DeskFailure('CONFLICT', `ticket ${ticketId} is ${local.state} here`);
      const next = ticketRecordSchema.parse({ ...local, state: 'returned' });
      this.db.prepare('UPDATE tickets SET state = ?, doc = ? WHERE id = ?').run(next.state, JSON.stringify(next), ticketId);
      return next;
    })();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
