/**
 * Attacks on the push queue with an ordinary desk account, against a real hub
 * on a throw-away PostgreSQL: entries the database cannot hold, payloads with
 * fields the protocol does not have, changes to other desks' tickets, changes
 * out of order, and desk clocks far from the hub's. Each refused entry must be
 * answered `rejected` with a reason code for itself alone: the batch answers
 * 200 and the entries behind it are applied.
 */
import { describe, expect, it } from 'vitest';
import type { HubTicket, TicketEvent } from '../../shared/hub/hub-ticket';
import type { PushOperation, PushResponse } from '../../shared/hub/sync';
import type { TicketStats } from '../../shared/hub/stats';
import { changeOp, registerOp, sampleTransfer, signIn } from '../hub/support/hub-harness';
import { postgresHubSuite } from '../hub/support/hub-suite';

const hub = postgresHubSuite();

let deskCounter = 0;
/** A desk of its own per case (a fresh sequence), signed in as `username`. */
async function desk(username = 'op01'): Promise<{ deskId: string; token: string; push(ops: unknown[]): Promise<{ status: number; body: PushResponse }> }> {
  deskCounter += 1;
  const deskId = `sec-desk-${String(deskCounter).padStart(4, '0')}-${Math.random().toString(36).slice(2, 8)}`;
  const { token } = await signIn(hub.running.url, username, deskId);
  return { deskId, token, push: (operations) => hub.call<PushResponse>('POST', '/v1/sync/push', { deskId, operations }, token) };
}

const reasons = (body: PushResponse): string[] => body.outcomes.map((o) => (o.outcome === 'rejected' ? o.reason : o.outcome));

describe('entries are parsed strictly, one at a time', () => {
  it('a NUL character in any text is refused for that entry alone; the batch and the entries after it go through', async () => {
    const d = await desk();
    const nulDescription = registerOp(1, 'op01', { description: '门店占道经营\u0000严重影响通行' });
    const nulName = registerOp(2, 'op01', { callerName: '王\u0000' });
    const after = registerOp(3, 'op01');
    const reply = await d.push([nulDescription, nulName, after]);
    expect(reply.status).toBe(200);
    expect(reasons(reply.body)).toEqual(['UNSAFE_TEXT', 'UNSAFE_TEXT', 'accepted']);
    expect(reply.body.outcomes[0]).toMatchObject({ message: expect.stringContaining('NUL') as unknown, issues: [{ path: 'entry.payload.description' }] });
    expect(reply.body.lastSeq).toBe(3);
    // Sent again (a lost answer), the same batch is all duplicates, not a failure.
    expect(reasons((await d.push([nulDescription, nulName, after])).body)).toEqual(['duplicate', 'duplicate', 'duplicate']);
  });

  it('a lone surrogate (text PostgreSQL cannot read back as JSON) is refused the same way', async () => {
    const d = await desk();
    const reply = await d.push([registerOp(1, 'op01', { description: '门店占道经营\uD800严重影响通行' }), registerOp(2, 'op01')]);
    expect(reply.status).toBe(200);
    expect(reasons(reply.body)).toEqual(['UNSAFE_TEXT', 'accepted']);
  });

  it('a deeply nested unknown field in a payload is refused (TOO_DEEP), a shallow one too (UNKNOWN_FIELD), and nothing of it is stored', async () => {
    const d = await desk();
    const deep = registerOp(1, 'op01');
    (deep.payload as Record<string, unknown>).extra = '@NESTED@';
    const shallow = registerOp(2, 'op01');
    (shallow.payload as Record<string, unknown>).isAdmin = true;
    const inLocation = registerOp(3, 'op01');
    (inLocation.payload as { location: Record<string, unknown> }).location.gps = '1,2';
    const onEnvelope = { ...registerOp(4, 'op01'), trusted: true };
    const after = registerOp(5, 'op01');
    // 3,000 levels, written out as text (JSON.stringify itself would run out of stack).
    const nested = '{"n":'.repeat(3_000) + '{}' + '}'.repeat(3_000);
    const raw = JSON.stringify({ deskId: d.deskId, operations: [deep, shallow, inLocation, onEnvelope, after] }).replace('"@NESTED@"', nested);
    const reply = await hub.call<PushResponse>('POST', '/v1/sync/push', undefined, d.token, raw);
    expect(reply.status).toBe(200);
    expect(reasons(reply.body)).toEqual(['TOO_DEEP', 'UNKNOWN_FIELD', 'UNKNOWN_FIELD', 'UNKNOWN_FIELD', 'accepted']);
    expect(reply.body.outcomes[2]).toMatchObject({ message: expect.stringContaining('location.gps') as unknown, issues: [{ path: 'payload.location.gps' }] });
    const stored = await hub.running.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ticket_events WHERE payload::text LIKE '%isAdmin%' OR payload::text LIKE '%gps%' OR payload::text LIKE '%"n":%'`,
    );
    expect(stored[0]!.n).toBe(0);
  });

  it('a change is stored as parsed (trimmed, known fields only), never as the raw payload', async () => {
    const d = await desk();
    const reg = registerOp(1, 'op01');
    const answer = changeOp(2, 'op01', 'ticket.answer', reg.ticketId, { articleId: null, answer: '   已按政策答复。   ' });
    expect(reasons((await d.push([reg, answer])).body)).toEqual(['accepted', 'accepted']);
    const events = await hub.call<TicketEvent[]>('GET', `/v1/tickets/${reg.ticketId}/events`, undefined, d.token);
    expect(events.body[1]!.payload).toEqual({ articleId: null, answer: '已按政策答复。' });
  });

  it('strings and arrays beyond their bounds, impossible dates and non-lower-case ids are refused per entry, never a 500', async () => {
    const d = await desk();
    const longName = registerOp(1, 'op01', { callerName: '王'.repeat(41) });
    const feb30 = registerOp(2, 'op01', { calledAt: '2026-02-30T08:00:00+08:00' });
    const year0 = { ...registerOp(3, 'op01'), createdAt: '0000-01-01T00:00:00Z' };
    const reg = registerOp(4, 'op01');
    const manyCo = changeOp(5, 'op01', 'ticket.transfer', reg.ticketId, { ...sampleTransfer, co: Array.from({ length: 11 }, (_, i) => `dept-${String(i)}`) });
    const upper = { ...registerOp(6, 'op01'), opId: registerOp(6, 'op01').opId.toUpperCase() };
    const after = registerOp(7, 'op01');
    const reply = await d.push([longName, feb30, year0, reg, manyCo, upper, after]);
    expect(reply.status).toBe(200);
    expect(reasons(reply.body)).toEqual(['INVALID_ENTRY', 'INVALID_ENTRY', 'INVALID_ENTRY', 'accepted', 'INVALID_ENTRY', 'INVALID_ENTRY', 'accepted']);
    expect(reply.body.outcomes[0]).toMatchObject({ issues: [{ path: 'payload.callerName' }] });
  });

  it('an operation id already in the audit trail (another desk’s) is refused, not a failed batch', async () => {
    const a = await desk('op01');
    const b = await desk('op02');
    const first = registerOp(1, 'op01');
    expect(reasons((await a.push([first])).body)).toEqual(['accepted']);
    const replayed = { ...registerOp(1, 'op02'), opId: first.opId };
    const reply = await b.push([replayed, registerOp(2, 'op02')]);
    expect(reply.status).toBe(200);
    expect(reasons(reply.body)).toEqual(['ID_TAKEN', 'accepted']);
  });
});

describe('every other route', () => {
  it('refuses text the database cannot hold in its body or query with a 400 naming the field, never a 500', async () => {
    const d = await desk();
    const supervisor = await signIn(hub.running.url, 'sup01');
    const [article] = await hub.running.sql.query<{ doc: Record<string, unknown> }>('SELECT doc FROM kb_articles ORDER BY id LIMIT 1');
    const doc = article!.doc;
    const edited = await hub.call('PUT', `/v1/kb/articles/${String(doc.id)}`, { ...doc, body: '新的答复口径\u0000' }, supervisor.token);
    expect(edited).toMatchObject({ status: 400, body: { error: 'INVALID_INPUT', issues: [{ path: 'body.body' }] } });
    const presence = await hub.call('PUT', '/v1/presence', { state: 'break', since: new Date().toISOString(), callStartedAt: null, reason: '小休\u0000', helpRequested: false }, d.token);
    expect(presence.status).toBe(400);
    const history = await hub.call('GET', `/v1/callers/13800000000/history?category1=${encodeURIComponent('城市\u0000')}&category2=x`, undefined, d.token);
    expect(history).toMatchObject({ status: 400, body: { issues: [{ path: 'query.category1' }] } });
    const impossible = await hub.call('PUT', '/v1/presence', { state: 'break', since: '2026-02-30T08:00:00+08:00', callStartedAt: null, reason: null, helpRequested: false }, d.token);
    expect(impossible.status).toBe(400);
  });
});

describe('a change to a ticket: only its desk (or a supervisor) and only from its current state', () => {
  async function transferredTicketOfDeskA(): Promise<{ ticketId: string; a: Awaited<ReturnType<typeof desk>> }> {
    const a = await desk('op01');
    const reg = registerOp(1, 'op01');
    expect(reasons((await a.push([reg, changeOp(2, 'op01', 'ticket.transfer', reg.ticketId, sampleTransfer)])).body)).toEqual(['accepted', 'accepted']);
    return { ticketId: reg.ticketId, a };
  }

  it('another operator’s desk cannot answer, transfer, call back or ask review for it; the refusal says why and the queue goes on', async () => {
    const { ticketId } = await transferredTicketOfDeskA();
    const dept = await signIn(hub.running.url, 'dept-urban');
    await hub.call('POST', `/v1/tickets/${ticketId}/accept`, undefined, dept.token);
    await hub.call('POST', `/v1/tickets/${ticketId}/reply`, { text: '已处理完毕。', solved: false }, dept.token);
    const b = await desk('op02');
    const own = registerOp(5, 'op02');
    const reply = await b.push([
      changeOp(1, 'op02', 'ticket.callback', ticketId, { solved: true, satisfaction: 'satisfied', comments: '' }),
      changeOp(2, 'op02', 'ticket.answer', ticketId, { articleId: null, answer: '已答复。' }),
      changeOp(3, 'op02', 'ticket.transfer', ticketId, { ...sampleTransfer, lead: 'city-hrss' }),
      changeOp(4, 'op02', 'ticket.transfer_for_review', ticketId, sampleTransfer),
      own,
    ]);
    expect(reply.status).toBe(200);
    expect(reasons(reply.body)).toEqual(['NOT_OWNER', 'NOT_OWNER', 'NOT_OWNER', 'NOT_OWNER', 'accepted']);
    expect(reply.body.outcomes[0]).toMatchObject({ reason: 'NOT_OWNER', subject: ticketId, message: expect.stringContaining('another desk') as unknown });
    const supervisor = await signIn(hub.running.url, 'sup01');
    const ticket = await hub.call<HubTicket>('GET', `/v1/tickets/${ticketId}`, undefined, supervisor.token);
    expect(ticket.body).toMatchObject({ state: 'replied', callback: null, review: 'not_required', transfer: { lead: 'city-urban' } });
  });

  it('supplements and urges: another desk may add them to a ticket it may open, never to a confidential one as a trainee, never past the states they allow, and never with fields the protocol lacks', async () => {
    const { ticketId } = await transferredTicketOfDeskA();
    const a = await desk('op01');
    const secret = registerOp(1, 'op01', { confidential: true, callerName: '匿名举报人', callerNumber: '13912345678' });
    const notSentYet = registerOp(3, 'op01');
    expect(reasons((await a.push([secret, changeOp(2, 'op01', 'ticket.transfer', secret.ticketId, sampleTransfer), notSentYet])).body)).toEqual(['accepted', 'accepted', 'accepted']);
    const b = await desk('op02');
    const reply = await b.push([
      changeOp(1, 'op02', 'ticket.supplement', ticketId, { text: '  门口又堆了三车建筑垃圾。 ' }),
      changeOp(2, 'op02', 'ticket.urge', ticketId, { note: '来电人第二次催' }),
      changeOp(3, 'op02', 'ticket.urge', ticketId, { note: '', priority: 'high' }),
      changeOp(4, 'op02', 'ticket.supplement', ticketId, { text: '   ' }),
      changeOp(5, 'op02', 'ticket.urge', notSentYet.ticketId, { note: '' }),
      changeOp(6, 'op02', 'ticket.supplement', ticketId, { text: '补充\u0000' }),
    ]);
    expect(reasons(reply.body)).toEqual(['accepted', 'accepted', 'UNKNOWN_FIELD', 'INVALID_ENTRY', 'WRONG_STATE', 'UNSAFE_TEXT']);
    const t = await desk('trainee01');
    const trainee = await t.push([changeOp(1, 'trainee01', 'ticket.urge', secret.ticketId, { note: '' }), changeOp(2, 'trainee01', 'ticket.answer', ticketId, { articleId: null, answer: '已答复。' })]);
    expect(reasons(trainee.body)).toEqual(['NOT_OWNER', 'NOT_OWNER']);
    // A supplement names the author the hub decided, never one the desk made up.
    const forged = await b.push([changeOp(7, 'dept-urban', 'ticket.supplement', ticketId, { text: '冒名补充' })]);
    expect(reasons(forged.body)).toEqual(['UNKNOWN_AUTHOR']);
    const [row] = await hub.running.sql.query<{ state: string; urge_count: number; supplements: { text: string; author: string }[] }>(
      'SELECT state, urge_count, supplements FROM tickets WHERE id = $1',
      [ticketId],
    );
    expect(row).toMatchObject({ state: 'transferred', urge_count: 1, supplements: [{ text: '门口又堆了三车建筑垃圾。', author: 'op02' }] });
  });

  it('a supervisor signed in at a desk may act on any ticket', async () => {
    const { ticketId } = await transferredTicketOfDeskA();
    const dept = await signIn(hub.running.url, 'dept-urban');
    await hub.call('POST', `/v1/tickets/${ticketId}/accept`, undefined, dept.token);
    await hub.call('POST', `/v1/tickets/${ticketId}/reply`, { text: '已处理完毕。', solved: true }, dept.token);
    const s = await desk('sup01');
    const reply = await s.push([changeOp(1, 'sup01', 'ticket.callback', ticketId, { solved: true, satisfaction: 'satisfied', comments: '' })]);
    expect(reasons(reply.body)).toEqual(['accepted']);
  });

  it('its own desk cannot jump states: no callback before a reply, no review request on a transferred ticket, no answer after a transfer', async () => {
    const { ticketId, a } = await transferredTicketOfDeskA();
    const reply = await a.push([
      changeOp(3, 'op01', 'ticket.callback', ticketId, { solved: true, satisfaction: 'satisfied', comments: '' }),
      changeOp(4, 'op01', 'ticket.transfer_for_review', ticketId, sampleTransfer),
      changeOp(5, 'op01', 'ticket.answer', ticketId, { articleId: null, answer: '已答复。' }),
      registerOp(6, 'op01'),
    ]);
    expect(reasons(reply.body)).toEqual(['WRONG_STATE', 'WRONG_STATE', 'WRONG_STATE', 'accepted']);
    const [row] = await hub.running.sql.query<{ state: string; review: string; callback: unknown }>('SELECT state, review, callback FROM tickets WHERE id = $1', [ticketId]);
    expect(row).toEqual({ state: 'transferred', review: 'not_required', callback: null });
  });
});

describe('desk clocks', () => {
  it('a createdAt far from the hub’s clock is kept but flagged, and statistics count the hub’s receipt time', async () => {
    const d = await desk();
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const skewed: PushOperation = { ...registerOp(1, 'op01', { category: ['安全测试', '时钟偏差'] }), createdAt: future };
    const onTime = registerOp(2, 'op01', { category: ['安全测试', '时钟正常'] });
    expect(reasons((await d.push([skewed, onTime])).body)).toEqual(['accepted', 'accepted']);
    const ticket = (await hub.call<HubTicket>('GET', `/v1/tickets/${skewed.ticketId}`, undefined, d.token)).body;
    expect(ticket.clockSkewed).toBe(true);
    expect(ticket.deskCreatedAt).toBe(future);
    expect(Math.abs(Date.parse(ticket.createdAt) - Date.now())).toBeLessThan(60_000);
    const normal = (await hub.call<HubTicket>('GET', `/v1/tickets/${onTime.ticketId}`, undefined, d.token)).body;
    expect(normal.clockSkewed).toBeUndefined();
    expect(normal.createdAt).toBe(new Date(onTime.createdAt).toISOString());

    const supervisor = await signIn(hub.running.url, 'sup01');
    const stats = async (from: number, to: number) =>
      (await hub.call<TicketStats>('GET', `/v1/stats/tickets?${new URLSearchParams({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }).toString()}`, undefined, supervisor.token)).body;
    const matters = (s: TicketStats) => s.matters.map((m) => m.category.join('/'));
    const aroundNow = await stats(Date.now() - 3_600_000, Date.now() + 3_600_000);
    expect(matters(aroundNow)).toEqual(expect.arrayContaining(['安全测试/时钟偏差', '安全测试/时钟正常']));
    const aroundClaim = await stats(Date.parse(future) - 3_600_000, Date.parse(future) + 3_600_000);
    expect(matters(aroundClaim)).not.toContain('安全测试/时钟偏差');
  });

  it('a desk whose clock agrees with the hub’s delivers work written offline hours ago at its own time; a wrong clock, the future or a week back count at receipt', async () => {
    const d = await desk();
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    const offline = { ...registerOp(1, 'op01'), createdAt: hoursAgo(5) };
    const future = { ...registerOp(2, 'op01'), createdAt: hoursAgo(-1) };
    const weekOld = { ...registerOp(3, 'op01'), createdAt: hoursAgo(24 * 7) };
    const batch = (ops: PushOperation[], sentAt: string) => hub.call<PushResponse>('POST', '/v1/sync/push', { deskId: d.deskId, operations: ops, sentAt }, d.token);
    expect(reasons((await batch([offline, future, weekOld], new Date().toISOString())).body)).toEqual(['accepted', 'accepted', 'accepted']);
    // The same backlog from a desk whose clock is two hours behind: its times cannot be believed.
    const slowClock = { ...registerOp(4, 'op01'), createdAt: hoursAgo(2.1) };
    expect(reasons((await batch([slowClock], hoursAgo(2))).body)).toEqual(['accepted']);

    const read = async (op: PushOperation) => (await hub.call<HubTicket>('GET', `/v1/tickets/${op.ticketId}`, undefined, d.token)).body;
    const kept = await read(offline);
    expect(kept.clockSkewed).toBeUndefined();
    expect(kept.createdAt).toBe(offline.createdAt);
    for (const op of [future, weekOld, slowClock]) {
      const ticket = await read(op);
      expect(ticket.clockSkewed).toBe(true);
      expect(ticket.deskCreatedAt).toBe(op.createdAt);
      expect(Math.abs(Date.parse(ticket.createdAt) - Date.now())).toBeLessThan(60_000);
    }
  });
});
