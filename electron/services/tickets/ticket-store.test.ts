import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { emptyTicketDraft } from '../../../shared/tickets/ticket-record';
import { closeDatabase, openDatabase } from '../db/database';
import { TicketStore } from './ticket-store';
import { uuidv7 } from '../../../shared/tickets/uuid7';
import { sampleRegistration } from '../../../test/support/sample-ticket';

const registration = sampleRegistration;

const transfer = { lead: 'lanshan-gov', co: ['city-urban'], dutyId: 'D-0001', timeLimitDays: 3, timeLimitReason: null, supervision: 'none' as const, notes: '' };

function openStore(dir: string) {
  const db = openDatabase(path.join(dir, 'desk.sqlite3'));
  return { db, store: new TicketStore(db), close: () => closeDatabase(db) };
}

describe('local ticket store', () => {
  it('writes each ticket change with its outbox operation, in seq order', () => {
    const { store, close } = openStore(tempDir());
    const reg = registration();
    store.register(reg, { author: 'A-017', trainee: false });
    store.transfer(reg.id, transfer);
    const rows = store.outbox();
    expect(rows.map((r) => [r.kind, r.ticketId, r.author])).toEqual([
      ['ticket.register', reg.id, 'A-017'],
      ['ticket.transfer', reg.id, 'A-017'],
    ]);
    expect(rows[1]!.seq).toBeGreaterThan(rows[0]!.seq);
    expect(store.find(reg.id)?.state).toBe('transferred');
    close();
  });

  it('rolls the ticket back when its outbox row cannot be written', () => {
    const { db, store, close } = openStore(tempDir());
    db.exec("CREATE TRIGGER outbox_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    const reg = registration();
    expect(() => store.register(reg, { author: 'A-017', trainee: false })).toThrow(/disk full/);
    expect(store.find(reg.id)).toBeNull();
    db.exec('DROP TRIGGER outbox_full');
    store.register(reg, { author: 'A-017', trainee: false });
    db.exec("CREATE TRIGGER outbox_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    expect(() => store.answer(reg.id, { articleId: 'KB-1', answer: '已答复' })).toThrow(/disk full/);
    expect(store.find(reg.id)?.state).toBe('registered');
    expect(store.outbox()).toHaveLength(1);
    close();
  });

  it('refuses an oversized field and leaves the saved ticket, outbox and draft unchanged', () => {
    const { store, close } = openStore(tempDir());
    const reg = registration();
    const saved = store.register(reg, { author: 'A-017', trainee: false });
    expect(() => store.answer(reg.id, { articleId: null, answer: '答'.repeat(4_001) })).toThrow(/invalid direct answer/);
    expect(() => store.register(registration({ description: '长'.repeat(1_000_000) }), { author: 'A-017', trainee: false })).toThrow(/invalid ticket registration/);
    expect(store.find(reg.id)).toEqual(saved);
    expect(store.outbox()).toHaveLength(1);

    store.saveDraft('current', { ...emptyTicketDraft, description: '第一句' });
    expect(() => store.saveDraft('current', { ...emptyTicketDraft, description: 'x'.repeat(1_000_000) })).toThrow(/invalid ticket draft/);
    expect(store.loadDraft('current')?.draft.description).toBe('第一句');
    close();
  });

  it('keeps a draft across a restart and clears it when the ticket is registered', () => {
    const dir = tempDir();
    const first = openStore(dir);
    first.store.saveDraft('current', { ...emptyTicketDraft, callerName: '李先生', description: '路灯不亮 <script>alert(1)</script> 🌃' });
    first.close();
    const second = openStore(dir);
    expect(second.store.loadDraft('current')?.draft).toMatchObject({ callerName: '李先生', description: '路灯不亮 <script>alert(1)</script> 🌃' });
    second.store.register(registration(), { author: 'A-017', trainee: false, draftKey: 'current' });
    expect(second.store.loadDraft('current')).toBeNull();
    second.close();
  });

  it('holds a trainee transfer for supervisor review instead of sending it', () => {
    const { store, close } = openStore(tempDir());
    const reg = registration();
    store.register(reg, { author: 'T-001', trainee: true });
    const held = store.transfer(reg.id, transfer);
    expect(held.state).toBe('registered');
    expect(held.review).toBe('pending');
    expect(held.transfer?.lead).toBe('lanshan-gov');
    expect(store.outbox().at(-1)?.kind).toBe('ticket.transfer_for_review');
    close();
  });

  it('follows the ticket state machine: answer, then callback; no transfer of an answered ticket', () => {
    const { store, close } = openStore(tempDir());
    const reg = registration();
    store.register(reg, { author: 'A-017', trainee: false });
    store.answer(reg.id, { articleId: 'KB-0001', answer: '按知识库答复' });
    expect(() => store.transfer(reg.id, transfer)).toThrow(/cannot become transferred/);
    const called = store.recordCallback(reg.id, { solved: true, satisfaction: 'satisfied', comments: '' });
    expect(called.state).toBe('called_back');
    expect(called.callback?.satisfaction).toBe('satisfied');
    expect(() => store.answer(uuidv7(), { articleId: null, answer: 'x' })).toThrow(/no ticket/);
    close();
  });

  it('closes (办结) with the callback where the rule allows it, in one transaction; otherwise refuses and writes nothing', () => {
    const { store, close } = openStore(tempDir());
    const pleased = registration();
    const unhappy = registration();
    for (const reg of [pleased, unhappy]) {
      store.register(reg, { author: 'A-017', trainee: false });
      store.answer(reg.id, { articleId: null, answer: '已按政策答复。' });
    }
    const before = store.outbox().length;
    const dissatisfied = { solved: true, satisfaction: 'dissatisfied' as const, comments: '' };
    expect(() => store.recordCallback(unhappy.id, dissatisfied, 'solved_and_satisfied')).toThrow(/does not let this callback close/);
    expect(() => store.recordCallback(unhappy.id, { ...dissatisfied, satisfaction: 'satisfied' }, 'supervisor_only')).toThrow(/does not let this callback close/);
    expect(store.find(unhappy.id)?.state).toBe('answered');
    expect(store.outbox()).toHaveLength(before);
    // Under the lenient rule any callback closes.
    expect(store.recordCallback(unhappy.id, dissatisfied, 'after_callback').state).toBe('closed');

    const closed = store.recordCallback(pleased.id, { solved: true, satisfaction: 'basically_satisfied', comments: '来电人表示认可' }, 'solved_and_satisfied');
    expect(closed.state).toBe('closed');
    expect(closed.callback?.comments).toBe('来电人表示认可');
    expect(store.outbox().filter((e) => e.ticketId === pleased.id).map((e) => e.kind)).toEqual(['ticket.register', 'ticket.answer', 'ticket.callback', 'ticket.close']);
    close();
  });

  it('records 无法联系 through the outbox, keeps the callback due, and refuses a try after the last', () => {
    let now = new Date('2026-12-05T09:00:00.000Z');
    const db = openDatabase(path.join(tempDir(), 'desk.sqlite3'));
    const store = new TicketStore(db, () => now);
    const reg = registration();
    store.register(reg, { author: 'A-017', trainee: false });
    expect(() => store.recordUnreachable(reg.id, '')).toThrow(/no callback is due/);
    store.answer(reg.id, { articleId: null, answer: '已按政策答复。' });
    const once = store.recordUnreachable(reg.id, '无人接听');
    expect(once.state).toBe('answered');
    expect(once.callbackAttempts).toEqual([{ at: '2026-12-05T09:00:00.000Z', note: '无人接听' }]);
    now = new Date('2026-12-06T09:05:00.000Z');
    store.recordUnreachable(reg.id, '');
    now = new Date('2026-12-07T09:10:00.000Z');
    expect(store.recordUnreachable(reg.id, '关机').callbackAttempts).toHaveLength(3);
    expect(() => store.recordUnreachable(reg.id, '')).toThrow(/had its 3 callback tries/);
    const entries = store.outbox().filter((e) => e.kind === 'ticket.callback_unreachable');
    expect(entries.map((e) => e.payload)).toEqual([{ attempt: 1, note: '无人接听' }, { attempt: 2, note: '' }, { attempt: 3, note: '关机' }]);
    expect(store.find(reg.id)?.callbackAttempts).toHaveLength(3);
    // The caller rang back in the end: the callback is still recorded.
    expect(store.recordCallback(reg.id, { solved: true, satisfaction: 'satisfied', comments: '' }).state).toBe('called_back');
    expect(() => store.recordUnreachable(reg.id, '')).toThrow(/no callback is due/);
    closeDatabase(db);
  });
});
