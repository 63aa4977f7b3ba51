/**
 * A caller rings about a ticket they already have: the desk finds it by its
 * number, and a supplement (补充) or an urge (催办) pushed from any desk reaches
 * the department's inbox, the ticket's trail and the supervisors' statistics.
 * A real hub on a throw-away PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { HubTicket, TicketEvent } from '../../shared/hub/hub-ticket';
import type { TicketStats } from '../../shared/hub/stats';
import type { PushResponse } from '../../shared/hub/sync';
import { changeOp, registerOp, sampleTransfer, signIn } from './support/hub-harness';
import { postgresHubSuite } from './support/hub-suite';

const hub = postgresHubSuite();

const outcomes = (body: PushResponse): string[] => body.outcomes.map((o) => (o.outcome === 'rejected' ? o.reason : o.outcome));

describe('supplements and urges on an existing ticket', () => {
  it('found by number from another desk, supplemented and urged there; the department sees both, the trail records them, statistics count the urges', async () => {
    const started = new Date(Date.now() - 60_000).toISOString();
    const a = await signIn(hub.running.url, 'op01', 'follow-desk-a');
    const reg = registerOp(1, 'op01', { description: '小区门口餐馆油烟扰民，晚上十点后还在炒菜' });
    const pushA = await hub.call<PushResponse>('POST', '/v1/sync/push', { deskId: 'follow-desk-a', operations: [reg, changeOp(2, 'op01', 'ticket.transfer', reg.ticketId, sampleTransfer)] }, a.token);
    expect(outcomes(pushA.body)).toEqual(['accepted', 'accepted']);
    const number = pushA.body.outcomes[0]?.outcome === 'accepted' ? pushA.body.outcomes[0].ticketNumber : null;
    expect(number).toMatch(/^\d{8}-\d{6}$/);

    const b = await signIn(hub.running.url, 'op02', 'follow-desk-b');
    const found = await hub.call<HubTicket>('GET', `/v1/ticket-numbers/${String(number)}`, undefined, b.token);
    expect(found).toMatchObject({ status: 200, body: { id: reg.ticketId, state: 'transferred', supplements: [], urgeCount: 0 } });
    expect((await hub.call('GET', '/v1/ticket-numbers/20001231-999999', undefined, b.token)).status).toBe(404);
    expect((await hub.call('GET', '/v1/ticket-numbers/not-a-number', undefined, b.token)).status).toBe(400);

    const pushB = await hub.call<PushResponse>(
      'POST',
      '/v1/sync/push',
      {
        deskId: 'follow-desk-b',
        operations: [
          changeOp(1, 'op02', 'ticket.supplement', reg.ticketId, { text: '油烟管道直接对着三楼窗户。' }),
          changeOp(2, 'op02', 'ticket.urge', reg.ticketId, { note: '已经一周没人来看' }),
          changeOp(3, 'op02', 'ticket.urge', reg.ticketId, { note: '' }),
        ],
      },
      b.token,
    );
    expect(outcomes(pushB.body)).toEqual(['accepted', 'accepted', 'accepted']);

    const dept = await signIn(hub.running.url, 'dept-urban');
    const inbox = await hub.call<HubTicket[]>('GET', '/v1/department/inbox?limit=500', undefined, dept.token);
    const mine = inbox.body.find((t) => t.id === reg.ticketId);
    expect(mine).toMatchObject({ urgeCount: 2, supplements: [{ text: '油烟管道直接对着三楼窗户。', author: 'op02' }] });
    // Another department's inbox does not list it.
    const other = await signIn(hub.running.url, 'dept-hrss');
    expect((await hub.call<HubTicket[]>('GET', '/v1/department/inbox?limit=500', undefined, other.token)).body.some((t) => t.id === reg.ticketId)).toBe(false);

    const events = await hub.call<TicketEvent[]>('GET', `/v1/tickets/${reg.ticketId}/events`, undefined, b.token);
    expect(events.body.map((e) => e.kind)).toEqual(['ticket.register', 'ticket.transfer', 'ticket.supplement', 'ticket.urge', 'ticket.urge']);

    // The registering desk learns of them through its pull (the change bumps the ticket's version).
    const pulled = await hub.call<{ changes: { type: string; ticket?: HubTicket }[] }>('GET', '/v1/sync/pull?cursor=0&limit=1000', undefined, a.token);
    expect(pulled.body.changes.find((c) => c.ticket?.id === reg.ticketId)?.ticket).toMatchObject({ urgeCount: 2 });

    const supervisor = await signIn(hub.running.url, 'sup01');
    const stats = await hub.call<TicketStats>('GET', `/v1/stats/tickets?${new URLSearchParams({ from: started, to: new Date(Date.now() + 60_000).toISOString() }).toString()}`, undefined, supervisor.token);
    expect(stats.body.urges.find((u) => u.department === 'city-urban')).toMatchObject({ urges: 2, tickets: 1 });
    expect(stats.body.urges.some((u) => u.department === 'city-hrss')).toBe(false);
  });

  it('a department account cannot push supplements or urges (it has no desk queue)', async () => {
    const dept = await signIn(hub.running.url, 'dept-urban');
    const reg = registerOp(1, 'op01');
    const reply = await hub.call('POST', '/v1/sync/push', { deskId: 'x', operations: [changeOp(1, 'dept-urban', 'ticket.urge', reg.ticketId, { note: '' })] }, dept.token);
    expect(reply.status).toBe(403);
  });
});
