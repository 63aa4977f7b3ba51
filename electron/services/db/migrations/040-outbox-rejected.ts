import type { Migration } from '../migration';

export const migration040: Migration = {
  version: 40,
  name: 'outbox entries the hub refused for good',
  up(db) {
    db.exec(`
      -- Moved here from the outbox in the transaction that records the hub's answer, so a refused entry
      -- never blocks the ones behind it and is never lost: the operator sees it under 需处理.
      CREATE TABLE outbox_rejected (
        seq         INTEGER PRIMARY KEY,
        op_id       TEXT NOT NULL UNIQUE,
        author      TEXT NOT NULL,
        kind        TEXT NOT NULL,
        ticket_id   TEXT NOT NULL,
        payload     TEXT NOT NULL CHECK (json_valid(payload)),
        created_at  TEXT NOT NULL,
        reason      TEXT NOT NULL,
        rejected_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
