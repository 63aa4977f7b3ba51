import type { Migration } from '../migration';

/**
 * Caller history on the ring reads this desk's copy of the hub's tickets by
 * the caller's stored number (HubTicketReplica.byCallerLine). Migration 90
 * indexed the desk's own tickets only, so on a large desk file every ring read
 * the whole `hub_tickets` table.
 */
export const migration100: Migration = {
  version: 100,
  name: 'hub ticket caller index',
  up(db) {
    db.exec(`CREATE INDEX hub_tickets_caller_number ON hub_tickets (json_extract(doc, '$.registration.callerNumber'));`);
  },
};
