import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invokeDeskMethod } from '../../../shared/desk-handlers';
import type { DeskHandlers } from '../../../shared/desk-handlers';
import { ticketTimelineSchema } from '../../../shared/tickets/existing-tickets';
import { tempDir } from '../../../test/support/temp-dir';
import { sampleHubTicket } from '../../../test/support/sample-hub-ticket';
import { sampleRegistration } from '../../../test/support/sample-ticket';
import { DeskServices } from '../desk-services';
import { createLogger } from '../logger';

/**
 * Existing tickets at a desk that is not signed in to the hub: found from what the desk holds (the hub's copies
 * of its tickets, and tickets still queued), the timeline from the last known copy plus the queue, and
 * supplements and urges queued in the outbox under the operator. A real SQLite file behind the DeskApi.
 */
let services: DeskServices;
let handlers: DeskHandlers;
const log = { warn: () => undefined, error: () => undefined };

beforeEach(() => {
  const dir = tempDir();
  services = new DeskServices({ dataDir: path.join(dir, 'data'), resourcesDir: path.resolve(import.meta.dirname, '../../../resources'), host: 'web', version: 'test', logger: createLogger({ level: 'silent' }) });
  handlers = services.handlers({ setKnowledgePaneDetached: () => ({ detached: false }) });
});
afterEach(() => {
  services.close();
});

function keepHubCopy(ticket: ReturnType<typeof sampleHubTicket>): void {
  services.db
    .prepare('INSERT INTO hub_tickets (id, number, state, doc, version, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(ticket.id, ticket.number, ticket.state, JSON.stringify(ticket), ticket.version, ticket.updatedAt);
}

describe('existing tickets offline', () => {
  it('finds by ticket number and by caller number in any written form, says the hub was not asked, and lists queued tickets apart', async () => {
    const returned = sampleHubTicket({ number: '20261122-000042', state: 'returned', returnReason: '不属于本单位职责，应由属地街道处理', version: 7 }, { callerNumber: '13812345678' });
    keepHubCopy(returned);
    const queued = await invokeDeskMethod(handlers, 'registerTicket', { registration: sampleRegistration({ callerNumber: '13812345678' }), trainee: false }, log);
    expect(queued.ok).toBe(true);

    const byNumber = await invokeDeskMethod(handlers, 'findTickets', { query: ' 20261122-000042 ' }, log);
    expect(byNumber).toMatchObject({ ok: true, value: { by: 'number', hub: 'signed_out', tickets: [{ id: returned.id, state: 'returned' }], unsent: [] } });

    const byCaller = await invokeDeskMethod(handlers, 'findTickets', { query: '+86 138-1234-5678' }, log);
    expect(byCaller).toMatchObject({ ok: true, value: { by: 'caller', tickets: [{ id: returned.id }], unsent: [{ state: 'registered' }] } });

    expect(await invokeDeskMethod(handlers, 'findTickets', { query: '20261122-000043' }, log)).toMatchObject({ ok: true, value: { tickets: [] } });
    // 关联工单 by number: this desk's copy answers without the hub; another number needs the hub, which is not signed in.
    expect(await invokeDeskMethod(handlers, 'resolveTicketNumber', { number: '20261122-000042' }, log)).toEqual({ ok: true, value: { id: returned.id, number: '20261122-000042' } });
    expect(await invokeDeskMethod(handlers, 'resolveTicketNumber', { number: '20261122-000043' }, log)).toMatchObject({ ok: false, error: { code: 'HUB_UNAUTHENTICATED' } });
    const nonsense = await invokeDeskMethod(handlers, 'findTickets', { query: '油烟' }, log);
    expect(nonsense).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'query' }] } });
  });

  it('queues a supplement and an urge through the outbox, refuses an empty supplement, and shows both as pending in the timeline after the known steps', async () => {
    const ticket = sampleHubTicket({ number: '20261122-000077', state: 'transferred', supplements: [{ text: '早上六点就开始施工', at: '2026-11-22T01:00:00.000Z', author: 'op03' }] });
    keepHubCopy(ticket);
    expect(await invokeDeskMethod(handlers, 'supplementTicket', { ticketId: ticket.id, supplement: { text: '  周末也在施工 ' } }, log)).toEqual({ ok: true, value: { queued: true } });
    expect(await invokeDeskMethod(handlers, 'urgeTicket', { ticketId: ticket.id, urge: { note: '第三次来电催促' } }, log)).toEqual({ ok: true, value: { queued: true } });
    const empty = await invokeDeskMethod(handlers, 'supplementTicket', { ticketId: ticket.id, supplement: { text: '   ' } }, log);
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const outbox = services.tickets.outbox();
    expect(outbox.map((e) => [e.kind, e.ticketId, e.payload])).toEqual([
      ['ticket.supplement', ticket.id, { text: '周末也在施工' }],
      ['ticket.urge', ticket.id, { note: '第三次来电催促' }],
    ]);

    const answer = await invokeDeskMethod(handlers, 'ticketTimeline', { ticketId: ticket.id }, log);
    if (!answer.ok) throw new Error(answer.error.message);
    const timeline = ticketTimelineSchema.parse(answer.value);
    expect(timeline.hub).toBe('signed_out');
    expect(timeline.entries.map((e) => [e.kind, e.text, e.pending])).toEqual([
      ['ticket.register', ticket.registration.description, false],
      ['ticket.transfer', null, false],
      ['ticket.supplement', '早上六点就开始施工', false],
      ['ticket.supplement', '周末也在施工', true],
      ['ticket.urge', '第三次来电催促', true],
    ]);
    expect(timeline.entries[1]?.department).toBe('city-urban');
  });
});
