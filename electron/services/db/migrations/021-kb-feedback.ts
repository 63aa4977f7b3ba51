import type { Migration } from '../migration';

export const migration021: Migration = {
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
};
