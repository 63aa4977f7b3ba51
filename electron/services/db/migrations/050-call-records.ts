import type { Migration } from '../migration';

/** The phone's tables (versions 50..59 belong to the phone). */
export const migration050: Migration = {
  version: 50,
  name: 'call records',
  up(db) {
    db.exec(`
      CREATE TABLE call_records (
        id              INTEGER PRIMARY KEY,
        call_id         TEXT NOT NULL UNIQUE,
        direction       TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        remote_number   TEXT NOT NULL,
        remote_name     TEXT,
        started_at      TEXT NOT NULL,
        answered_at     TEXT,
        ended_at        TEXT NOT NULL,
        outcome         TEXT NOT NULL CHECK (outcome IN ('answered', 'missed', 'rejected', 'cancelled', 'failed', 'transferred')),
        ended_by        TEXT CHECK (ended_by IN ('local', 'remote')),
        transfer_target TEXT,
        ticket_id       TEXT
      ) STRICT;
      CREATE INDEX call_records_started ON call_records (started_at);
      CREATE INDEX call_records_remote ON call_records (remote_number, started_at);
    `);
  },
};
