import type { Migration } from '../migration';

/**
 * The hub's last answer about a caller, kept per operator account and
 * caller line, so the screen pop can show every desk's tickets of the caller
 * (as that operator may see them) when the hub is slow or down on the ring.
 */
export const migration130: Migration = {
  version: 130,
  name: 'caller history cache',
  up(db) {
    db.exec(`
      CREATE TABLE caller_history_cache (
        account    TEXT NOT NULL,
        line       TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        doc        TEXT NOT NULL,
        PRIMARY KEY (account, line)
      );
      CREATE INDEX caller_history_cache_fetched ON caller_history_cache (fetched_at);
    `);
  },
};
