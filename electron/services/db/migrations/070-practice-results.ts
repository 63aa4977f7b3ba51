import type { Migration } from '../migration';

export const migration070: Migration = {
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
};
