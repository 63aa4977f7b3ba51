import type { Migration } from '../migration';

export const migration010: Migration = {
  version: 10,
  name: 'app state key-value store',
  up(db) {
    db.exec(`
      CREATE TABLE app_state (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
    `);
  },
};
