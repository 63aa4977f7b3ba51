/**
 * A confidential caller (保密联络) against everyone who may not see them, on
 * every way out of a real hub on PostgreSQL. Driven by the route table: every
 * declared GET route is called as every such role, so a route added later
 * without masking (or without a fixture here) fails this test. The live feed
 * is watched as well. Supervisors unmask one ticket with a reason, and every
 * unmask and caller-history lookup lands in an audit log that nobody can edit.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/hub/alerts';
import type { AuditEntry } from '../../shared/hub/audit';
import type { HubTicket, TicketEvent } from '../../shared/hub/hub-ticket';
import type { PushResponse } from '../../shared/hub/sync';
import { hubLiveFeed } from '../../shared/hub/hub-api';
import { hubRoutes } from '../../server/src/routes';
import type { ThrowAwayPostgres } from '../hub/support/postgres';
import { startThrowAwayPostgres } from '../hub/support/postgres';
import type { RunningHub } from '../hub/support/hub-harness';
import { changeOp, hubClient, registerOp, sampleTransfer, signIn, startHub } from '../hub/support/hub-harness';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';

const NUMBER = '13766661234';
const NAME = '匿名举报人';
const CATEGORY: [string, string] = ['安全生产', '违规施工'];
const DESCRIPTION = `举报人${NAME}（电话 ${NUMBER}）反映工地夜间违规施工，要求对其身份保密。`;

let server: ThrowAwayPostgres;
let running: RunningHub;
let call: ReturnType<typeof hubClient>;
let transferred: string;
let transferredNumber: string;
let forReview: string;
let articleId: string;
const tokens: Record<string, string> = {};

const confidential = (seq: number, author: string) => registerOp(seq, author, { confidential: true, callerName: NAME, callerNumber: NUMBER, category: CATEGORY, description: DESCRIPTION });

beforeAll(async () => {
  server = await startThrowAwayPostgres();
  running = await startHub('postgres', server);
  call = hubClient(running.url);
  const admin = await signIn(running.url, 'admin');
  expect((await call('POST', '/v1/accounts', { username: 'trainee02', displayName: '学员乙', role: 'trainee', password: DEMO_PASSWORD }, admin.token)).status).toBe(201);

  const deskA = await signIn(running.url, 'op01', 'mask-desk-aaaa');
  const first = confidential(1, 'op01');
  transferred = first.ticketId;
  const pushed = await call<PushResponse>(
    'POST',
    '/v1/sync/push',
    { deskId: 'mask-desk-aaaa', operations: [first, changeOp(2, 'op01', 'ticket.transfer', first.ticketId, { ...sampleTransfer, notes: `联系人 ${NAME} ${NUMBER}，勿向被举报单位透露。` }), confidential(3, 'op01'), confidential(4, 'op01')] },
    deskA.token,
  );
  expect(pushed.body.outcomes.map((o) => o.outcome)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
  const firstOutcome = pushed.body.outcomes[0];
  if (firstOutcome?.outcome !== 'accepted' || !firstOutcome.ticketNumber) throw new Error('the first ticket got no number');
  transferredNumber = firstOutcome.ticketNumber;
  const traineeDesk = await signIn(running.url, 'trainee01', 'mask-desk-tttt');
  const mine = confidential(1, 'trainee01');
  forReview = mine.ticketId;
  await call('POST', '/v1/sync/push', { deskId: 'mask-desk-tttt', operations: [mine, changeOp(2, 'trainee01', 'ticket.transfer_for_review', mine.ticketId, sampleTransfer)] }, traineeDesk.token);

  tokens.operator = (await signIn(running.url, 'op02', 'mask-desk-bbbb')).token;
  tokens.trainee = (await signIn(running.url, 'trainee02', 'mask-desk-cccc')).token;
  tokens.department = (await signIn(running.url, 'dept-urban')).token;
  tokens.supervisor = (await signIn(running.url, 'sup01')).token;
  tokens.admin = admin.token;
  articleId = (await running.sql.query<{ id: string }>('SELECT id FROM kb_articles ORDER BY id LIMIT 1'))[0]!.id;
  // The repeat-caller alert (three tickets of one number about one matter) is counted after the push.
  for (let i = 0; i < 100; i++) {
    const alerts = await call<Alert[]>('GET', '/v1/alerts', undefined, tokens.supervisor);
    if (alerts.body.some((a) => a.kind === 'repeat')) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 120_000);
afterAll(async () => {
  await running.close();
  server.stop();
});

/** Values for every path parameter and required query of the GET routes; a route not listed here fails the test. */
function fixtureFor(url: string): { params: Record<string, string>; query: Record<string, string> } | null {
  const now = Date.now();
  const fixtures: Record<string, { params: Record<string, string>; query: Record<string, string> }> = {
    '/v1/tickets/:id': { params: { id: transferred }, query: {} },
    '/v1/tickets/:id/events': { params: { id: transferred }, query: {} },
    '/v1/ticket-numbers/:number': { params: { number: transferredNumber }, query: {} },
    '/v1/callers/:number/history': { params: { number: NUMBER }, query: { category1: CATEGORY[0], category2: CATEGORY[1] } },
    '/v1/kb/articles/:id': { params: { id: articleId }, query: {} },
    '/v1/trainees/:account/placement': { params: { account: 'trainee01' }, query: {} },
    '/v1/stats/tickets': { params: {}, query: { from: new Date(now - 86_400_000).toISOString(), to: new Date(now + 3_600_000).toISOString() } },
    '/v1/alerts': { params: {}, query: { all: 'true' } },
    '/v1/sync/pull': { params: {}, query: { cursor: '0', limit: '1000' } },
    '/v1/audit-log': { params: {}, query: {} },
  };
  if (fixtures[url]) return fixtures[url];
  return url.includes(':') ? null : { params: {}, query: {} };
}

/**
 * The audit log records which number each caller-history lookup asked for (that is its point: who looked up
 * whom); that number is what the looker typed, not something the log reveals about a ticket. Everything else
 * in it is checked like any other answer.
 */
function withoutLookedUpNumbers(url: string, body: unknown): unknown {
  if (url !== '/v1/audit-log' || !Array.isArray(body)) return body;
  return (body as AuditEntry[]).map((entry) => (entry.action === 'caller_history' ? { ...entry, callerNumber: null } : entry));
}

const leaks = (text: string): string[] => [NUMBER, NAME, NUMBER.slice(3)].filter((secret) => text.includes(secret));

describe('one masking rule on every way out', () => {
  const getRoutes = hubRoutes.filter((r) => r.method === 'GET');

  it('no declared GET route shows the confidential caller to any role that may not see it', async () => {
    expect(getRoutes.length).toBeGreaterThan(10);
    const checked: string[] = [];
    for (const spec of getRoutes) {
      const fixture = fixtureFor(spec.url);
      expect(fixture, `GET ${spec.url} has no fixture in the masking test: add one (and make sure it masks)`).not.toBeNull();
      let url = spec.url;
      for (const [name, value] of Object.entries(fixture!.params)) url = url.replace(`:${name}`, encodeURIComponent(value));
      const query = new URLSearchParams(fixture!.query).toString();
      for (const [role, token] of Object.entries(tokens)) {
        const reply = await call('GET', `${url}${query ? `?${query}` : ''}`, undefined, token);
        expect(reply.status, `GET ${url} as ${role}`).toBeLessThan(500);
        expect(leaks(JSON.stringify(withoutLookedUpNumbers(spec.url, reply.body))), `GET ${url} as ${role} shows the confidential caller`).toEqual([]);
        if (reply.status === 200) checked.push(`${spec.url} ${role}`);
      }
    }
    // Not vacuous: the ticket, its trail, the inbox, the review queue and the alerts were really read.
    expect(checked).toEqual(
      expect.arrayContaining([
        '/v1/tickets/:id operator',
        '/v1/tickets/:id department',
        '/v1/tickets/:id supervisor',
        '/v1/tickets/:id/events department',
        '/v1/tickets/:id/events supervisor',
        '/v1/ticket-numbers/:number supervisor',
        '/v1/department/inbox department',
        '/v1/reviews supervisor',
        '/v1/alerts supervisor',
        '/v1/callers/:number/history operator',
      ]),
    );
  });

  it('they see the ticket itself, masked: the department its inbox entry, the supervisor the review queue and the repeat-caller alert', async () => {
    const asDepartment = await call<HubTicket>('GET', `/v1/tickets/${transferred}`, undefined, tokens.department);
    expect(asDepartment.body).toMatchObject({ contactMasked: true, registration: { callerNumber: '********', callerName: '**', description: expect.stringContaining('反映工地夜间违规施工') as unknown } });
    const inbox = await call<HubTicket[]>('GET', '/v1/department/inbox', undefined, tokens.department);
    expect(inbox.body.map((t) => t.id)).toContain(transferred);
    const trail = await call<TicketEvent[]>('GET', `/v1/tickets/${transferred}/events`, undefined, tokens.department);
    expect(trail.body.map((e) => e.kind)).toEqual(['ticket.register', 'ticket.transfer']);
    const reviews = await call<HubTicket[]>('GET', '/v1/reviews', undefined, tokens.supervisor);
    expect(reviews.body.find((t) => t.id === forReview)).toMatchObject({ contactMasked: true });
    const alerts = await call<Alert[]>('GET', '/v1/alerts', undefined, tokens.supervisor);
    expect(alerts.body.find((a) => a.kind === 'repeat')).toMatchObject({ callerNumber: '********' });
    // The registering desk still sees its caller.
    const own = await call<HubTicket>('GET', `/v1/tickets/${transferred}`, undefined, (await signIn(running.url, 'op01', 'mask-desk-aaaa')).token);
    expect(own.body.registration).toMatchObject({ callerNumber: NUMBER, callerName: NAME, description: DESCRIPTION });
  });

  it('a trainee of another desk cannot open it, and caller history leaves it out of the list and the count', async () => {
    expect((await call('GET', `/v1/tickets/${transferred}`, undefined, tokens.trainee)).status).toBe(403);
    expect((await call('GET', `/v1/tickets/${transferred}/events`, undefined, tokens.trainee)).status).toBe(403);
    const history = await call<{ tickets: HubTicket[]; sameMatterCount: number; repeatCaller: boolean }>(
      'GET',
      `/v1/callers/${NUMBER}/history?category1=${encodeURIComponent(CATEGORY[0])}&category2=${encodeURIComponent(CATEGORY[1])}`,
      undefined,
      tokens.operator,
    );
    expect(history.body).toEqual({ tickets: [], sameMatterCount: 0, repeatCaller: false });
  });

  it('the live feed shows supervisors the repeat-caller alert masked as it grows', async () => {
    const socket = new WebSocket(`${running.url.replace('http', 'ws')}${hubLiveFeed.path}`, { headers: { authorization: `Bearer ${tokens.supervisor}` } });
    const messages: string[] = [];
    const grown = new Promise<void>((resolve) => {
      socket.on('message', (data: Buffer) => {
        const text = data.toString('utf8');
        messages.push(text);
        if (text.includes('"type":"alert"') && text.includes('"kind":"repeat"')) resolve();
      });
    });
    await new Promise((resolve) => socket.once('message', resolve));
    const deskA = await signIn(running.url, 'op01', 'mask-desk-aaaa');
    await call('POST', '/v1/sync/push', { deskId: 'mask-desk-aaaa', operations: [confidential(5, 'op01')] }, deskA.token);
    await grown;
    socket.close();
    expect(messages.length).toBeGreaterThan(1);
    expect(leaks(messages.join('\n'))).toEqual([]);
  });
});

describe('unmasking and the audit log', () => {
  it('a supervisor unmasks one ticket with a reason; others cannot; every unmask and history lookup is in the log admins read', async () => {
    expect((await call('POST', `/v1/tickets/${transferred}/unmask`, { reason: '' }, tokens.supervisor)).status).toBe(400);
    expect((await call('POST', `/v1/tickets/${transferred}/unmask`, { reason: '核实举报内容需回电' }, tokens.operator)).status).toBe(403);
    expect((await call('POST', `/v1/tickets/${transferred}/unmask`, { reason: '核实举报内容需回电' }, tokens.department)).status).toBe(403);
    const unmasked = await call<HubTicket>('POST', `/v1/tickets/${transferred}/unmask`, { reason: '核实举报内容需回电' }, tokens.supervisor);
    expect(unmasked.body.registration).toMatchObject({ callerNumber: NUMBER, callerName: NAME });

    expect((await call('GET', '/v1/audit-log', undefined, tokens.supervisor)).status).toBe(403);
    const log = await call<AuditEntry[]>('GET', '/v1/audit-log?limit=500', undefined, tokens.admin);
    expect(log.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'unmask', actor: 'sup01', ticketId: transferred, reason: '核实举报内容需回电' }),
        expect.objectContaining({ action: 'caller_history', actor: 'op02', callerNumber: NUMBER, deskId: 'mask-desk-bbbb' }),
      ]),
    );
  });

  it('the audit log cannot be edited or emptied, even with the hub’s own database role', async () => {
    await expect(running.sql.query("UPDATE audit_log SET reason = 'nothing to see'")).rejects.toThrow(/append-only/);
    await expect(running.sql.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(running.sql.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const [row] = await running.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'unmask'");
    expect(row!.n).toBeGreaterThan(0);
  });
});
