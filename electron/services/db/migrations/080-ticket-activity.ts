import type { Migration } from '../migration';

/**
 * What this desk did to its tickets and when (register, answer, transfer,
 * callback), for the outgoing operator's shift summary. The outbox cannot
 * tell: its entries are deleted once the hub has them, and a ticket's row
 * keeps only its latest change time.
 */
export const migration080: Migration = {
  version: 80,
  name: 'ticket activity log',
  up(db) {
    db.exec(`
      CREATE TABLE ticket_activity (
        id        INTEGER PRIMARY KEY,
        kind      TEXT NOT NULL,
        ticket_id TEXT NOT NULL,
        at        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ticket_activity_at ON ticket_activity (at);
      -- Tickets from before this version: the registration at its time, the latest change at the row's time.
      INSERT INTO ticket_activity (kind, ticket_id, at) SELECT 'ticket.register', id, created_at FROM tickets;
      INSERT INTO ticket_activity (kind, ticket_id, at)
        SELECT CASE
                 WHEN json_extract(doc, '$.callback') IS NOT NULL THEN 'ticket.callback'
                 WHEN json_extract(doc, '$.answer') IS NOT NULL THEN 'ticket.answer'
                 WHEN json_extract(doc, '$.transfer') IS NOT NULL AND state = 'registered' THEN 'ticket.transfer_for_review'
                 ELSE 'ticket.transfer'
               END, id, updated_at
          FROM tickets WHERE updated_at <> created_at OR state <> 'registered';
    `);
  },
};
