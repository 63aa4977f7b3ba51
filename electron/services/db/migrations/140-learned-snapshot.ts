import type { Migration } from '../migration';

/**
 * The newest learned snapshot the hub shipped (dispatch model and knowledge expansions), kept so the desk uses it
 * again after a restart and through an outage; one row, replaced only by a newer version that passed its checks.
 */
export const migration140: Migration = {
  version: 140,
  name: 'learned snapshot',
  up(db) {
    db.exec(`
      CREATE TABLE learned_snapshot (
        singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
        version     INTEGER NOT NULL,
        doc         TEXT NOT NULL CHECK (json_valid(doc)),
        received_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
