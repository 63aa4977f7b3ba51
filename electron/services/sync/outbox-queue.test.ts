import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TicketRegistration } from '../../../shared/tickets/ticket';
import { tempDir } from '../../../test/support/temp-dir';
import { closeDatabase, openDatabase } from '../db/database';
import { TicketStore } from '../tickets/ticket-store';
import { sampleRegistration } from '../../../test/support/sample-ticket';
import { OutboxQueue } from './outbox-queue';

const registration = (description: string): TicketRegistration => sampleRegistration({ description });

function setUp(): { queue: OutboxQueue; store: TicketStore; file: string; close: () => void } {
  const file = path.join(tempDir(), 'desk.sqlite3');
  const db = openDatabase(file);
  let clock = Date.parse('2026-11-22T00:00:00Z');
  const now = (): Date => new Date((clock += 1_000));
  return { queue: new OutboxQueue(db, now), store: new TicketStore(db, now), file, close: () => { closeDatabase(db); } };
}

describe('outbox queue', () => {
  it('hands out entries in sequence order with their authors, and summarises what waits', () => {
    const { queue, store, close } = setUp();
    store.register(registration('第一张工单的诉求内容'), { author: 'A-017', trainee: false });
    store.register(registration('第二张工单的诉求内容'), { author: 'B-002', trainee: false });
    const entries = queue.peek(10);
    expect(entries.map((e) => [e.seq, e.author, e.kind])).toEqual([
      [1, 'A-017', 'ticket.register'],
      [2, 'B-002', 'ticket.register'],
    ]);
    expect(queue.summary()).toEqual({ pending: 2, oldestPendingAt: entries[0]!.createdAt, needsAttention: 0 });
    expect(queue.peek(1)).toHaveLength(1);
    close();
  });

  it('removes answered entries, keeps refused ones for the operator, and never blocks the rest', () => {
    const { queue, store, close } = setUp();
    for (let i = 0; i < 3; i++) store.register(registration(`第 ${i} 张工单的诉求内容`), { author: 'A-017', trainee: false });
    queue.record([
      { seq: 1, outcome: 'accepted' },
      { seq: 2, outcome: 'rejected', reason: 'category 不在职责清单中' },
    ]);
    expect(queue.peek(10).map((e) => e.seq)).toEqual([3]);
    expect(queue.rejected()).toMatchObject([{ seq: 2, author: 'A-017', reason: 'category 不在职责清单中', kind: 'ticket.register' }]);
    expect(queue.summary()).toMatchObject({ pending: 1, needsAttention: 1 });
    // The same answers arriving again (a retried response) change nothing.
    queue.record([{ seq: 1, outcome: 'duplicate' }, { seq: 2, outcome: 'rejected', reason: 'again' }]);
    expect(queue.rejected()).toHaveLength(1);
    expect(queue.summary()).toMatchObject({ pending: 1, needsAttention: 1 });
    close();
  });

  it('keeps a refusal as the hub’s code with its facts, not its message, and reads back rows stored as sentences before the codes', () => {
    const { queue, store, file, close } = setUp();
    for (let i = 0; i < 3; i++) store.register(registration(`第 ${i} 张工单的诉求内容`), { author: 'A-017', trainee: false });
    const [first] = queue.peek(1);
    queue.record([
      { seq: 1, outcome: 'rejected', reason: 'WRONG_STATE', message: 'ticket.callback not allowed from state closed', subject: first!.ticketId, state: 'closed' },
      { seq: 2, outcome: 'rejected', reason: 'INVALID_ENTRY', message: 'invalid entry', issues: [{ path: 'payload.description', message: 'Too small', code: 'DESCRIPTION_TOO_SHORT', params: { min: 5 } }] },
    ]);
    close();
    // A row an older desk stored: the hub's sentence in place of a code, no details.
    const db = openDatabase(file);
    db.prepare(
      `INSERT INTO outbox_rejected (seq, op_id, author, kind, ticket_id, payload, created_at, reason, rejected_at)
       SELECT seq, op_id, author, kind, ticket_id, payload, created_at, '工单已办结，不能进行此操作', created_at FROM outbox WHERE seq = 3`,
    ).run();
    db.prepare('DELETE FROM outbox WHERE seq = 3').run();
    const rejected = new OutboxQueue(db).rejected();
    expect(rejected.map(({ seq, reason, details }) => ({ seq, reason, details }))).toEqual([
      { seq: 1, reason: 'WRONG_STATE', details: { subject: first!.ticketId, state: 'closed' } },
      { seq: 2, reason: 'INVALID_ENTRY', details: { issues: [{ path: 'payload.description', message: 'Too small', code: 'DESCRIPTION_TOO_SHORT', params: { min: 5 } }] } },
      { seq: 3, reason: '工单已办结，不能进行此操作', details: undefined },
    ]);
    closeDatabase(db);
  });

  it('never reuses a sequence number, even after the queue was emptied and the desk restarted', () => {
    const first = setUp();
    first.store.register(registration('第一张工单的诉求内容'), { author: 'A-017', trainee: false });
    first.queue.record([{ seq: 1, outcome: 'accepted' }]);
    first.close();
    const db = openDatabase(first.file);
    const store = new TicketStore(db);
    store.register(registration('重启后登记的工单内容'), { author: 'A-017', trainee: false });
    expect(new OutboxQueue(db).peek(10).map((e) => e.seq)).toEqual([2]);
    closeDatabase(db);
  });
});
