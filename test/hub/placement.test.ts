/**
 * The placement record (实习档案) on both drivers: practice results pushed as
 * `practice.result` are stored once however often they arrive, and the record
 * adds them up per centre day with the trainee's calls (from presence), the
 * tickets they registered and the supervisors' review decisions. Supervisors
 * and admins read anyone's; a trainee only their own; operators none.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskServices } from '../../electron/services/desk-services';
import { enrolDesk } from './support/desk-enrolment';
import { createLogger } from '../../electron/services/logger';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';
import type { DeskMethod, DeskOutput } from '../../shared/desk-api';
import { invokeDeskMethod } from '../../shared/desk-handlers';
import type { Placement, PlacementDay, Trainee } from '../../shared/hub/placement';
import type { PracticeResultPayload } from '../../shared/hub/practice';
import type { PushOperation, PushResponse } from '../../shared/hub/sync';
import { uuidv7 } from '../../shared/tickets/uuid7';
import type { ThrowAwayPostgres } from './support/postgres';
import { startThrowAwayPostgres } from './support/postgres';
import type { RunningHub } from './support/hub-harness';
import { changeOp, hubClient, registerOp, resourcesDir, sampleTransfer, signIn, startHub } from './support/hub-harness';

let server: ThrowAwayPostgres;
beforeAll(async () => {
  server = await startThrowAwayPostgres();
}, 60_000);
afterAll(() => {
  server.stop();
});

const practice = (score: number, finishedAt: string, overrides: Partial<PracticeResultPayload> = {}): PracticeResultPayload => ({
  id: uuidv7(Date.parse(finishedAt)),
  scenarioId: 'S-01',
  scenarioTitle: '临街饭店油烟扰民',
  score,
  right: Math.round(score / 20),
  total: 5,
  items: [{ id: 'requestType', correct: true, given: '投诉', expected: '投诉' }],
  startedAt: new Date(Date.parse(finishedAt) - 120_000).toISOString(),
  finishedAt,
  ...overrides,
});

const practiceOp = (seq: number, author: string, result: PracticeResultPayload): PushOperation => ({
  seq,
  opId: uuidv7(),
  author,
  kind: 'practice.result',
  ticketId: result.id,
  payload: result,
  createdAt: result.finishedAt,
});

/** Today in the hub's time zone (Asia/Shanghai by default). */
const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

describe.each(['postgres', 'pglite'] as const)('placement record on %s', (driver) => {
  let running: RunningHub;
  let call: ReturnType<typeof hubClient>;
  const deskId = `desk-placement-${driver}`;
  beforeAll(async () => {
    running = await startHub(driver, server);
    call = hubClient(running.url);
  }, 60_000);
  afterAll(async () => {
    await running.close();
  });

  const push = async (token: string, operations: PushOperation[], desk = deskId): Promise<PushResponse> => {
    const reply = await call<PushResponse>('POST', '/v1/sync/push', { deskId: desk, operations }, token);
    expect(reply.status).toBe(200);
    return reply.body;
  };

  it('stores a practice result once however often it is pushed, and refuses a bad one', async () => {
    const trainee = await signIn(running.url, 'trainee01', deskId);
    // Two results a day apart in the centre's calendar: 23:30 and 00:30 Beijing time.
    const late = practice(100, '2025-03-01T15:30:00.000Z');
    const early = practice(70, '2025-03-01T16:30:00.000Z', { right: 3 });
    const batch = [practiceOp(1, 'trainee01', late), practiceOp(2, 'trainee01', early)];
    expect((await push(trainee.token, batch)).outcomes).toEqual([
      { seq: 1, outcome: 'accepted', ticketNumber: null },
      { seq: 2, outcome: 'accepted', ticketNumber: null },
    ]);
    // The same batch again (a lost answer), twice: duplicates by sequence.
    for (let i = 0; i < 2; i++) expect((await push(trainee.token, batch)).outcomes.map((o) => o.outcome)).toEqual(['duplicate', 'duplicate']);
    // The same result again under a new sequence (a replayed entry): a duplicate by its own id.
    expect((await push(trainee.token, [practiceOp(3, 'trainee01', late)])).outcomes).toEqual([{ seq: 3, outcome: 'duplicate' }]);
    // The same id from another desk is refused; so are a mismatched id and an impossible score.
    const elsewhere = await signIn(running.url, 'trainee01', `${deskId}-b`);
    expect((await push(elsewhere.token, [practiceOp(1, 'trainee01', late)], `${deskId}-b`)).outcomes).toEqual([
      { seq: 1, outcome: 'rejected', reason: 'ID_TAKEN', message: `id ${late.id} is used by other work`, subject: late.id },
    ]);
    const mismatched = { ...practiceOp(4, 'trainee01', practice(90, '2025-03-02T02:00:00.000Z')), ticketId: uuidv7() };
    const tooRight = practiceOp(5, 'trainee01', practice(100, '2025-03-02T02:00:00.000Z', { right: 6 }));
    const overScore = practiceOp(6, 'trainee01', { ...practice(100, '2025-03-02T02:00:00.000Z'), score: 101 });
    const unknownAuthor = practiceOp(7, 'nobody', practice(100, '2025-03-02T02:00:00.000Z'));
    const outcomes = (await push(trainee.token, [mismatched, tooRight, overScore, unknownAuthor])).outcomes;
    expect(outcomes.map((o) => o.outcome)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(outcomes[0]).toMatchObject({ reason: 'INVALID_ENTRY', issues: [{ path: 'payload.id', code: 'INVALID' }] });
    expect(outcomes[1]).toMatchObject({ reason: 'INVALID_ENTRY', issues: [{ path: 'payload.right', code: 'TOO_LONG', params: { max: 5 } }] });
    expect(outcomes[3]).toMatchObject({ reason: 'UNKNOWN_AUTHOR', subject: 'nobody' });

    const rows = await running.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM practice_results WHERE author = 'trainee01'`);
    expect(rows[0]?.n).toBe(2);

    const supervisor = await signIn(running.url, 'sup01');
    const record = await call<Placement>('GET', '/v1/trainees/trainee01/placement?from=2025-03-01&to=2025-03-02', undefined, supervisor.token);
    expect(record.status).toBe(200);
    expect(record.body.account).toEqual({ username: 'trainee01', displayName: '陈学员', role: 'trainee', team: '一组' });
    expect(record.body.days.map((d) => [d.day, d.practiceAttempts, d.practiceAverage])).toEqual([
      ['2025-03-01', 1, 100],
      ['2025-03-02', 1, 70],
    ]);
    expect(record.body.total).toEqual({ calls: 0, talkSeconds: 0, ticketsRegistered: 0, reviewsApproved: 0, reviewsReturned: 0, practiceAttempts: 2, practiceAverage: 85 });
  });

  it('adds up calls, tickets, review decisions and practice per day over the last 30 days', async () => {
    const trainee = await signIn(running.url, 'trainee01', deskId);
    const supervisor = await signIn(running.url, 'sup01');
    const base = 8;
    const first = registerOp(base, 'trainee01');
    const second = registerOp(base + 1, 'trainee01');
    const third = registerOp(base + 2, 'trainee01');
    const now = new Date().toISOString();
    await push(trainee.token, [
      first,
      second,
      third,
      changeOp(base + 3, 'trainee01', 'ticket.transfer_for_review', first.ticketId, sampleTransfer),
      changeOp(base + 4, 'trainee01', 'ticket.transfer_for_review', second.ticketId, sampleTransfer),
      practiceOp(base + 5, 'trainee01', practice(60, now)),
      practiceOp(base + 6, 'trainee01', practice(80, now)),
      practiceOp(base + 7, 'trainee01', practice(100, now)),
    ]);
    expect((await call('POST', `/v1/reviews/${first.ticketId}`, { decision: 'approve', comment: '' }, supervisor.token)).status).toBe(200);
    expect((await call('POST', `/v1/reviews/${second.ticketId}`, { decision: 'return', comment: '地址不全' }, supervisor.token)).status).toBe(200);

    // Two calls seen through presence: 90 s and 30 s; a report repeated during a call counts once.
    const startedAt = Date.now() - 600_000;
    const at = (ms: number): string => new Date(startedAt + ms).toISOString();
    const report = (state: string, since: string, callStartedAt: string | null) => call('PUT', '/v1/presence', { state, since, callStartedAt, reason: null }, trainee.token);
    expect((await report('on_call', at(0), at(0))).status).toBe(200);
    expect((await report('on_call', at(0), at(0))).status).toBe(200);
    expect((await report('after_call_work', at(90_000), null)).status).toBe(200);
    expect((await report('on_call', at(200_000), at(200_000))).status).toBe(200);
    expect((await report('ready', at(230_000), null)).status).toBe(200);

    const record = await call<Placement>('GET', '/v1/trainees/trainee01/placement', undefined, supervisor.token);
    expect(record.status).toBe(200);
    const { days, from, to, total } = record.body;
    expect(days).toHaveLength(30);
    expect(to).toBe(today());
    expect(days[0]?.day).toBe(from);
    const todayFigures: PlacementDay | undefined = days.at(-1);
    expect(todayFigures).toEqual({
      day: today(),
      calls: 2,
      talkSeconds: 120,
      ticketsRegistered: 3,
      reviewsApproved: 1,
      reviewsReturned: 1,
      practiceAttempts: 3,
      practiceAverage: 80,
    });
    expect(total).toEqual({ ...todayFigures, day: undefined, practiceAverage: 80 });
    expect(days.slice(0, -1).every((d) => d.calls === 0 && d.practiceAttempts === 0 && d.practiceAverage === null)).toBe(true);

    // The trainee reads the same record of their own.
    const own = await call<Placement>('GET', '/v1/trainees/trainee01/placement', undefined, trainee.token);
    expect(own.status).toBe(200);
    expect(own.body.total).toEqual(total);
  });

  it('lets supervisors and admins read any record, a trainee only their own, and nobody else', async () => {
    const [supervisor, admin, operator, trainee, department] = await Promise.all(
      (['sup01', 'admin', 'op01', 'trainee01', 'dept-urban'] as const).map((u) => signIn(running.url, u, u === 'op01' || u === 'trainee01' ? `desk-placement-${u}` : undefined)),
    );
    const path = '/v1/trainees/trainee01/placement';
    expect((await call('GET', path, undefined, admin!.token)).status).toBe(200);
    const refused = await call<{ error: string; message: string }>('GET', path, undefined, operator!.token);
    expect(refused.status).toBe(403);
    expect((await call('GET', path, undefined, department!.token)).status).toBe(403);
    const other = await call<{ reason: string }>('GET', '/v1/trainees/op01/placement', undefined, trainee!.token);
    expect(other.status).toBe(403);
    expect(other.body.reason).toBe('PLACEMENT_NOT_OWN');
    expect((await call('GET', path, undefined)).status).toBe(401);

    expect((await call('GET', '/v1/trainees/nobody/placement', undefined, supervisor!.token)).status).toBe(404);
    expect((await call('GET', '/v1/trainees/dept-urban/placement', undefined, supervisor!.token)).status).toBe(404);
    expect((await call('GET', `${path}?from=2025-03-02&to=2025-03-01`, undefined, supervisor!.token)).status).toBe(400);
    expect((await call('GET', `${path}?from=2025-02-31`, undefined, supervisor!.token)).status).toBe(400);
    expect((await call('GET', `${path}?from=2025-01-01&to=2025-03-31`, undefined, supervisor!.token)).status).toBe(400);
    expect((await call('GET', `${path}?limit=5`, undefined, supervisor!.token)).status).toBe(400);

    const trainees = await call<Trainee[]>('GET', '/v1/trainees', undefined, supervisor!.token);
    expect(trainees.body).toContainEqual({ username: 'trainee01', displayName: '陈学员', team: '一组' });
    expect(trainees.body.every((t) => t.username !== 'op01')).toBe(true);
    expect((await call('GET', '/v1/trainees', undefined, trainee!.token)).status).toBe(403);
    expect((await call('GET', '/v1/trainees', undefined, operator!.token)).status).toBe(403);
  });
});

describe('a practice call at a trainee’s desk reaches the placement record', () => {
  let running: RunningHub;
  let services: DeskServices;
  let dir: string;
  beforeAll(async () => {
    running = await startHub('postgres', server);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-placement-'));
    services = new DeskServices({ dataDir: dir, resourcesDir, host: 'web', version: 'test', logger: createLogger({ level: 'silent' }), hubPollIntervalMs: 60_000 });
    services.settings.update({ hubUrl: running.url });
    await enrolDesk(services, running.url);
  }, 60_000);
  afterAll(async () => {
    services.close();
    fs.rmSync(dir, { recursive: true, force: true });
    await running.close();
  });

  const quiet = { warn: () => undefined, error: () => undefined };
  const handlers = () => services.handlers({ setKnowledgePaneDetached: () => ({ detached: false }) });
  async function api<M extends DeskMethod>(method: M, input: unknown): Promise<DeskOutput<M>> {
    const result = await invokeDeskMethod(handlers(), method, input, quiet);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as DeskOutput<M>;
  }

  it('is queued with the result, sent once, and read back by the supervisor through the DeskApi', async () => {
    await api('hubSignIn', { username: 'trainee01', password: DEMO_PASSWORD });
    const answer = { requestType: '投诉', category: ['城市管理', '餐饮油烟'], lead: 'lanshan-gov' };
    await api('recordPracticeResult', { scenarioId: 'S-01', answer: { ...answer, lead: 'city-urban' }, startedAt: new Date(Date.now() - 60_000).toISOString() });
    expect(await api('syncNow', undefined)).toMatchObject({ pending: 0, needsAttention: 0 });
    const stored = await running.sql.query<{ id: string; author: string; score: number; desk_id: string }>('SELECT id, author, score, desk_id FROM practice_results');
    expect(stored).toEqual([{ id: expect.any(String) as string, author: 'trainee01', score: 80, desk_id: services.deskId }]);

    // The supervisor signs in on the same desk and reads it through the DeskApi.
    await api('hubSignOut', undefined);
    await api('hubSignIn', { username: 'sup01', password: DEMO_PASSWORD });
    expect(await api('listTrainees', undefined)).toContainEqual({ username: 'trainee01', displayName: '陈学员', team: '一组' });
    const record = await api('getPlacement', { account: 'trainee01', range: {} });
    expect(record.total).toMatchObject({ practiceAttempts: 1, practiceAverage: 80 });
    expect(record.days.at(-1)).toMatchObject({ day: today(), practiceAttempts: 1, practiceAverage: 80 });
    await expect(api('getPlacement', { account: 'nobody', range: {} })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
