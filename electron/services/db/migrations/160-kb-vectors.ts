import type { Migration } from '../migration';

/**
 * Article vectors of the optional semantic model (kb/semantic): one row per article, for the model it was
 * computed with (`model_key`, a hash of the model files) and the article text it was computed from
 * (`text_hash`), so a restart reuses them and only new or edited articles, or a new model, are computed again.
 * Derived data: losing the table costs a recomputation, nothing else.
 */
export const migration160: Migration = {
  version: 160,
  name: 'knowledge article vectors',
  up(db) {
    db.exec(`
      CREATE TABLE kb_vectors (
        article_id TEXT PRIMARY KEY,
        model_key  TEXT NOT NULL,
        text_hash  TEXT NOT NULL,
        vector     BLOB NOT NULL
      ) STRICT;
    `);
  },
};
