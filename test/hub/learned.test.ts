/**
 * Learning from the centre's work, end to end: the hub trains its learned snapshot from the tickets it holds
 * (dispatches a lead department kept, its returns) and the article uses desks push, keeps every version, and
 * serves the newest through `GET /v1/learned`; a desk pulls it like its other replicas, keeps it across a
 * restart, and refuses a malformed one while keeping the one in use. A real hub on PGlite, the desk's real services.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskServices } from '../../electron/services/desk-services';
import { readRegions } from '../../electron/services/dispatch/dispatch-service';
import { readSeed } from '../../electron/services/dispatch/duty-replica';
import { jiebaSegmenter } from '../../electron/services/dispatch/jieba-segmenter';
import { createLogger } from '../../electron/services/logger';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';
import type { DeskMethod, DeskOutput } from '../../shared/desk-api';
import type { DeskHandlers } from '../../shared/desk-handlers';
import { invokeDeskMethod } from '../../shared/desk-handlers';
import { buildDutyIndex } from '../../shared/dispatch/duty-index';
import { LearnedDispatchModel } from '../../shared/dispatch/learned-model';
import { suggestDispatch } from '../../shared/dispatch/suggest';
import type { LearnedAnswer, LearnedSnapshot, LearnedVersion } from '../../shared/hub/learned';
import type { PushOperation, PushResponse } from '../../shared/hub/sync';
import type { DispatchTicket } from '../../scripts/eval/metrics';
import { foldOf, readJsonLines, scoreDispatch } from '../../scripts/eval/metrics';
import { adminToken, enrolDesk } from './support/desk-enrolment';
import type { RunningHub } from './support/hub-harness';
import { changeOp, hubClient, registerOp, resourcesDir, signIn, startHub } from './support/hub-harness';

let running: RunningHub;
let call: ReturnType<typeof hubClient>;
beforeAll(async () => {
  running = await startHub('pglite');
  call = hubClient(running.url);
}, 60_000);
afterAll(async () => {
  await running.close();
});

const segment = jiebaSegmenter();
const bikes = '来电人反映小区门口的共享单车堆成一片，把盲道全压住了。';
const pension = '来电人说单位两个月没给交养老保险，社保查询里显示断缴了。';

/** A desk's batches: each ticket registered and transferred to its lead, as an operator's dispatch is pushed. */
async function dispatchTickets(deskId: string, { token, account }: { token: string; account: { username: string } }, tickets: readonly { text: string; lead: string; district?: string | null }[]): Promise<string[]> {
  const operations: PushOperation[] = [];
  const ids: string[] = [];
  for (const t of tickets) {
    const seq = operations.length + 1;
    const reg = registerOp(seq, account.username, { description: t.text, location: { district: t.district ?? '兰山区', town: null, address: '' } });
    const transfer = { lead: t.lead, co: [], dutyId: null, timeLimitDays: 5, timeLimitReason: null, supervision: 'none', notes: '' };
    operations.push(reg, changeOp(seq + 1, account.username, 'ticket.transfer', reg.ticketId, transfer));
    ids.push(reg.ticketId);
  }
  const sent = sequences.get(deskId) ?? 0;
  for (let i = 0; i < operations.length; i += 400) {
    const batch = operations.slice(i, i + 400).map((op) => ({ ...op, seq: op.seq + sent }));
    const pushed = await call<PushResponse>('POST', '/v1/sync/push', { deskId, operations: batch }, token);
    expect(pushed.status).toBe(200);
    expect(pushed.body.outcomes.filter((o) => o.outcome !== 'accepted')).toEqual([]);
  }
  sequences.set(deskId, sent + operations.length);
  return ids;
}
const sequences = new Map<string, number>();

/** The lead department signs for the ticket (a supervisor may act for it) or returns it. */
async function decide(ids: readonly string[], token: string, action: 'accept' | 'return'): Promise<void> {
  for (const id of ids) {
    const answer = await call('POST', `/v1/tickets/${id}/${action}`, action === 'return' ? { reason: '不属于本单位职责' } : undefined, token);
    expect(answer.status).toBe(200);
  }
}

async function retrain(): Promise<LearnedVersion> {
  const answer = await call<LearnedVersion>('POST', '/v1/learned/retrain', undefined, await adminToken(running.url));
  expect(answer.status).toBe(201);
  return answer.body;
}

function modelOf(snapshot: LearnedSnapshot): LearnedDispatchModel {
  return LearnedDispatchModel.fromSnapshot(snapshot.dispatch, segment);
}
const share = (model: LearnedDispatchModel, text: string, department: string): number =>
  model.score(text, [department, 'city-hrss', 'city-transport']).find((s) => s.departmentId === department)?.probability ?? 0;

describe('the hub learns from its tickets and serves versions', () => {
  it('trains from kept and returned dispatches, pushes a returning department away, and serves each new version once', async () => {
    const op = await signIn(running.url, 'op01', 'learn-desk-a');
    const supervisor = await signIn(running.url, 'sup01');
    expect(await call<LearnedAnswer>('GET', '/v1/learned?have=0', undefined, op.token)).toMatchObject({ status: 200, body: { current: true, version: 0 } });
    expect((await call('POST', '/v1/learned/retrain', undefined, supervisor.token)).status).toBe(403);

    const kept = await dispatchTickets('learn-desk-a', op, [
      ...Array.from({ length: 4 }, () => ({ text: bikes, lead: 'city-urban' })),
      ...Array.from({ length: 4 }, () => ({ text: pension, lead: 'city-hrss' })),
    ]);
    // One more still waiting for its sign-off: not evidence either way.
    await dispatchTickets('learn-desk-a', op, [{ text: bikes, lead: 'city-transport' }]);
    await decide(kept, supervisor.token, 'accept');

    const first = await retrain();
    expect(first).toMatchObject({ version: 1, evidence: { accepted: 8, returned: 0, kbUses: 0 } });
    const served = await call<LearnedAnswer>('GET', '/v1/learned?have=0', undefined, op.token);
    if (served.body.current) throw new Error('expected a snapshot');
    const v1 = modelOf(served.body.snapshot);
    expect(v1.rank(bikes)[0]?.departmentId).toBe('city-urban');
    expect(v1.rank(pension)[0]?.departmentId).toBe('city-hrss');
    const before = share(v1, bikes, 'city-urban');
    expect(before).toBeGreaterThan(0.5);

    // The same matter sent to the same department again, and returned every time.
    const returned = await dispatchTickets('learn-desk-a', op, Array.from({ length: 6 }, () => ({ text: bikes, lead: 'city-urban' })));
    await decide(returned, supervisor.token, 'return');
    const second = await retrain();
    expect(second).toMatchObject({ version: 2, evidence: { accepted: 8, returned: 6 } });
    const newer = await call<LearnedAnswer>('GET', '/v1/learned?have=1', undefined, op.token);
    if (newer.body.current) throw new Error('expected a snapshot');
    expect(newer.body.snapshot).toMatchObject({ version: 2, dispatch: { version: 2, accepted: 8, returned: 6 }, kb: { version: 2 } });
    expect(share(modelOf(newer.body.snapshot), bikes, 'city-urban')).toBeLessThan(before / 2);
    // What the department kept elsewhere is untouched by another department's returns.
    expect(modelOf(newer.body.snapshot).rank(pension)[0]?.departmentId).toBe('city-hrss');

    // A desk that has the newest version gets only its number; every version stays at the hub.
    expect(await call<LearnedAnswer>('GET', '/v1/learned?have=2', undefined, op.token)).toMatchObject({ status: 200, body: { current: true, version: 2 } });
    const kept2 = await running.sql.query<{ version: number }>('SELECT version FROM learned_snapshots ORDER BY version');
    expect(kept2.map((r) => r.version)).toEqual([1, 2]);
    expect((await call('GET', '/v1/learned?have=-1', undefined, op.token)).status).toBe(400);
  });
});

describe('a desk pulls the learned snapshot', () => {
  const quiet = { warn: () => undefined, error: () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-learned-'));
  const openDesk = (): { services: DeskServices; api: <M extends DeskMethod>(method: M, input: unknown) => Promise<DeskOutput<M>> } => {
    const services = new DeskServices({ dataDir: dir, resourcesDir, host: 'web', version: 'test', logger: createLogger({ level: 'silent' }), hubPollIntervalMs: 60_000 });
    const desk: DeskHandlers = services.handlers({ setKnowledgePaneDetached: () => ({ detached: false }) });
    const api = async <M extends DeskMethod>(method: M, input: unknown): Promise<DeskOutput<M>> => {
      const result = await invokeDeskMethod(desk, method, input, quiet);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as DeskOutput<M>;
    };
    return { services, api };
  };
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('pushes article uses, takes the new version, keeps it across a restart, and refuses a malformed one while keeping it', async () => {
    let { services, api } = openDesk();
    services.settings.update({ hubUrl: running.url });
    await enrolDesk(services, running.url);
    await api('hubSignIn', { username: 'op01', password: DEMO_PASSWORD });

    // Article uses ride the outbox to the hub like tickets do.
    await expect(api('kbUse', { query: '单车压盲道', articleId: 'NO-SUCH-ARTICLE', kind: 'opened' })).rejects.toThrow();
    await api('kbUse', { query: '共享单车把盲道堵死了', articleId: 'KB-0001', kind: 'opened' });
    await api('kbUse', { query: '共享单车把盲道堵死了', articleId: 'KB-0001', kind: 'helpful' });
    const synced = await api('syncNow', undefined);
    expect(synced).toMatchObject({ connection: 'online', pending: 0, learned: { version: 2, refused: null } });
    const uses = await running.sql.query<{ query: string; article_id: string; kind: string; author: string }>('SELECT query, article_id, kind, author FROM kb_uses ORDER BY seq');
    expect(uses).toEqual([
      { query: '共享单车把盲道堵死了', article_id: 'KB-0001', kind: 'opened', author: 'op01' },
      { query: '共享单车把盲道堵死了', article_id: 'KB-0001', kind: 'helpful', author: 'op01' },
    ]);

    const third = await retrain();
    expect(third).toMatchObject({ version: 3, evidence: { kbUses: 2 } });
    expect(await api('syncNow', undefined)).toMatchObject({ learned: { version: 3, trainedAt: third.trainedAt, refused: null } });
    // Used beside the list, explained: the department still comes with its duty entry.
    const suggested = await api('suggestDispatch', { text: pension, district: '兰山区' });
    expect(suggested.find((s) => s.departmentId === 'city-hrss')?.reasons.learned).toBeGreaterThan(0.3);
    expect(services.kb.learnedVersion()).toBe(3);
    const hits = await api('kbSearch', { query: '单车压着盲道', district: null, limit: 10 });
    expect(hits.find((h) => h.id === 'KB-0001')).toMatchObject({ learned: true });

    // A restart: the kept version is used before the desk reaches the hub again.
    services.close();
    ({ services, api } = openDesk());
    expect(await api('getSyncStatus', undefined)).toMatchObject({ learned: { version: 3, refused: null } });
    expect((await api('suggestDispatch', { text: pension, district: '兰山区' })).find((s) => s.departmentId === 'city-hrss')?.reasons.learned).toBeGreaterThan(0.3);

    // The hub serves a damaged version 4: refused with its reason, version 3 stays, the exchange itself succeeds.
    const [newest] = await running.sql.query<{ doc: LearnedSnapshot }>('SELECT doc FROM learned_snapshots WHERE version = 3');
    const damaged = { ...newest!.doc, version: 4, dispatch: { ...newest!.doc.dispatch, version: 4, weights: { 'w:单车': [['city-urban', 'heavy']] } }, kb: { ...newest!.doc.kb, version: 4 } };
    await running.sql.query(`INSERT INTO learned_snapshots (version, trained_at, evidence, mark, doc) VALUES (4, now(), '{}', 'damaged', $1)`, [JSON.stringify(damaged)]);
    await api('hubSignIn', { username: 'op01', password: DEMO_PASSWORD });
    const refused = await api('syncNow', undefined);
    expect(refused).toMatchObject({ connection: 'online', lastError: null, learned: { version: 3, refused: { reason: 'MALFORMED' } } });
    expect(refused.learned?.refused?.detail).toContain('dispatch.weights');
    expect(services.kb.learnedVersion()).toBe(3);
    services.close();
  });
});

describe('replayed shifts through the hub', () => {
  it('raises accuracy on held-out tickets it never trained on', async () => {
    const tickets = readJsonLines(path.join(resourcesDir, '..', 'test', 'data', 'heldout', 'dispatch-tickets.jsonl')) as (DispatchTicket & { expected_lead: string })[];
    const shifts = tickets.filter((t) => foldOf(t.id) === 'a');
    const unseen = tickets.filter((t) => foldOf(t.id) === 'b');
    const op = await signIn(running.url, 'op02', 'learn-desk-replay');
    const supervisor = await signIn(running.url, 'sup01');
    const ids = await dispatchTickets('learn-desk-replay', op, shifts.map((t) => ({ text: t.text, lead: t.expected_lead, district: t.district })));
    await decide(ids, supervisor.token, 'accept');
    const trained = await retrain();
    expect(trained.evidence.accepted).toBeGreaterThanOrEqual(shifts.length);

    // What a desk pulls (it has version 0): the model alone, and beside a list lacking the callers' words.
    const answer = await call<LearnedAnswer>('GET', '/v1/learned?have=0', undefined, op.token);
    if (answer.body.current) throw new Error('expected a snapshot');
    const model = modelOf(answer.body.snapshot);
    const alone = unseen.filter((t) => t.acceptable_leads.includes(model.rank(t.text)[0]?.departmentId ?? '')).length / unseen.length;
    expect(alone).toBeGreaterThan(0.2); // chance: 1 in ~90 departments

    const seed = readSeed(resourcesDir);
    const sparse = buildDutyIndex(seed.duties.map((d) => ({ ...d, keywords: [], phrasings: [] })), seed.departments, readRegions(resourcesDir), segment);
    const measure = (learned: LearnedDispatchModel | null) =>
      scoreDispatch(unseen, (t) => suggestDispatch(sparse, { text: t.text, district: t.district }, segment, learned).flatMap((s) => (s.departmentId ? [s.departmentId] : [])));
    const before = measure(null);
    const after = measure(model);
    expect(after.top1 + after.top3).toBeGreaterThan(before.top1 + before.top3);
    expect(after.top1).toBeGreaterThanOrEqual(before.top1);
  });
});
