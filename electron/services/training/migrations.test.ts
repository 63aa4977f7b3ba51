import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { practiceResultPayloadSchema } from '../../../shared/hub/practice';
import { sampleRegistration } from '../../../test/support/sample-ticket';
import { tempDir } from '../../../test/support/temp-dir';
import { closeDatabase, openDatabase } from '../db/database';
import { migrations } from '../db/migrations';

/** A desk that kept practice results and tickets before they were queued and logged: the upgrade catches up. */
describe('upgrading a desk database from version 70', () => {
  it('gives earlier practice results an id and queues them, and logs earlier tickets’ activity', () => {
    const file = path.join(tempDir(), 'desk.sqlite3');
    const old = openDatabase(file, migrations.filter((m) => m.version <= 70));
    old
      .prepare(
        `INSERT INTO practice_results (trainee, scenario_id, scenario_title, score, right_items, total_items, items, started_at, finished_at)
         VALUES ('trainee01', 'S-01', '临街饭店油烟扰民', 80, 4, 5, '[]', '2026-11-20T01:00:00.000Z', '2026-11-20T01:02:00.000Z')`,
      )
      .run();
    const registration = sampleRegistration();
    const doc = { id: registration.id, state: 'answered', registration, answer: { articleId: null, answer: '已答复' }, transfer: null, callback: null, author: 'op01', trainee: false, review: 'not_required' };
    old.prepare("INSERT INTO tickets (id, state, doc, created_at, updated_at) VALUES (?, 'answered', ?, '2026-11-20T01:10:00.000Z', '2026-11-20T01:12:00.000Z')").run(registration.id, JSON.stringify(doc));
    closeDatabase(old);

    const db = openDatabase(file);
    const result = db.prepare<[], { client_id: string }>('SELECT client_id FROM practice_results').get();
    const queued = db.prepare<[], { kind: string; author: string; ticket_id: string; payload: string; created_at: string }>('SELECT kind, author, ticket_id, payload, created_at FROM outbox').all();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ kind: 'practice.result', author: 'trainee01', ticket_id: result?.client_id, created_at: '2026-11-20T01:02:00.000Z' });
    expect(practiceResultPayloadSchema.parse(JSON.parse(queued[0]!.payload))).toMatchObject({ id: result?.client_id, score: 80, right: 4, total: 5, items: [] });
    expect(db.prepare('SELECT kind, ticket_id, at FROM ticket_activity ORDER BY at').all()).toEqual([
      { kind: 'ticket.register', ticket_id: registration.id, at: '2026-11-20T01:10:00.000Z' },
      { kind: 'ticket.answer', ticket_id: registration.id, at: '2026-11-20T01:12:00.000Z' },
    ]);
    closeDatabase(db);
  });
});
