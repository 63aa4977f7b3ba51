import type { Migration } from '../migration';

export const migration030: Migration = {
  version: 30,
  name: 'responsibility list replica (departments, duties)',
  up(db) {
    db.exec(`
      CREATE TABLE dispatch_departments (
        id   TEXT PRIMARY KEY,
        doc  TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
      CREATE TABLE dispatch_duties (
        id   TEXT PRIMARY KEY,
        doc  TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
      -- One row: which list version the replica holds and where it came from (seed or hub).
      CREATE TABLE dispatch_list_state (
        singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
        version    INTEGER NOT NULL,
        source     TEXT NOT NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
    `);
  },
};
