import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HubTicket } from '../../../shared/hub/hub-ticket';
import { sampleHubTicket } from '../../../test/support/sample-hub-ticket';
import { tempDir } from '../../../test/support/temp-dir';
import type { DeskDatabase } from '../db/database';
import { closeDatabase, openDatabase } from '../db/database';
import { TicketStore } from '../tickets/ticket-store';
import { HubTicketReplica } from './hub-ticket-replica';

function setUp(): { db: DeskDatabase; replica: HubTicketReplica; store: TicketStore; close: () => void } {
  const db = openDatabase(path.join(tempDir(), 'desk.sqlite3'));
  return { db, replica: new HubTicketReplica(db), store: new TicketStore(db), close: () => { closeDatabase(db); } };
}

/** As the pull writes it (HubSyncPort). */
function save(db: DeskDatabase, ticket: HubTicket): void {
  db.prepare(
    `INSERT INTO hub_tickets (id, number, state, doc, version, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET number = excluded.number, state = excluded.state, doc = excluded.doc, version = excluded.version, updated_at = excluded.updated_at`,
  ).run(ticket.id, ticket.number, ticket.state, JSON.stringify(ticket), ticket.version, ticket.updatedAt);
}

const reply = { text: '已责令商户将货架移回店内。', solved: true, department: 'city-urban', at: '2026-11-22T03:00:00.000Z' };

describe('hub ticket replica', () => {
  it('finds a caller’s tickets through the caller-number index, not by reading the whole table', () => {
    const { db, replica, close } = setUp();
    const mine = sampleHubTicket({ number: '20261122-000007', version: 2 });
    save(db, mine);
    const line = mine.registration.callerNumber;
    expect(replica.byCallerLine(line, 5).map((t) => t.number)).toEqual(['20261122-000007']);
    const plan = db
      .prepare<[string, string], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT doc FROM hub_tickets WHERE json_extract(doc, '$.registration.callerNumber') >= ? AND json_extract(doc, '$.registration.callerNumber') < ? ORDER BY version DESC`,
      )
      .all(line, `${line}$`)
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('hub_tickets_caller_number');
    close();
  });

  it('lists the most recently changed first, up to the limit, and leaves out a damaged row', () => {
    const { db, replica, close } = setUp();
    const a = sampleHubTicket({ number: '20261122-000001', version: 3 });
    const b = sampleHubTicket({ number: '20261122-000002', version: 9, state: 'replied', reply });
    const c = sampleHubTicket({ number: '20261122-000003', version: 5, state: 'returned', returnReason: '不属于本部门职责' });
    for (const t of [a, b, c]) save(db, t);
    expect(replica.list(10).map((t) => t.number)).toEqual(['20261122-000002', '20261122-000003', '20261122-000001']);
    expect(replica.list(2)).toHaveLength(2);
    expect(replica.list(10)[0]).toEqual(b);

    db.prepare('UPDATE hub_tickets SET doc = ? WHERE id = ?').run(JSON.stringify({ id: c.id, number: 'x' }), c.id);
    expect(replica.list(10).map((t) => t.number)).toEqual(['20261122-000002', '20261122-000001']);
    expect(replica.find(c.id)).toBeNull();
    expect(replica.find(a.id)).toEqual(a);
    close();
  });

  it('lets a callback follow the department’s reply: the desk’s transferred record takes the hub’s state, without an outbox entry', () => {
    const { db, replica, store, close } = setUp();
    const hub = sampleHubTicket({ state: 'replied', reply, version: 4 });
    store.register(hub.registration, { author: 'op01', trainee: false });
    store.transfer(hub.id, { ...hub.transfer!, co: [] });
    // Not at the hub yet: nothing to align, and the callback is refused as before.
    expect(replica.alignForCallback(hub.id)).toBe(false);
    expect(() => store.recordCallback(hub.id, { solved: true, satisfaction: 'satisfied', comments: '' })).toThrow(/cannot become called_back/);

    save(db, hub);
    const before = store.outbox().length;
    expect(replica.alignForCallback(hub.id)).toBe(true);
    expect(store.find(hub.id)?.state).toBe('replied');
    expect(store.outbox()).toHaveLength(before);
    expect(replica.alignForCallback(hub.id)).toBe(false);
    expect(store.recordCallback(hub.id, { solved: true, satisfaction: 'satisfied', comments: '来电人满意' }).state).toBe('called_back');
    close();
  });

  it('leaves the record alone while the hub has no answer to call back about', () => {
    const { db, replica, store, close } = setUp();
    const hub = sampleHubTicket({ state: 'accepted', version: 2 });
    store.register(hub.registration, { author: 'op01', trainee: false });
    store.transfer(hub.id, { ...hub.transfer!, co: [] });
    save(db, hub);
    expect(replica.alignForCallback(hub.id)).toBe(false);
    expect(store.find(hub.id)?.state).toBe('transferred');
    expect(replica.alignForCallback('0190e0a0-0000-7000-8000-000000000000')).toBe(false);
    close();
  });

  it('takes up a returned ticket: the record becomes returned, the re-dispatch needs another lead and a reason, and it is queued', () => {
    const { db, replica, store, close } = setUp();
    const hub = sampleHubTicket({ state: 'returned', returnReason: '不属于本部门职责', version: 5 });
    store.register(hub.registration, { author: 'op01', trainee: false });
    store.transfer(hub.id, { ...hub.transfer!, co: [] });
    save(db, hub);
    // The transfer is still queued: the hub has not seen it, so there is nothing to take up yet.
    expect(() => replica.takeUpReturned(hub.id)).toThrow(/still queued/);
    db.prepare('DELETE FROM outbox').run();

    expect(replica.takeUpReturned(hub.id).state).toBe('returned');
    expect(store.outbox()).toHaveLength(0);
    const again = { ...hub.transfer!, co: [], lead: 'city-housing' };
    expect(() => store.transfer(hub.id, again)).toThrow(/another lead and a reason/);
    const sameLead = ((): unknown => {
      try {
        return store.transfer(hub.id, { ...hub.transfer!, co: [], redispatchReason: '物业管理问题，属住建局' });
      } catch (error) {
        return error;
      }
    })();
    expect(sameLead).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'transfer.lead', code: 'REDISPATCH_SAME_LEAD' }] });
    expect(store.find(hub.id)?.state).toBe('returned');

    const sent = store.transfer(hub.id, { ...again, redispatchReason: '物业管理问题，属住建局' });
    expect(sent.state).toBe('transferred');
    expect(store.outbox().map((e) => [e.kind, (e.payload as { lead: string; redispatchReason: string }).lead, (e.payload as { redispatchReason: string }).redispatchReason])).toEqual([
      ['ticket.transfer', 'city-housing', '物业管理问题，属住建局'],
    ]);
    close();
  });

  it('refuses to take up a ticket the hub does not hold as returned', () => {
    const { db, replica, store, close } = setUp();
    const hub = sampleHubTicket({ state: 'transferred', version: 3 });
    store.register(hub.registration, { author: 'op01', trainee: false });
    store.transfer(hub.id, { ...hub.transfer!, co: [] });
    db.prepare('DELETE FROM outbox').run();
    save(db, hub);
    expect(() => replica.takeUpReturned(hub.id)).toThrow(/not returned at the hub/);
    expect(store.find(hub.id)?.state).toBe('transferred');
    close();
  });
});
