import type { Migration } from '../migration';

export const migration031: Migration = {
  version: 31,
  name: 'local tickets, drafts and the outbox',
  up(db) {
    db.exec(`
      CREATE TABLE tickets (
        id         TEXT PRIMARY KEY,
        state      TEXT NOT NULL,
        doc        TEXT NOT NULL CHECK (json_valid(doc)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX tickets_state ON tickets (state, updated_at);
      CREATE TABLE ticket_drafts (
        draft_key TEXT PRIMARY KEY,
        payload   TEXT NOT NULL CHECK (json_valid(payload)),
        saved_at  TEXT NOT NULL
      ) STRICT;
      -- Written in the same transaction as the ticket change it carries; the sync engine sends rows in seq order.
      CREATE TABLE outbox (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        op_id      TEXT NOT NULL UNIQUE,
        author     TEXT NOT NULL,
        kind       TEXT NOT NULL,
        ticket_id  TEXT NOT NULL,
        payload    TEXT NOT NULL CHECK (json_valid(payload)),
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
