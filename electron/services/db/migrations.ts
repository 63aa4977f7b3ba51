import type Database from 'better-sqlite3';
import { phoneMigrations } from '../phone/migrations';

/**
 * Numbered migrations, applied in order, each in its own transaction, with the
 * schema version kept in `PRAGMA user_version`. Numbers go in steps of 10 so a
 * fix can be slotted between two released ones. Never edit a released
 * migration: add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const migrations: readonly Migration[] = [
  {
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
  },
  ...phoneMigrations,
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
