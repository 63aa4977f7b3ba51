import type { Migration } from '../migration';

export const migration020: Migration = {
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
};
