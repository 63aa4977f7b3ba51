/**
 * The supervisors' statistics on both drivers: tickets pushed by desks,
 * signed for, returned, replied to and called back for real, then counted per
 * hour by disposition, by matter and per lead department with its three
 * rates; only supervisors and admins may read them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketStats } from '../../shared/hub/stats';
import type { PushOperation, PushResponse } from '../../shared/hub/sync';
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

const HOUR = 3_600_000;
const MINUTE = 60_000;
const URBAN = { ...sampleTransfer, lead: 'city-urban' };
const HRSS = { ...sampleTransfer, lead: 'city-hrss', dutyId: null };
const STREET_TRADING: [string, string] = ['城市管理', '占道经营'];
const WAGES: [string, string] = ['人力社保', '拖欠工资'];
const HOUSING_FUND: [string, string] = ['住房保障', '公积金'];
const NOISE: [string, string] = ['城市管理', '噪声扰民'];

describe.each(['postgres', 'pglite'] as const)('statistics on %s', (driver) => {
  let running: RunningHub;
  let call: ReturnType<typeof hubClient>;
  /** The start of the window: three whole hours before the current one. */
  const base = Math.floor(Date.now() / HOUR) * HOUR - 3 * HOUR;
  const at = (offset: number): string => new Date(base + offset).toISOString();
  const windowQuery = (top?: number): string =>
    `/v1/stats/tickets?${new URLSearchParams({ from: at(0), to: at(3 * HOUR), ...(top ? { top: String(top) } : {}) }).toString()}`;

  beforeAll(async () => {
    // The seed backdates registrations into the window's past hours, as desks that were offline would: the hub is
    // told to trust the desks' clocks here (the tolerance itself is proven in test/security/).
    running = await startHub(driver, server, { clockToleranceMs: 24 * HOUR });
    call = hubClient(running.url);
    await seedTickets();
  }, 120_000);
  afterAll(async () => {
    await running.close();
  });

  /** Pushes operations from one desk, in order, and expects every one accepted. */
  async function push(username: string, deskId: string, operations: PushOperation[]): Promise<void> {
    const session = await signIn(running.url, username, deskId);
    const reply = await call<PushResponse>('POST', '/v1/sync/push', { deskId, operations }, session.token);
    expect(reply.status).toBe(200);
    expect(reply.body.outcomes.map((o) => (o.outcome === 'rejected' ? o.reason : o.outcome))).toEqual(operations.map(() => 'accepted'));
  }

  async function seedTickets(): Promise<void> {
    let seq = 0;
    const register = (offset: number, category: [string, string]): PushOperation => ({ ...registerOp(++seq, 'op01', { category }), createdAt: at(offset) });
    const change = (kind: PushOperation['kind'], ticketId: string, payload: unknown): PushOperation => changeOp(++seq, 'op01', kind, ticketId, payload);
    const answer = { articleId: null, answer: '按知识库口径当场答复。' };

    // Hour 0: three street-trading complaints for the urban department, one housing-fund question answered directly.
    const urban = [register(10 * MINUTE, STREET_TRADING), register(20 * MINUTE, STREET_TRADING), register(30 * MINUTE, STREET_TRADING)];
    const fund1 = register(40 * MINUTE, HOUSING_FUND);
    // Hour 1: three wage cases for human resources (one returned and then answered by the centre), an answer, one left open.
    const wages = [register(HOUR + 5 * MINUTE, WAGES), register(HOUR + 10 * MINUTE, WAGES), register(HOUR + 15 * MINUTE, WAGES)];
    const fund2 = register(HOUR + 20 * MINUTE, HOUSING_FUND);
    const noise = register(HOUR + 59 * MINUTE, NOISE);
    // Outside the window: a minute before it, and at its end (the end is not part of it).
    const before = register(-MINUTE, NOISE);
    const atEnd = register(3 * HOUR, NOISE);
    const [u1, u2, u3] = urban.map((op) => op.ticketId) as [string, string, string];
    const [w1, w2, w3] = wages.map((op) => op.ticketId) as [string, string, string];
    await push('op01', 'desk-stats-0001', [
      ...urban,
      fund1,
      ...wages,
      fund2,
      noise,
      before,
      atEnd,
      ...[u1, u2, u3].map((id) => change('ticket.transfer', id, URBAN)),
      ...[w1, w2, w3].map((id) => change('ticket.transfer', id, HRSS)),
      change('ticket.answer', fund1.ticketId, answer),
      change('ticket.answer', fund2.ticketId, answer),
    ]);

    // Hour 2: a trainee's transfer waiting for review.
    const trainee = { ...registerOp(1, 'trainee01', { category: STREET_TRADING }), createdAt: at(2 * HOUR + 30 * MINUTE) };
    await push('trainee01', 'desk-stats-0002', [trainee, changeOp(2, 'trainee01', 'ticket.transfer_for_review', trainee.ticketId, URBAN)]);

    // The departments: urban signs for and replies to two, leaves the third; human resources answers one and returns two.
    const dept = async (username: string, action: 'accept' | 'reply' | 'return', id: string, body?: unknown): Promise<void> => {
      const session = await signIn(running.url, username);
      expect((await call('POST', `/v1/tickets/${id}/${action}`, body, session.token)).status).toBe(200);
    };
    for (const id of [u1, u2]) {
      await dept('dept-urban', 'accept', id);
      await dept('dept-urban', 'reply', id, { text: '已到现场清理占道摊点。', solved: true });
    }
    await dept('dept-hrss', 'accept', w1);
    await dept('dept-hrss', 'reply', w1, { text: '已约谈用人单位。', solved: false });
    await dept('dept-hrss', 'return', w2, { reason: '应由属地劳动监察大队办理' });
    await dept('dept-hrss', 'return', w3, { reason: '属于咨询，可直接答复' });

    // Callbacks from the registering desk, and the centre answers the second returned wage case itself.
    await push('op01', 'desk-stats-0001', [
      change('ticket.callback', u1, { solved: true, satisfaction: 'satisfied', comments: '' }),
      change('ticket.callback', u2, { solved: false, satisfaction: 'basically_satisfied', comments: '摊点晚上又回来了' }),
      change('ticket.callback', w1, { solved: false, satisfaction: 'dissatisfied', comments: '' }),
      change('ticket.answer', w3, answer),
    ]);
  }

  it('counts the window’s tickets per hour by how they were handled', async () => {
    const supervisor = await signIn(running.url, 'sup01');
    const reply = await call<TicketStats>('GET', windowQuery(), undefined, supervisor.token);
    expect(reply.status).toBe(200);
    const stats = reply.body;
    expect(stats.from).toBe(at(0));
    expect(stats.to).toBe(at(3 * HOUR));
    expect(stats.total).toBe(10);
    expect(stats.hourly).toEqual([
      { hour: at(0), answered: 1, transferred: 3, review: 0, open: 0 },
      { hour: at(HOUR), answered: 2, transferred: 2, review: 0, open: 1 },
      { hour: at(2 * HOUR), answered: 0, transferred: 0, review: 1, open: 0 },
    ]);
  });

  it('ranks the matters and cuts them at top', async () => {
    const supervisor = await signIn(running.url, 'sup01');
    const all = (await call<TicketStats>('GET', windowQuery(), undefined, supervisor.token)).body;
    expect(all.matters).toEqual([
      { category: STREET_TRADING, count: 4 },
      { category: WAGES, count: 3 },
      { category: HOUSING_FUND, count: 2 },
      { category: NOISE, count: 1 },
    ]);
    const top2 = (await call<TicketStats>('GET', windowQuery(2), undefined, supervisor.token)).body;
    expect(top2.matters).toEqual(all.matters.slice(0, 2));
  });

  it('gives each lead department its response, resolution and satisfaction rates from sign-offs, replies and callbacks', async () => {
    const admin = await signIn(running.url, 'admin');
    const stats = (await call<TicketStats>('GET', windowQuery(), undefined, admin.token)).body;
    expect(stats.departmentCount).toBe(2);
    expect(stats.departments).toEqual([
      {
        department: 'city-urban',
        name: '临沂市城市管理局',
        transferred: 3,
        responded: 2,
        calledBack: 2,
        solved: 1,
        satisfied: 1,
        basicallySatisfied: 1,
        dissatisfied: 0,
        responseRate: 2 / 3,
        resolutionRate: 1 / 2,
        satisfactionRate: 1,
      },
      {
        // The returned case the centre answered itself is the centre's, not the department's.
        department: 'city-hrss',
        name: '临沂市人力资源和社会保障局',
        transferred: 2,
        responded: 1,
        calledBack: 1,
        solved: 0,
        satisfied: 0,
        basicallySatisfied: 0,
        dissatisfied: 1,
        responseRate: 1 / 2,
        resolutionRate: 0,
        satisfactionRate: 0,
      },
    ]);
    const top1 = (await call<TicketStats>('GET', windowQuery(1), undefined, admin.token)).body;
    expect(top1.departments.map((d) => d.department)).toEqual(['city-urban']);
    expect(top1.departmentCount).toBe(2);
  });

  it('answers an empty window with every hour at zero and no rates', async () => {
    const supervisor = await signIn(running.url, 'sup01');
    const from = new Date(base - 30 * 86_400_000 + 30 * MINUTE).toISOString();
    const to = new Date(base - 30 * 86_400_000 + 2 * HOUR).toISOString();
    const stats = (await call<TicketStats>('GET', `/v1/stats/tickets?${new URLSearchParams({ from, to }).toString()}`, undefined, supervisor.token)).body;
    expect(stats).toMatchObject({ total: 0, matters: [], departments: [], departmentCount: 0 });
    // Half past the hour to two hours later: the hour it starts in and the next one.
    expect(stats.hourly.map((h) => h.hour)).toEqual([new Date(base - 30 * 86_400_000).toISOString(), new Date(base - 30 * 86_400_000 + HOUR).toISOString()]);
  });

  it('is for supervisors and admins only, and refuses a window that is backwards or too long', async () => {
    for (const [username, deskId] of [['op01', 'desk-stats-op01'], ['trainee01', 'desk-stats-trainee01'], ['dept-urban', undefined]] as const) {
      const session = await signIn(running.url, username, deskId);
      const reply = await call<{ error: string }>('GET', windowQuery(), undefined, session.token);
      expect(reply.status, username).toBe(403);
      expect(reply.body.error).toBe('FORBIDDEN');
    }
    expect((await call('GET', windowQuery())).status).toBe(401);
    const supervisor = await signIn(running.url, 'sup01');
    const get = (query: Record<string, string>) => call<{ error: string; issues?: { path: string }[] }>('GET', `/v1/stats/tickets?${new URLSearchParams(query).toString()}`, undefined, supervisor.token);
    const backwards = await get({ from: at(HOUR), to: at(0) });
    expect(backwards.status).toBe(400);
    expect(backwards.body.issues?.[0]?.path).toBe('to');
    expect((await get({ from: at(0), to: new Date(base + 32 * 86_400_000).toISOString() })).status).toBe(400);
    expect((await get({ to: at(HOUR) })).status).toBe(400);
    expect((await get({ from: at(0), to: at(HOUR), top: '0' })).status).toBe(400);
    expect((await get({ from: at(0), to: at(HOUR), extra: '1' })).status).toBe(400);
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await call<{ paths: Record<string, { get?: { 'x-roles': string[]; parameters: { name: string }[] } }> }>('GET', '/v1/openapi.json')).body;
    const stats = document.paths['/v1/stats/tickets']?.get;
    expect(stats?.['x-roles']).toEqual(['supervisor', 'admin']);
    expect(stats?.parameters.map((p) => p.name)).toEqual(['from', 'to', 'top']);
  });
});
