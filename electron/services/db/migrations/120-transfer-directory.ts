import type { Migration } from '../migration';

/** The desk's copy of the hub's transfer directory (departments' lines and experts with numbers), like the responsibility list's. */
export const migration120: Migration = {
  version: 120,
  name: 'transfer directory replica',
  up(db) {
    db.exec(`
      CREATE TABLE transfer_directory (
        id   TEXT PRIMARY KEY,
        doc  TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
      -- One row: which hub change version the replica holds and where it came from (seed or hub).
      CREATE TABLE transfer_directory_state (
        singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
        version    INTEGER NOT NULL,
        source     TEXT NOT NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
    `);
  },
};
