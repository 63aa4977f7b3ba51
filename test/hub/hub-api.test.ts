/**
 * The hub's HTTP API, every route, on a real PostgreSQL server started for
 * this file and on the embedded PGlite default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubTicket } from '../../shared/hub/hub-ticket';
import type { PullResponse, PushResponse } from '../../shared/hub/sync';
import { hubMigrations } from '../../server/src/db/migrations';
import { hubRoutes } from '../../server/src/routes';
import type { ThrowAwayPostgres } from './support/postgres';
import { startThrowAwayPostgres } from './support/postgres';
import type { RunningHub } from './support/hub-harness';
import { changeOp, hubClient, registerOp, sampleTransfer, signIn, startHub } from './support/hub-harness';

let server: ThrowAwayPostgres;
beforeAll(async () => {
  server = await startThrowAwayPostgres();
}, 60_000);
afterAll(() => {
  server.stop();
});

const DESK_A = 'desk-aaaa-0001';
const DESK_B = 'desk-bbbb-0002';

describe.each(['postgres', 'pglite'] as const)('hub API on %s', (driver) => {
  let running: RunningHub;
  let call: ReturnType<typeof hubClient>;
  beforeAll(async () => {
    running = await startHub(driver, server);
    call = hubClient(running.url);
  }, 60_000);
  afterAll(async () => {
    await running.close();
  });

  const count = async (table: string): Promise<number> => (await running.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  it('signs in with a password hash, refuses a wrong password with its reason code, and checks every route for a token', async () => {
    const session = await signIn(running.url, 'op01', DESK_A);
    expect(session.account).toMatchObject({ username: 'op01', role: 'operator' });
    const [stored] = await running.sql.query<{ password_hash: string }>("SELECT password_hash FROM accounts WHERE username = 'op01'");
    expect(stored!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored!.password_hash).not.toContain('hotline');

    const wrong = await call('POST', '/v1/auth/login', { username: 'op01', password: 'nope' });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS', message: 'wrong account or password' } });
    const unknown = await call('POST', '/v1/auth/login', { username: 'nobody', password: 'nope' });
    expect(unknown.body).toEqual(wrong.body);

    for (const spec of hubRoutes.filter((r) => r.roles !== 'public')) {
      const url = spec.url.replace(':id', '0190a000-0000-7000-8000-000000000000').replace(':number', '13800000000');
      const reply = await call(spec.method, url, spec.method === 'GET' || spec.method === 'DELETE' ? undefined : {});
      expect(reply.status, `${spec.method} ${spec.url} without a token`).toBe(401);
    }
    const forged = `${session.token.split('.')[0]!}.AAAA`;
    expect((await call('GET', '/v1/duty-list', undefined, forged)).status).toBe(401);
    const refreshed = await call<{ token: string }>('POST', '/v1/auth/refresh', undefined, session.token);
    expect(refreshed.status).toBe(200);
  });

  it('creates each ticket once when the same batch is pushed three times, with human numbers', async () => {
    const { token } = await signIn(running.url, 'op01', DESK_A);
    const operations = Array.from({ length: 5 }, (_, i) => registerOp(i + 1, 'op01'));
    const before = await count('tickets');
    const answers: PushResponse[] = [];
    for (let i = 0; i < 3; i++) {
      const reply = await call<PushResponse>('POST', '/v1/sync/push', { deskId: DESK_A, operations }, token);
      expect(reply.status).toBe(200);
      answers.push(reply.body);
    }
    expect(answers[0]!.outcomes.map((o) => o.outcome)).toEqual(Array(5).fill('accepted'));
    expect(answers[1]!.outcomes.map((o) => o.outcome)).toEqual(Array(5).fill('duplicate'));
    expect(answers[2]!.lastSeq).toBe(5);
    expect(await count('tickets')).toBe(before + 5);
    const numbers = answers[0]!.outcomes.map((o) => (o.outcome === 'accepted' ? o.ticketNumber : null));
    for (const number of numbers) expect(number).toMatch(/^\d{8}-\d{6}$/);
    expect([...numbers].sort()).toEqual(numbers);
    expect(new Set(numbers).size).toBe(5);
  });

  it('refuses a batch that skips sequences, and a batch for another desk', async () => {
    const { token } = await signIn(running.url, 'op01', DESK_A);
    const gap = await call('POST', '/v1/sync/push', { deskId: DESK_A, operations: [registerOp(9, 'op01')] }, token);
    expect(gap).toMatchObject({ status: 409, body: { error: 'SEQ_GAP', expectedSeq: 6 } });
    const notContiguous = await call('POST', '/v1/sync/push', { deskId: DESK_A, operations: [registerOp(6, 'op01'), registerOp(8, 'op01')] }, token);
    expect(notContiguous.status).toBe(400);
    const otherDesk = await call('POST', '/v1/sync/push', { deskId: DESK_B, operations: [registerOp(1, 'op01')] }, token);
    expect(otherDesk.status).toBe(403);
  });

  it('rejects a permanently invalid operation without blocking those behind it, and keeps the author of an earlier shift', async () => {
    await signIn(running.url, 'op01', DESK_B); // the earlier shift at this desk
    const { token } = await signIn(running.url, 'op02', DESK_B);
    const good = registerOp(1, 'op01');
    const invalid = registerOp(2, 'op01');
    (invalid.payload as { description: string }).description = '短';
    const unknownAuthor = registerOp(3, 'ghost');
    const after = registerOp(4, 'op01');
    const bySeat = registerOp(5, 'seat:A-017');
    const reply = await call<PushResponse>('POST', '/v1/sync/push', { deskId: DESK_B, operations: [good, invalid, unknownAuthor, after, bySeat] }, token);
    expect(reply.body.outcomes.map((o) => o.outcome)).toEqual(['accepted', 'rejected', 'rejected', 'accepted', 'accepted']);
    expect(reply.body.outcomes[2]).toMatchObject({ reason: 'UNKNOWN_AUTHOR', subject: 'ghost' });
    // Work written before anyone signed in is the enrolled seat's, whatever seat name the desk wrote.
    const [seatEvent] = await running.sql.query<{ author: string; sent_by: string }>('SELECT author, sent_by FROM ticket_events WHERE op_id = $1', [bySeat.opId]);
    const [desk] = await running.sql.query<{ seat: string }>('SELECT seat FROM desks WHERE desk_id = $1', [DESK_B]);
    expect(seatEvent).toEqual({ author: `seat:${desk?.seat ?? '?'}`, sent_by: 'op02' });
    expect(reply.body.outcomes[1]).toMatchObject({ reason: 'INVALID_ENTRY', issues: [{ path: 'payload.description', code: 'DESCRIPTION_TOO_SHORT', params: { min: 5 } }] });
    const [event] = await running.sql.query<{ author: string; sent_by: string }>('SELECT author, sent_by FROM ticket_events WHERE op_id = $1', [after.opId]);
    expect(event).toEqual({ author: 'op01', sent_by: 'op02' });
    const ticket = await call<HubTicket>('GET', `/v1/tickets/${after.ticketId}`, undefined, token);
    expect(ticket.body).toMatchObject({ author: 'op01', deskId: DESK_B, state: 'registered' });
  });

  it('runs the department loop: transfer, accept, return with a reason, transfer again, reply, callback; refuses wrong steps', async () => {
    const desk = await signIn(running.url, 'op03', 'desk-cccc-0003');
    const reg = registerOp(1, 'op03');
    await call('POST', '/v1/sync/push', { deskId: 'desk-cccc-0003', operations: [reg, changeOp(2, 'op03', 'ticket.transfer', reg.ticketId, sampleTransfer)] }, desk.token);
    const dept = await signIn(running.url, 'dept-urban');
    const other = await signIn(running.url, 'dept-hrss');
    const inbox = await call<HubTicket[]>('GET', '/v1/department/inbox', undefined, dept.token);
    expect(inbox.body.map((t) => t.id)).toContain(reg.ticketId);
    expect((await call('POST', `/v1/tickets/${reg.ticketId}/accept`, undefined, other.token)).status).toBe(403);
    expect((await call('POST', `/v1/tickets/${reg.ticketId}/reply`, { text: '已处理', solved: true }, dept.token)).status).toBe(409);
    expect((await call<HubTicket>('POST', `/v1/tickets/${reg.ticketId}/accept`, undefined, dept.token)).body.state).toBe('accepted');
    const returned = await call<HubTicket>('POST', `/v1/tickets/${reg.ticketId}/return`, { reason: '不属于本部门职责' }, dept.token);
    expect(returned.body).toMatchObject({ state: 'returned', returnReason: '不属于本部门职责' });
    // 重新派单: not to the department that returned it, and not without a reason.
    const redispatch = { ...sampleTransfer, lead: 'city-hrss', redispatchReason: '涉及拖欠工资，属人社局' };
    const refused = await call<PushResponse>(
      'POST',
      '/v1/sync/push',
      {
        deskId: 'desk-cccc-0003',
        operations: [
          changeOp(3, 'op03', 'ticket.transfer', reg.ticketId, sampleTransfer),
          changeOp(4, 'op03', 'ticket.transfer', reg.ticketId, { ...redispatch, lead: 'city-urban' }),
        ],
      },
      desk.token,
    );
    expect(refused.body.outcomes).toMatchObject([
      { outcome: 'rejected', reason: 'INVALID_ENTRY', issues: [{ path: 'payload.redispatchReason', code: 'REDISPATCH_REASON_REQUIRED' }] },
      { outcome: 'rejected', reason: 'INVALID_ENTRY', issues: [{ path: 'payload.lead', code: 'REDISPATCH_SAME_LEAD' }] },
    ]);
    await call('POST', '/v1/sync/push', { deskId: 'desk-cccc-0003', operations: [changeOp(5, 'op03', 'ticket.transfer', reg.ticketId, redispatch)] }, desk.token);
    const newInbox = await call<HubTicket[]>('GET', '/v1/department/inbox', undefined, other.token);
    expect(newInbox.body.find((t) => t.id === reg.ticketId)).toMatchObject({ state: 'transferred', transfer: { lead: 'city-hrss', redispatchReason: '涉及拖欠工资，属人社局' } });
    await call('POST', `/v1/tickets/${reg.ticketId}/accept`, undefined, other.token);
    const replied = await call<HubTicket>('POST', `/v1/tickets/${reg.ticketId}/reply`, { text: '已责令用人单位补发工资。', solved: true }, other.token);
    expect(replied.body.reply).toMatchObject({ text: '已责令用人单位补发工资。', department: 'city-hrss' });
    const callback = await call<PushResponse>(
      'POST',
      '/v1/sync/push',
      { deskId: 'desk-cccc-0003', operations: [changeOp(6, 'op03', 'ticket.callback', reg.ticketId, { solved: true, satisfaction: 'satisfied', comments: '' })] },
      desk.token,
    );
    expect(callback.body.outcomes[0]!.outcome).toBe('accepted');
    const events = await call<{ kind: string; author: string }[]>('GET', `/v1/tickets/${reg.ticketId}/events`, undefined, desk.token);
    expect(events.body.map((e) => e.kind)).toEqual([
      'ticket.register',
      'ticket.transfer',
      'department.accept',
      'department.return',
      'ticket.transfer',
      'department.accept',
      'department.reply',
      'ticket.callback',
    ]);
    expect(events.body[2]!.author).toBe('dept-urban');
  });

  it('a ticket closed at the hub refuses a queued callback, which comes back as rejected with the reason', async () => {
    const desk = await signIn(running.url, 'op03', 'desk-dddd-0004');
    const reg = registerOp(1, 'op03');
    await call('POST', '/v1/sync/push', { deskId: 'desk-dddd-0004', operations: [reg, changeOp(2, 'op03', 'ticket.answer', reg.ticketId, { articleId: null, answer: '已答复政策。' })] }, desk.token);
    const supervisor = await signIn(running.url, 'sup01');
    expect((await call<HubTicket>('POST', `/v1/tickets/${reg.ticketId}/close`, undefined, supervisor.token)).body.state).toBe('closed');
    const late = await call<PushResponse>(
      'POST',
      '/v1/sync/push',
      { deskId: 'desk-dddd-0004', operations: [changeOp(3, 'op03', 'ticket.callback', reg.ticketId, { solved: true, satisfaction: 'satisfied', comments: '' })] },
      desk.token,
    );
    expect(late.body.outcomes[0]).toMatchObject({ outcome: 'rejected', reason: 'WRONG_STATE', state: 'closed', subject: reg.ticketId });
  });

  it('closes (办结) after a callback where the centre’s rule allows it: solved and satisfied, not a dissatisfied caller', async () => {
    const deskId = 'desk-dddd-0014';
    const desk = await signIn(running.url, 'op03', deskId);
    const pleased = registerOp(1, 'op03');
    const unhappy = registerOp(2, 'op03');
    const answer = { articleId: null, answer: '已答复政策。' };
    const pushed = await call<PushResponse>(
      'POST',
      '/v1/sync/push',
      {
        deskId,
        operations: [
          pleased,
          unhappy,
          changeOp(3, 'op03', 'ticket.close', pleased.ticketId, { note: '' }),
          changeOp(4, 'op03', 'ticket.answer', pleased.ticketId, answer),
          changeOp(5, 'op03', 'ticket.answer', unhappy.ticketId, answer),
          changeOp(6, 'op03', 'ticket.callback', pleased.ticketId, { solved: true, satisfaction: 'basically_satisfied', comments: '' }),
          changeOp(7, 'op03', 'ticket.close', pleased.ticketId, { note: '' }),
          changeOp(8, 'op03', 'ticket.callback', unhappy.ticketId, { solved: true, satisfaction: 'dissatisfied', comments: '嫌答复太慢' }),
          changeOp(9, 'op03', 'ticket.close', unhappy.ticketId, { note: '' }),
        ],
      },
      desk.token,
    );
    expect(pushed.body.outcomes.map((o) => o.outcome)).toEqual(['accepted', 'accepted', 'rejected', 'accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'rejected']);
    expect(pushed.body.outcomes[2]).toMatchObject({ reason: 'WRONG_STATE', state: 'registered', subject: pleased.ticketId });
    expect(pushed.body.outcomes[8]).toMatchObject({ reason: 'WRONG_STATE', state: 'called_back', message: expect.stringContaining('closing rule') as unknown });
    expect((await call<HubTicket>('GET', `/v1/tickets/${pleased.ticketId}`, undefined, desk.token)).body.state).toBe('closed');
    expect((await call<HubTicket>('GET', `/v1/tickets/${unhappy.ticketId}`, undefined, desk.token)).body.state).toBe('called_back');
    const events = await call<{ kind: string }[]>('GET', `/v1/tickets/${pleased.ticketId}/events`, undefined, desk.token);
    expect(events.body.map((e) => e.kind)).toEqual(['ticket.register', 'ticket.answer', 'ticket.callback', 'ticket.close']);
  });

  it('takes 无法联系 tries in the ticket’s trail without changing its state; not on a ticket with no callback due', async () => {
    const deskId = 'desk-dddd-0024';
    const desk = await signIn(running.url, 'op03', deskId);
    const reg = registerOp(1, 'op03');
    const pushed = await call<PushResponse>(
      'POST',
      '/v1/sync/push',
      {
        deskId,
        operations: [
          reg,
          changeOp(2, 'op03', 'ticket.callback_unreachable', reg.ticketId, { attempt: 1, note: '' }),
          changeOp(3, 'op03', 'ticket.answer', reg.ticketId, { articleId: null, answer: '已答复政策。' }),
          changeOp(4, 'op03', 'ticket.callback_unreachable', reg.ticketId, { attempt: 1, note: '无人接听' }),
          changeOp(5, 'op03', 'ticket.callback_unreachable', reg.ticketId, { attempt: 2, note: '' }),
          changeOp(6, 'op03', 'ticket.callback', reg.ticketId, { solved: true, satisfaction: 'satisfied', comments: '' }),
        ],
      },
      desk.token,
    );
    expect(pushed.body.outcomes.map((o) => o.outcome)).toEqual(['accepted', 'rejected', 'accepted', 'accepted', 'accepted', 'accepted']);
    expect(pushed.body.outcomes[1]).toMatchObject({ reason: 'WRONG_STATE', state: 'registered' });
    const events = await call<{ kind: string; payload: unknown }[]>('GET', `/v1/tickets/${reg.ticketId}/events`, undefined, desk.token);
    expect(events.body.map((e) => e.kind)).toEqual(['ticket.register', 'ticket.answer', 'ticket.callback_unreachable', 'ticket.callback_unreachable', 'ticket.callback']);
    expect(events.body[2]!.payload).toEqual({ attempt: 1, note: '无人接听' });
  });

  it('pull returns every change after the cursor in pages, resumes from any cursor, and holds only this desk’s tickets', async () => {
    const deskId = 'desk-eeee-0005';
    const { token } = await signIn(running.url, 'op01', deskId);
    const ops = Array.from({ length: 7 }, (_, i) => registerOp(i + 1, 'op01'));
    await call('POST', '/v1/sync/push', { deskId, operations: ops }, token);
    const supervisor = await signIn(running.url, 'sup01');
    const duty = (await call<{ duties: { id: string; keywords: string[] }[] }>('GET', '/v1/duty-list', undefined, token)).body.duties[0]!;
    expect((await call('PUT', `/v1/duties/${duty.id}`, { ...duty, keywords: [...duty.keywords, '门口堆放杂物'] }, supervisor.token)).status).toBe(200);

    const all: PullResponse['changes'] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const page = await call<PullResponse>('GET', `/v1/sync/pull?cursor=${String(cursor)}&limit=200`, undefined, token);
      expect(page.status).toBe(200);
      all.push(...page.body.changes);
      expect(page.body.cursor).toBeGreaterThanOrEqual(cursor);
      cursor = page.body.cursor;
      pages += 1;
      if (!page.body.more) break;
    }
    expect(pages).toBeGreaterThan(1);
    const versions = all.map((c) => c.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    const tickets = all.filter((c) => c.type === 'ticket');
    expect(tickets.map((c) => c.ticket.id).sort()).toEqual(ops.map((o) => o.ticketId).sort());
    expect(all.some((c) => c.type === 'article')).toBe(true);
    const edited = all.filter((c) => c.type === 'duty' && c.duty.id === duty.id);
    expect(edited.at(-1)).toMatchObject({ duty: { keywords: expect.arrayContaining(['门口堆放杂物']) as unknown } });

    // Resuming from the middle gives exactly the rest.
    const middle = versions[Math.floor(versions.length / 2)]!;
    const rest = await call<PullResponse>('GET', `/v1/sync/pull?cursor=${String(middle)}&limit=1000`, undefined, token);
    expect(rest.body.changes.map((c) => c.version)).toEqual(versions.filter((v) => v > middle));
    const caughtUp = await call<PullResponse>('GET', `/v1/sync/pull?cursor=${String(cursor)}`, undefined, token);
    expect(caughtUp.body).toEqual({ changes: [], cursor, more: false });
  });

  it('checks roles: a trainee cannot open another desk’s confidential ticket, an operator sees it masked and cannot edit the duty list', async () => {
    const desk = await signIn(running.url, 'op01', 'desk-ffff-0006');
    const secret = registerOp(1, 'op01', { confidential: true, callerName: '刘先生', callerNumber: '13912345678' });
    await call('POST', '/v1/sync/push', { deskId: 'desk-ffff-0006', operations: [secret] }, desk.token);
    const trainee = await signIn(running.url, 'trainee01', 'desk-gggg-0007');
    expect((await call('GET', `/v1/tickets/${secret.ticketId}`, undefined, trainee.token)).status).toBe(403);
    const history = await call<{ tickets: HubTicket[] }>('GET', '/v1/callers/13912345678/history', undefined, trainee.token);
    expect(history.body.tickets).toEqual([]);
    const operator = await signIn(running.url, 'op02', 'desk-hhhh-0008');
    const masked = await call<HubTicket>('GET', `/v1/tickets/${secret.ticketId}`, undefined, operator.token);
    expect(masked.body).toMatchObject({ contactMasked: true, registration: { callerNumber: '********', callerName: '**' } });
    const own = await call<HubTicket>('GET', `/v1/tickets/${secret.ticketId}`, undefined, desk.token);
    expect(own.body.registration.callerNumber).toBe('13912345678');

    const list = await call<{ duties: { id: string }[] }>('GET', '/v1/duty-list', undefined, operator.token);
    const duty = list.body.duties[1]!;
    expect((await call('PUT', `/v1/duties/${duty.id}`, duty, operator.token)).status).toBe(403);
    expect((await call('PUT', '/v1/departments/city-urban', { id: 'city-urban', name: 'x', level: '市级部门', parent: null, district: null }, operator.token)).status).toBe(403);
    expect((await call('GET', '/v1/seats', undefined, operator.token)).status).toBe(403);
    expect((await call('GET', '/v1/reviews', undefined, trainee.token)).status).toBe(403);
    expect((await call('GET', '/v1/accounts', undefined, operator.token)).status).toBe(403);
  });

  it('sends a trainee’s transfer to the supervisor’s review queue; returned with a comment, it comes back; approved, it is transferred', async () => {
    const deskId = 'desk-iiii-0009';
    const trainee = await signIn(running.url, 'trainee01', deskId);
    const reg = registerOp(1, 'trainee01');
    const direct = changeOp(2, 'trainee01', 'ticket.transfer', reg.ticketId, sampleTransfer);
    const forReview = changeOp(3, 'trainee01', 'ticket.transfer_for_review', reg.ticketId, sampleTransfer);
    const pushed = await call<PushResponse>('POST', '/v1/sync/push', { deskId, operations: [reg, direct, forReview] }, trainee.token);
    expect(pushed.body.outcomes.map((o) => o.outcome)).toEqual(['accepted', 'rejected', 'accepted']);
    const supervisor = await signIn(running.url, 'sup01');
    const queue = await call<HubTicket[]>('GET', '/v1/reviews', undefined, supervisor.token);
    expect(queue.body.map((t) => t.id)).toContain(reg.ticketId);
    await call('POST', `/v1/reviews/${reg.ticketId}`, { decision: 'return', comment: '诉求地址写到门牌号' }, supervisor.token);
    const pulled = await call<PullResponse>('GET', '/v1/sync/pull?cursor=0&limit=1000', undefined, trainee.token);
    const back = pulled.body.changes.filter((c) => c.type === 'ticket').at(-1);
    expect(back).toMatchObject({ ticket: { review: 'rejected', reviewComment: '诉求地址写到门牌号', state: 'registered' } });
    await call('POST', '/v1/sync/push', { deskId, operations: [changeOp(4, 'trainee01', 'ticket.transfer_for_review', reg.ticketId, sampleTransfer)] }, trainee.token);
    const approved = await call<HubTicket>('POST', `/v1/reviews/${reg.ticketId}`, { decision: 'approve', comment: '' }, supervisor.token);
    expect(approved.body).toMatchObject({ state: 'transferred', review: 'approved' });
  });

  it('caller history: the last 12 months from every desk and the count of the same matter', async () => {
    const number = '05398123456';
    const a = await signIn(running.url, 'op01', 'desk-jjjj-0010');
    const b = await signIn(running.url, 'op02', 'desk-kkkk-0011');
    await call('POST', '/v1/sync/push', { deskId: 'desk-jjjj-0010', operations: [registerOp(1, 'op01', { callerNumber: number })] }, a.token);
    await call(
      'POST',
      '/v1/sync/push',
      { deskId: 'desk-kkkk-0011', operations: [registerOp(1, 'op02', { callerNumber: number }), registerOp(2, 'op02', { callerNumber: number, category: ['社会保障', '养老保险'] })] },
      b.token,
    );
    const history = await call<{ tickets: HubTicket[]; sameMatterCount: number; repeatCaller: boolean }>(
      'GET',
      `/v1/callers/${number}/history?category1=${encodeURIComponent('城市管理')}&category2=${encodeURIComponent('占道经营')}`,
      undefined,
      a.token,
    );
    expect(history.body.tickets).toHaveLength(3);
    expect(new Set(history.body.tickets.map((t) => t.deskId))).toEqual(new Set(['desk-jjjj-0010', 'desk-kkkk-0011']));
    expect(history.body).toMatchObject({ sameMatterCount: 2, repeatCaller: true });
    expect((await call('GET', '/v1/callers/not-a-number/history', undefined, a.token)).status).toBe(400);
  });

  it('caller history: every written form of a number is one caller; the ticket being written is not its own repeat', async () => {
    const a = await signIn(running.url, 'op01', 'desk-jjjj-0020');
    const forms = ['0539-7654321', '+86 539 765 4321', '0086 (0539) 7654321 转 12'];
    const ops = forms.map((callerNumber, i) => registerOp(i + 1, 'op01', { callerNumber }));
    expect((await call('POST', '/v1/sync/push', { deskId: 'desk-jjjj-0020', operations: ops }, a.token)).status).toBe(200);
    const stored = await running.sql.query<{ caller_number: string; number: string }>(
      "SELECT caller_number, registration->>'callerNumber' AS number FROM tickets WHERE id = ANY($1::uuid[]) ORDER BY number",
      [ops.map((o) => o.ticketId)],
    );
    expect(stored).toEqual([
      { caller_number: '05397654321', number: '05397654321' },
      { caller_number: '05397654321', number: '05397654321' },
      { caller_number: '05397654321', number: '05397654321#12' },
    ]);
    const matter = `category1=${encodeURIComponent('城市管理')}&category2=${encodeURIComponent('占道经营')}`;
    for (const form of [...forms, '05397654321']) {
      const found = await call<{ tickets: HubTicket[]; sameMatterCount: number }>('GET', `/v1/callers/${encodeURIComponent(form)}/history?${matter}`, undefined, a.token);
      expect(found.status, form).toBe(200);
      expect(found.body.tickets.map((t) => t.id).sort(), form).toEqual(ops.map((o) => o.ticketId).sort());
      expect(found.body.sameMatterCount).toBe(3);
    }
    // A first call: its own ticket, just pushed, does not make the caller a repeat.
    const first = registerOp(4, 'op01', { callerNumber: '138 0000 1111' });
    await call('POST', '/v1/sync/push', { deskId: 'desk-jjjj-0020', operations: [first] }, a.token);
    const own = await call<{ tickets: HubTicket[]; sameMatterCount: number; repeatCaller: boolean }>(
      'GET',
      `/v1/callers/13800001111/history?${matter}&exclude=${first.ticketId}`,
      undefined,
      a.token,
    );
    expect(own.body).toMatchObject({ sameMatterCount: 0, repeatCaller: false });
    expect(own.body.tickets.map((t) => t.id)).toEqual([first.ticketId]);
  });

  it('folds caller numbers kept before the stored form when the hub migrates (14)', async () => {
    const a = await signIn(running.url, 'op01', 'desk-jjjj-0021');
    const ops = [registerOp(1, 'op01', { callerNumber: '13911112222' }), registerOp(2, 'op01', { callerNumber: '05391112222' }), registerOp(3, 'op01', { callerNumber: '12345' })];
    await call('POST', '/v1/sync/push', { deskId: 'desk-jjjj-0021', operations: ops }, a.token);
    const ids = ops.map((o) => o.ticketId);
    // As the old rule let them in: '+' and digits, as typed.
    const kept = ['+8613911112222', '00865391112222', '12345'];
    for (const [i, id] of ids.entries()) {
      await running.sql.query("UPDATE tickets SET caller_number = $2, registration = jsonb_set(registration, '{callerNumber}', to_jsonb($2::text)) WHERE id = $1", [id, kept[i]]);
    }
    const migration = hubMigrations.find((m) => m.version === 14)!;
    await running.sql.transaction(async (tx) => {
      await tx.query(migration.sql);
    });
    const rows = await running.sql.query<{ caller_number: string; number: string }>(
      "SELECT caller_number, registration->>'callerNumber' AS number FROM tickets WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)",
      [ids],
    );
    expect(rows).toEqual([
      { caller_number: '13911112222', number: '13911112222' },
      { caller_number: '05391112222', number: '05391112222' },
      { caller_number: '12345', number: '12345' },
    ]);
  });

  it('publishes knowledge revisions and takes feedback', async () => {
    const supervisor = await signIn(running.url, 'sup01');
    const operator = await signIn(running.url, 'op01', 'desk-llll-0012');
    const [row] = await running.sql.query<{ id: string }>('SELECT id FROM kb_articles ORDER BY id LIMIT 1');
    const article = (await call('GET', `/v1/kb/articles/${row!.id}`, undefined, operator.token)).body;
    const { revision, ...doc } = article;
    const updated = await call<{ revision: number; body: string }>('PUT', `/v1/kb/articles/${row!.id}`, { ...doc, body: '新的答复口径。' }, supervisor.token);
    expect(updated.body).toMatchObject({ revision: (revision as number) + 1, body: '新的答复口径。' });
    // Caller phrasings (相似问) are part of the article: seeded from the shipped ones, edited and versioned with it.
    expect((doc.phrasings as string[]).length).toBeGreaterThan(0);
    const phrased = await call<{ revision: number; phrasings: string[] }>('PUT', `/v1/kb/articles/${row!.id}`, { ...doc, phrasings: ['编辑新加的问法'] }, supervisor.token);
    expect(phrased.body).toMatchObject({ revision: (revision as number) + 2, phrasings: ['编辑新加的问法'] });
    expect((await call('PUT', `/v1/kb/articles/${row!.id}`, { ...doc }, operator.token)).status).toBe(403);
    expect((await call('POST', '/v1/kb/feedback', { articleId: row!.id, verdict: 'outdated', comment: '电话号码已变' }, operator.token)).status).toBe(201);
    expect((await call('POST', '/v1/kb/feedback', { articleId: 'KB-NONE', verdict: 'outdated', comment: '' }, operator.token)).status).toBe(404);
  });

  it('refuses bad input with a clear 4xx and stores nothing', async () => {
    const { token } = await signIn(running.url, 'op01', 'desk-mmmm-0013');
    const tickets = await count('tickets');
    const events = await count('ticket_events');
    const push = (body: unknown, raw?: string) => call('POST', '/v1/sync/push', body, token, raw);

    const malformed = await push(undefined, '{"deskId": "desk-mmmm-0013", "operations": [');
    expect(malformed).toMatchObject({ status: 400, body: { error: 'MALFORMED_JSON', message: 'request body is not valid JSON' } });
    const wrongTypes = await push({ deskId: 'desk-mmmm-0013', operations: [{ ...registerOp(1, 'op01'), seq: 'one' }] });
    expect(wrongTypes).toMatchObject({ status: 400, body: { error: 'INVALID_INPUT', issues: [{ path: 'operations.0.seq' }] } });
    const unknownField = await push({ deskId: 'desk-mmmm-0013', operations: [registerOp(1, 'op01')], admin: true });
    expect(unknownField.status).toBe(400);
    const proto = await push(undefined, '{"deskId":"desk-mmmm-0013","operations":[],"__proto__":{"x":1}}');
    expect(proto.status).toBe(400);
    const huge = await push({ deskId: 'desk-mmmm-0013', operations: [registerOp(1, 'op01', { description: '长'.repeat(1_200_000) })] });
    expect(huge).toMatchObject({ status: 413, body: { error: 'BODY_TOO_LARGE' } });
    const tooMany = await push({ deskId: 'desk-mmmm-0013', operations: Array.from({ length: 501 }, (_, i) => registerOp(i + 1, 'op01')) });
    expect(tooMany.status).toBe(400);
    const badLogin = await call('POST', '/v1/auth/login', { username: "op01' OR '1'='1", password: 'x' });
    expect(badLogin.status).toBe(400);
    expect(await count('tickets')).toBe(tickets);
    expect(await count('ticket_events')).toBe(events);
  });

  it('keeps SQL metacharacters, HTML and emoji in text fields as inert text, exactly as typed', async () => {
    const { token } = await signIn(running.url, 'op01', 'desk-nnnn-0014');
    const nasty = `'); DROP TABLE tickets; -- <script>alert(1)</script> <img src=x onerror=alert(2)> 😀 \\ " %`;
    const op = registerOp(1, 'op01', {
      callerName: `<b>王</b>'; --`,
      description: nasty,
      location: { district: '兰山区', town: null, address: `1号'); DELETE FROM accounts; --` },
    });
    const reply = await call<PushResponse>('POST', '/v1/sync/push', { deskId: 'desk-nnnn-0014', operations: [op] }, token);
    expect(reply.body.outcomes[0]!.outcome).toBe('accepted');
    const ticket = await call<HubTicket>('GET', `/v1/tickets/${op.ticketId}`, undefined, token);
    expect(ticket.body.registration).toMatchObject({ description: nasty, callerName: `<b>王</b>'; --`, location: { address: `1号'); DELETE FROM accounts; --` } });
    expect(await count('accounts')).toBeGreaterThan(0);
  });

  it('serves an OpenAPI document with every route', async () => {
    const doc = await call<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('GET', '/v1/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    for (const spec of hubRoutes) {
      const path = spec.url.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(doc.body.paths[path]?.[spec.method.toLowerCase()], `${spec.method} ${spec.url}`).toBeDefined();
    }
    expect(JSON.stringify(doc.body.paths['/v1/sync/push'])).toContain('"maxItems":500');
  });

  it('describes the API in English for developers: no Chinese in any title, summary or description (values such as enum members are data)', async () => {
    const doc = (await call<unknown>('GET', '/v1/openapi.json')).body;
    const words: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node !== null && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (['title', 'summary', 'description'].includes(key) && typeof value === 'string') words.push(value);
          walk(value);
        }
      }
    };
    walk(doc);
    expect(words.length).toBeGreaterThan(hubRoutes.length);
    expect(words.filter((text) => /\p{Script=Han}/u.test(text))).toEqual([]);
  });
});

