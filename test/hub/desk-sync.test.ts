/**
 * A desk's local services syncing with a real hub on PostgreSQL: sign-in,
 * push, pull of department replies, KB and duty-list changes, and the shift
 * change on a shared PC.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeskServices } from '../../electron/services/desk-services';
import { enrolDesk } from './support/desk-enrolment';
import { createLogger } from '../../electron/services/logger';
import type { DeskHandlers } from '../../shared/desk-handlers';
import { invokeDeskMethod } from '../../shared/desk-handlers';
import type { DeskMethod, DeskOutput } from '../../shared/desk-api';
import { emptyTicketDraft } from '../../shared/tickets/ticket-record';
import type { HubTicket } from '../../shared/hub/hub-ticket';
import { sampleRegistration } from '../support/sample-ticket';
import { uuidv7 } from '../../shared/tickets/uuid7';
import { startTcpProxy } from '../support/tcp-proxy';
import type { TcpProxy } from '../support/tcp-proxy';
import type { ThrowAwayPostgres } from './support/postgres';
import { startThrowAwayPostgres } from './support/postgres';
import type { RunningHub } from './support/hub-harness';
import { hubClient, registerOp, resourcesDir, sampleTransfer, signIn, startHub } from './support/hub-harness';
import type { PushResponse } from '../../shared/hub/sync';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';

let server: ThrowAwayPostgres;
let running: RunningHub;
let proxy: TcpProxy;
beforeAll(async () => {
  server = await startThrowAwayPostgres();
  running = await startHub('postgres', server);
  proxy = await startTcpProxy({ port: Number(new URL(running.url).port) });
}, 60_000);
afterAll(async () => {
  await proxy.close();
  await running.close();
  server.stop();
});

let dir: string;
let services: DeskServices;
let desk: DeskHandlers;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-sync-'));
  services = new DeskServices({ dataDir: dir, resourcesDir, host: 'web', version: 'test', logger: createLogger({ level: 'silent' }), hubPollIntervalMs: 60_000 });
  desk = services.handlers({ setKnowledgePaneDetached: () => ({ detached: false }) });
  services.settings.update({ hubUrl: proxy.url });
  proxy.setRefusing(false);
  await enrolDesk(services, proxy.url);
});
afterEach(() => {
  services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const quiet = { warn: () => undefined, error: () => undefined };

/** Calls the DeskApi as the renderer does (input validated against the contract); a failure throws with its message. */
async function api<M extends DeskMethod>(method: M, input: unknown): Promise<DeskOutput<M>> {
  const result = await invokeDeskMethod(desk, method, input, quiet);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code, details: result.error.details });
  return result.value as DeskOutput<M>;
}

/** The hub looks down: open keep-alive connections are cut and new ones refused. */
const hubDown = (): void => {
  proxy.setRefusing(true);
  proxy.cutAll();
};

const hubTicket = async (id: string): Promise<HubTicket> => {
  const supervisor = await signIn(running.url, 'sup01');
  return (await hubClient(running.url)<HubTicket>('GET', `/v1/tickets/${id}`, undefined, supervisor.token)).body;
};

describe('a desk syncing with the hub', () => {
  it('refuses a wrong password with its reason code and says when no hub is set', async () => {
    await expect(api('hubSignIn', { username: 'op01', password: 'wrong' })).rejects.toMatchObject({ code: 'HUB_UNAUTHENTICATED', details: { reason: 'BAD_CREDENTIALS' } });
    services.settings.update({ hubUrl: '' });
    await expect(api('hubSignIn', { username: 'op01', password: DEMO_PASSWORD })).rejects.toMatchObject({ code: 'HUB_NOT_CONFIGURED' });
  });

  it('sends registered tickets, gets the department’s reply back, and picks up knowledge and duty-list changes', async () => {
    const session = await api('hubSignIn', { username: 'op01', password: DEMO_PASSWORD });
    expect(session).toMatchObject({ username: 'op01', role: 'operator' });
    const reg = sampleRegistration();
    await api('registerTicket', { registration: reg, trainee: false });
    await api('transferTicket', { ticketId: reg.id, transfer: { ...sampleTransfer, co: [] } });
    const status = await api('syncNow', undefined);
    expect(status).toMatchObject({ connection: 'online', pending: 0, lastError: null });
    expect(await hubTicket(reg.id)).toMatchObject({ state: 'transferred', author: 'op01', deskId: services.deskId });

    const call = hubClient(running.url);
    const dept = await signIn(running.url, 'dept-urban');
    await call('POST', `/v1/tickets/${reg.id}/accept`, undefined, dept.token);
    await call('POST', `/v1/tickets/${reg.id}/reply`, { text: '已责令整改。', solved: true }, dept.token);
    const supervisor = await signIn(running.url, 'sup01');
    const [article] = (await running.sql.query<{ doc: Record<string, unknown> }>("SELECT doc FROM kb_articles ORDER BY id LIMIT 1"));
    await call('PUT', `/v1/kb/articles/${String(article!.doc.id)}`, { ...article!.doc, title: '新修订：钱塘江潮汐观测点开放时间' }, supervisor.token);

    await api('syncNow', undefined);
    const replica = services.db.prepare<[string], { state: string; doc: string }>('SELECT state, doc FROM hub_tickets WHERE id = ?').get(reg.id);
    expect(replica?.state).toBe('replied');
    expect(JSON.parse(replica!.doc)).toMatchObject({ reply: { text: '已责令整改。' }, number: expect.stringMatching(/^\d{8}-\d{6}$/) as unknown });
    // The changed article reaches search once the knowledge index is rebuilt on its worker thread.
    await services.kb.whenCurrent();
    const hits = await api('kbSearch', { query: '钱塘江潮汐观测点', limit: 3 });
    expect(hits[0]?.id).toBe(article!.doc.id);
  });

  it('resolves a ticket number for 关联工单: another seat’s ticket through the hub, linked by the new registration; an unknown number is NOT_FOUND', async () => {
    await api('hubSignIn', { username: 'op01', password: DEMO_PASSWORD });
    const other = await signIn(running.url, 'op02', 'desk-related-other');
    const earlier = registerOp(1, 'op02');
    const pushed = await hubClient(running.url)<PushResponse>('POST', '/v1/sync/push', { deskId: 'desk-related-other', operations: [earlier] }, other.token);
    const first = pushed.body.outcomes[0];
    const number = first?.outcome === 'accepted' ? first.ticketNumber : '';
    expect(number).toMatch(/^\d{8}-\d{6}$/);

    expect(await api('resolveTicketNumber', { number })).toEqual({ id: earlier.ticketId, number });
    const linked = sampleRegistration({ relatedTicketId: earlier.ticketId });
    await api('registerTicket', { registration: linked, trainee: false });
    await api('syncNow', undefined);
    expect((await hubTicket(linked.id)).registration.relatedTicketId).toBe(earlier.ticketId);
    expect(await invokeDeskMethod(desk, 'resolveTicketNumber', { number: '20000101-999999' }, quiet)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await invokeDeskMethod(desk, 'resolveTicketNumber', { number: earlier.ticketId }, quiet)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('keeps working while the hub is unreachable, says so, and sends everything when it is back', async () => {
    await api('hubSignIn', { username: 'op02', password: DEMO_PASSWORD });
    hubDown();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const reg = sampleRegistration({ description: `离线登记第 ${String(i)} 张，门店占道经营。` });
      ids.push(reg.id);
      await api('registerTicket', { registration: reg, trainee: false });
    }
    const offline = await api('syncNow', undefined);
    expect(offline).toMatchObject({ connection: 'offline', pending: 5, lastError: { code: 'HUB_UNREACHABLE' } });
    // The first one as if the outage had lasted five hours: it still counts when it was written.
    const fiveHoursAgo = new Date(Date.now() - 5 * 3_600_000).toISOString();
    services.db.prepare('UPDATE outbox SET created_at = ? WHERE ticket_id = ?').run(fiveHoursAgo, ids[0]);
    proxy.setRefusing(false);
    expect(await api('syncNow', undefined)).toMatchObject({ connection: 'online', pending: 0 });
    for (const id of ids) expect((await hubTicket(id)).author).toBe('op02');
    const backlog = await hubTicket(ids[0] ?? '');
    expect(backlog.createdAt).toBe(fiveHoursAgo);
    expect(backlog.clockSkewed).toBeUndefined();
  });

  it('shift change: A registers 20 tickets offline and signs out, B signs in, the hub comes back: all 20 land authored by A, and B never sees A’s draft', async () => {
    await api('hubSignIn', { username: 'op01', password: DEMO_PASSWORD });
    hubDown();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const reg = sampleRegistration({ description: `交接班前登记第 ${String(i)} 张：路灯不亮。` });
      ids.push(reg.id);
      await api('registerTicket', { registration: reg, trainee: false });
    }
    await api('saveTicketDraft', { ...emptyTicketDraft, description: 'A 未写完的工单：噪音扰民' });
    await api('setHandoverNote', { text: '3 号来电人下午会再打来，工单已登记。' });
    await api('hubSignOut', undefined);
    expect(await api('getSyncStatus', undefined)).toMatchObject({ connection: 'not_configured', pending: 20 });

    await api('hubSignIn', { username: 'op02', password: DEMO_PASSWORD }).catch(() => null);
    // The hub is still unreachable, so B cannot sign in yet: the queue waits, untouched.
    expect(await api('getHubSession', undefined)).toBeNull();
    proxy.setRefusing(false);
    await api('hubSignIn', { username: 'op02', password: DEMO_PASSWORD });
    expect(await api('loadTicketDraft', undefined)).toBeNull();
    expect(await api('getHandoverNote', undefined)).toMatchObject({ from: 'op01', text: '3 号来电人下午会再打来，工单已登记。' });
    expect(await api('syncNow', undefined)).toMatchObject({ pending: 0, needsAttention: 0 });
    for (const id of ids) expect(await hubTicket(id)).toMatchObject({ author: 'op01' });
    const [{ sent_by } = { sent_by: '' }] = await running.sql.query<{ sent_by: string }>("SELECT DISTINCT sent_by FROM ticket_events WHERE ticket_id = ANY($1)", [ids]);
    expect(sent_by).toBe('op02');

    // A signs in again later and finds their draft.
    await api('hubSignIn', { username: 'op01', password: DEMO_PASSWORD });
    expect((await api('loadTicketDraft', undefined))?.draft.description).toBe('A 未写完的工单：噪音扰民');
  });

  it('a trainee’s ticket goes to review; the supervisor’s returned comment reaches the desk', async () => {
    await api('hubSignIn', { username: 'trainee01', password: DEMO_PASSWORD });
    const reg = sampleRegistration();
    const record = await api('registerTicket', { registration: reg, trainee: false });
    expect(record).toMatchObject({ trainee: true, review: 'pending' });
    await api('transferTicket', { ticketId: reg.id, transfer: { ...sampleTransfer, co: [] } });
    await api('syncNow', undefined);
    const supervisor = await signIn(running.url, 'sup01');
    await hubClient(running.url)('POST', `/v1/reviews/${reg.id}`, { decision: 'return', comment: '地址不全' }, supervisor.token);
    await api('syncNow', undefined);
    const replica = services.db.prepare<[string], { doc: string }>('SELECT doc FROM hub_tickets WHERE id = ?').get(reg.id);
    expect(JSON.parse(replica!.doc)).toMatchObject({ review: 'rejected', reviewComment: '地址不全' });
  });

  it('a supervisor’s desk follows the live seat feed: a seat reported by another desk appears, and changes arrive as events; signing out ends the session at the hub', async () => {
    const events: unknown[] = [];
    services.addEventSink((event, payload) => {
      if (event === 'liveSeats') events.push(payload);
    });
    const signedInFrom = new Date().toISOString();
    await api('hubSignIn', { username: 'sup01', password: DEMO_PASSWORD });
    const operator = await signIn(running.url, 'op03', 'desk-live-0001');
    const report = { state: 'after_call_work', since: new Date().toISOString(), callStartedAt: null, reason: null, helpRequested: false };
    for (let i = 0; i < 100; i++) {
      await hubClient(running.url)('PUT', '/v1/presence', report, operator.token);
      const seats = await api('listSeats', undefined);
      if (seats.some((s) => s.deskId === 'desk-live-0001' && s.state === 'after_call_work')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await api('listSeats', undefined)).find((s) => s.deskId === 'desk-live-0001')).toMatchObject({ operator: 'op03', state: 'after_call_work' });
    expect(events.some((e) => (e as { type: string }).type === 'snapshot')).toBe(true);
    expect(events.some((e) => (e as { type: string; seat?: { deskId: string } }).seat?.deskId === 'desk-live-0001')).toBe(true);
    await api('hubSignOut', undefined);
    expect(await api('listSeats', undefined)).toEqual([]);
    // Signing out at the desk ends the session at the hub too: its token stops working at once.
    const openSessions = async () =>
      (await running.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM sessions WHERE username = 'sup01' AND started_at >= $1 AND revoked_at IS NULL", [signedInFrom]))[0]!
        .n;
    await expect.poll(openSessions, { timeout: 5_000 }).toBe(0);
  });

  it('a supervisor reviews a trainee’s ticket from the desk, and caller history from another desk leaves a confidential ticket out', async () => {
    const trainee = await signIn(running.url, 'trainee01', 'desk-rev-0001');
    const reg = sampleRegistration({ callerNumber: '13700001111', confidential: true, callerName: '周先生' });
    const push = (operations: unknown[]) => hubClient(running.url)('POST', '/v1/sync/push', { deskId: 'desk-rev-0001', operations }, trainee.token);
    const op = (seq: number, kind: string, payload: unknown) => ({ seq, opId: uuidv7(), author: 'trainee01', kind, ticketId: reg.id, payload, createdAt: new Date().toISOString() });
    await push([op(1, 'ticket.register', reg), op(2, 'ticket.transfer_for_review', sampleTransfer)]);

    await expect(api('listReviews', undefined)).rejects.toMatchObject({ code: 'HUB_UNAUTHENTICATED', details: { reason: 'NOT_SIGNED_IN' } });
    await api('hubSignIn', { username: 'sup01', password: DEMO_PASSWORD });
    const queue = await api('listReviews', undefined);
    expect(queue.map((t) => t.id)).toContain(reg.id);
    const decided = await api('decideReview', { ticketId: reg.id, decision: { decision: 'approve', comment: '' } });
    expect(decided).toMatchObject({ state: 'transferred', review: 'approved' });
    await expect(api('decideReview', { ticketId: reg.id, decision: { decision: 'approve', comment: '' } })).rejects.toMatchObject({ code: 'CONFLICT' });

    await api('hubSignIn', { username: 'op02', password: DEMO_PASSWORD });
    const history = await api('hubCallerHistory', { number: '13700001111', category: reg.category });
    // Found by its number, a confidential ticket of another desk would tell op02 that this caller reported in
    // confidence: it is left out of the list and the count.
    expect(history.tickets.map((t) => t.id)).not.toContain(reg.id);
    expect(history.sameMatterCount).toBe(0);
    await expect(api('listReviews', undefined)).rejects.toMatchObject({ code: 'HUB_FORBIDDEN', details: { reason: 'ROLE_NOT_ALLOWED' } });
  });

  it('a supervisor’s desk hears an early-warning alert as it is raised, lists it and acknowledges it', async () => {
    const alerts: { id: number; kind: string }[] = [];
    services.addEventSink((event, payload) => {
      if (event === 'liveAlert') alerts.push(payload as { id: number; kind: string });
    });
    await api('hubSignIn', { username: 'sup01', password: DEMO_PASSWORD });
    await new Promise((r) => setTimeout(r, 300));
    const operator = await signIn(running.url, 'op03', 'desk-burst-0001');
    const operations = Array.from({ length: 6 }, (_, i) => ({
      seq: i + 1,
      opId: uuidv7(),
      author: 'op03',
      kind: 'ticket.register',
      ...(() => {
        const r = sampleRegistration({ category: ['交通运输', '出租车管理'], location: { district: '河东区', town: null, address: '' }, callerNumber: `1350000000${String(i)}` });
        return { ticketId: r.id, payload: r };
      })(),
      createdAt: new Date().toISOString(),
    }));
    await hubClient(running.url)('POST', '/v1/sync/push', { deskId: 'desk-burst-0001', operations }, operator.token);
    for (let i = 0; i < 50 && !alerts.some((a) => a.kind === 'burst'); i++) await new Promise((r) => setTimeout(r, 100));
    const burst = alerts.find((a) => a.kind === 'burst');
    expect(burst).toBeDefined();
    const listed = await api('listAlerts', { includeAcknowledged: false });
    expect(listed.find((a) => a.id === burst!.id)).toMatchObject({ matter: ['交通运输', '出租车管理'], district: '河东区', ticketCount: 6 });
    expect(await api('acknowledgeAlert', { id: burst!.id })).toMatchObject({ acknowledgedBy: 'sup01' });
    expect((await api('listAlerts', { includeAcknowledged: false })).some((a) => a.id === burst!.id)).toBe(false);
  });

  it('tickets written before anyone signed in go out under the next session, authored by the seat', async () => {
    services.settings.update({ seatId: 'A-017' });
    const reg = sampleRegistration();
    await api('registerTicket', { registration: reg, trainee: false });
    await api('hubSignIn', { username: 'op01', password: DEMO_PASSWORD });
    expect(await api('syncNow', undefined)).toMatchObject({ pending: 0, needsAttention: 0 });
    // The hub names the seat it enrolled this desk as, not the seat name the desk wrote.
    expect(await hubTicket(reg.id)).toMatchObject({ author: `seat:${services.deskCredentials.read(proxy.url)?.seat ?? '?'}` });
  });
});
