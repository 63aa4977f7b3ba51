import type { Migration } from '../migration';

export const migration060: Migration = {
  version: 60,
  name: 'hub ticket replica and sync cursor',
  up(db) {
    db.exec(`
      -- Tickets as the hub last sent them (department replies, review decisions, numbers). Kept apart from
      -- the desk's own records and outbox, so a re-sync never touches work that is not yet sent.
      CREATE TABLE hub_tickets (
        id         TEXT PRIMARY KEY,
        number     TEXT NOT NULL,
        state      TEXT NOT NULL,
        doc        TEXT NOT NULL CHECK (json_valid(doc)),
        version    INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE sync_cursor (
        hub_url TEXT PRIMARY KEY,
        cursor  INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
