import type Database from 'better-sqlite3';
import { phoneMigrations } from '../phone/migrations';
import { practiceSyncMigrations } from '../training/migrations';
import { ticketActivityMigrations } from '../tickets/activity-migrations';

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
  {
    version: 20,
    name: 'knowledge base replica',
    up(db) {
      db.exec(`
        -- The hub's articles as last pulled (or the shipped seed); the search index is built from here.
        CREATE TABLE kb_articles (
          id         TEXT PRIMARY KEY,
          doc        TEXT NOT NULL CHECK (json_valid(doc)),
          status     TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE kb_replica_state (
          singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
          version    INTEGER NOT NULL,
          source     TEXT NOT NULL,
          synonyms   TEXT CHECK (synonyms IS NULL OR json_valid(synonyms)),
          updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        ) STRICT;
      `);
    },
  },
  {
    version: 21,
    name: 'operators\' feedback on knowledge articles',
    up(db) {
      db.exec(`
        -- Waits here until the sync engine hands it to the hub for the KB editors (sent_at set then).
        CREATE TABLE kb_feedback (
          id         INTEGER PRIMARY KEY AUTOINCREMENT,
          article_id TEXT NOT NULL,
          verdict    TEXT NOT NULL CHECK (verdict IN ('helpful', 'outdated', 'wrong')),
          comment    TEXT NOT NULL,
          author     TEXT NOT NULL,
          created_at TEXT NOT NULL,
          sent_at    TEXT
        ) STRICT;
      `);
    },
  },
  {
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
  },
  {
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
  },
  {
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
  },
  ...phoneMigrations,
  {
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
  },
  {
    version: 70,
    name: 'practice results of trainees (实训记录)',
    up(db) {
      db.exec(`
        -- Scored practice calls, kept on the desk only: practice never makes a ticket or an outbox entry.
        CREATE TABLE practice_results (
          id             INTEGER PRIMARY KEY,
          trainee        TEXT NOT NULL,
          scenario_id    TEXT NOT NULL,
          scenario_title TEXT NOT NULL,
          score          INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
          right_items    INTEGER NOT NULL,
          total_items    INTEGER NOT NULL,
          items          TEXT NOT NULL CHECK (json_valid(items)),
          started_at     TEXT NOT NULL,
          finished_at    TEXT NOT NULL
        ) STRICT;
        CREATE INDEX practice_results_trainee ON practice_results (trainee, finished_at);
      `);
    },
  },
  ...practiceSyncMigrations,
  ...ticketActivityMigrations,
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
