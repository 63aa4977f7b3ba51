import type { Migration } from '../migration';
import { uuidv7 } from '../../../../shared/tickets/uuid7';
import { OutboxQueue } from '../../sync/outbox-queue';

/**
 * Practice results go to the hub for the supervisors' placement record
 * (实习档案). Each gets an id made here, the idempotency key of its
 * `practice.result` outbox entry; results kept before this version are given
 * one and queued too, so the record at the hub starts complete.
 */
export const migration071: Migration = {
  version: 71,
  name: 'practice results carry an id and are queued for the hub',
  up(db) {
    db.exec('ALTER TABLE practice_results ADD COLUMN client_id TEXT');
    const rows = db
      .prepare<[], { id: number; trainee: string; scenario_id: string; scenario_title: string; score: number; right_items: number; total_items: number; items: string; started_at: string; finished_at: string }>(
        'SELECT * FROM practice_results ORDER BY id',
      )
      .all();
    const setId = db.prepare('UPDATE practice_results SET client_id = ? WHERE id = ?');
    for (const row of rows) {
      const clientId = uuidv7(Date.parse(row.finished_at) || Date.now());
      setId.run(clientId, row.id);
      const payload = {
        id: clientId,
        scenarioId: row.scenario_id,
        scenarioTitle: row.scenario_title,
        score: row.score,
        right: row.right_items,
        total: row.total_items,
        items: JSON.parse(row.items) as unknown,
        startedAt: row.started_at,
        finishedAt: row.finished_at,
      };
      OutboxQueue.append(db, { author: row.trainee, kind: 'practice.result', ticketId: clientId, payload, createdAt: row.finished_at });
    }
    db.exec('CREATE UNIQUE INDEX practice_results_client_id ON practice_results (client_id)');
  },
};
