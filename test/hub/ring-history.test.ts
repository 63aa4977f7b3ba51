/**
 * The caller's history on the ring through the DeskApi, against a real hub
 * (PGlite) and a real desk file: every desk's tickets of the caller as this
 * operator may see them when the hub answers; the hub's last answer, with its
 * age, when the hub is slow or down; this desk's own tickets when nothing was
 * kept for the caller.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskServices } from '../../electron/services/desk-services';
import { createLogger } from '../../electron/services/logger';
import { RingHistoryReader } from '../../electron/services/tickets/ring-history';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';
import { deskApiContract } from '../../shared/desk-api';
import type { DeskHandlers } from '../../shared/desk-handlers';
import { invokeDeskMethod } from '../../shared/desk-handlers';
import type { RingHistory } from '../../shared/tickets/ring-history';
import { sampleRegistration } from '../support/sample-ticket';
import { enrolDesk } from './support/desk-enrolment';
import type { RunningHub } from './support/hub-harness';
import { changeOp, hubClient, registerOp, resourcesDir, sampleTransfer, signIn, startHub } from './support/hub-harness';

const quiet = { warn: () => undefined, error: () => undefined };
let running: RunningHub;
let dir: string;
let services: DeskServices;
let desk: DeskHandlers;

beforeEach(async () => {
  running = await startHub('pglite');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ring-history-'));
  services = new DeskServices({ dataDir: dir, resourcesDir, host: 'web', version: 'test', logger: createLogger({ level: 'silent' }), hubPollIntervalMs: 60_000 });
  desk = services.handlers({ setKnowledgePaneDetached: () => ({ detached: false }) });
  services.settings.update({ hubUrl: running.url });
  await enrolDesk(services, running.url);
}, 60_000);
afterEach(async () => {
  services.close();
  fs.rmSync(dir, { recursive: true, force: true });
  await running.close().catch(() => undefined);
});

async function ring(number: string): Promise<RingHistory> {
  const answer = await invokeDeskMethod(desk, 'ringHistory', { number }, quiet);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as RingHistory;
}

describe('caller history on the ring', () => {
  it('shows every desk’s tickets from the hub, then the kept answer with its age when the hub is slow or down', async () => {
    // Another desk took three calls from 138 1234 5678 (one of them in confidence) and one from someone else.
    const other = await signIn(running.url, 'op02', 'desk-rh-0002');
    const noise = registerOp(1, 'op02', { callerNumber: '13812345678', category: ['生态环境', '噪声污染'], description: '夜里工地施工噪声扰民，影响休息。' });
    const stall = registerOp(3, 'op02', { callerNumber: '138-1234-5678', description: '门店把货架摆到人行道上，行人只能走机动车道。' });
    const secret = registerOp(5, 'op02', { callerNumber: '13812345678', confidential: true, description: '举报某饭店后厨卫生问题，请为我保密。' });
    const stranger = registerOp(6, 'op02', { callerNumber: '13900000001' });
    const pushed = await hubClient(running.url)(
      'POST',
      '/v1/sync/push',
      { deskId: 'desk-rh-0002', operations: [noise, changeOp(2, 'op02', 'ticket.answer', noise.ticketId, { articleId: null, answer: '已告知夜间施工须持证。' }), stall, changeOp(4, 'op02', 'ticket.transfer', stall.ticketId, sampleTransfer), secret, stranger] },
      other.token,
    );
    expect(pushed.status).toBe(200);

    expect(await ring('13812345678')).toMatchObject({ source: 'desk', hubProblem: 'signed_out', rows: [] });
    await invokeDeskMethod(desk, 'hubSignIn', { username: 'op01', password: DEMO_PASSWORD }, quiet);
    // This desk's own call from the same number, registered a moment ago.
    const mine = sampleRegistration({ callerNumber: '+86 138 1234 5678', calledAt: new Date().toISOString() });
    expect((await invokeDeskMethod(desk, 'registerTicket', { registration: mine, trainee: false }, quiet)).ok).toBe(true);

    // A budget no loaded test machine misses (the desk's own 300 ms budget is what the slow case below tests).
    const patient = new RingHistoryReader({ db: services.db, tickets: services.tickets, replica: services.hubTickets, hub: services.hub, sync: services.sync, budgetMs: 20_000 });
    const live = await patient.read(deskApiContract.ringHistory.input.parse({ number: '0086 138-1234-5678' }).number);
    expect(live).toMatchObject({ source: 'hub', hubProblem: null, recentCount: 3, repeatCaller: true });
    // Open first (this desk's, then the transferred one), then the answered one; the confidential ticket of another desk is not shown to an operator.
    expect(live.rows.map((r) => [r.id, r.state, r.open, r.local])).toEqual([
      [mine.id, 'registered', true, true],
      [stall.ticketId, 'transferred', true, false],
      [noise.ticketId, 'answered', false, false],
    ]);
    expect(live.rows.map((r) => r.id)).not.toContain(secret.ticketId);
    expect(live.rows[1]).toMatchObject({ department: 'city-urban', sameMatter30d: 2, number: expect.stringMatching(/^\d{8}-\d{6,}$/u) as unknown });

    // The hub slower than the budget: the answer kept a moment ago stands in, saying when it was taken.
    const impatient = new RingHistoryReader({ db: services.db, tickets: services.tickets, replica: services.hubTickets, hub: services.hub, sync: services.sync, budgetMs: 0 });
    const slow = await impatient.read('13812345678');
    expect(slow).toMatchObject({ source: 'cache', hubProblem: 'slow' });
    expect(slow.rows.map((r) => r.id)).toEqual(live.rows.map((r) => r.id));
    expect(slow.asOf).toBe(live.asOf);

    // The hub down: the same rows from the cache, with the hub's numbers and states.
    await running.close();
    const down = await ring('13812345678');
    expect(down).toMatchObject({ source: 'cache', hubProblem: 'unreachable', recentCount: 3, repeatCaller: true });
    expect(down.rows.map((r) => [r.id, r.number, r.state])).toEqual(live.rows.map((r) => [r.id, r.number, r.state]));
    expect(down.asOf).toBe(live.asOf);
    // A caller never looked up: only what this desk has (nothing for them).
    expect(await ring('13900000001')).toMatchObject({ source: 'desk', hubProblem: 'unreachable', rows: [] });
  }, 60_000);
});
