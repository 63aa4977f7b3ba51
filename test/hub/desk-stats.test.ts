/**
 * The statistics through the DeskApi, as the supervisor's workbench asks for
 * them: the desk's services build the hub's query from a window with a time
 * zone offset, under the signed-in supervisor's session; anyone else is told
 * in Chinese why not.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeskServices } from '../../electron/services/desk-services';
import { enrolDesk } from './support/desk-enrolment';
import { createLogger } from '../../electron/services/logger';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';
import type { DeskMethod, DeskOutput } from '../../shared/desk-api';
import type { DeskHandlers } from '../../shared/desk-handlers';
import { invokeDeskMethod } from '../../shared/desk-handlers';
import type { Result } from '../../shared/result';
import type { RunningHub } from './support/hub-harness';
import { changeOp, hubClient, registerOp, resourcesDir, sampleTransfer, signIn, startHub } from './support/hub-harness';

let running: RunningHub;
beforeAll(async () => {
  running = await startHub('pglite');
}, 60_000);
afterAll(async () => {
  await running.close();
});

let dir: string;
let services: DeskServices;
let desk: DeskHandlers;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-stats-'));
  services = new DeskServices({ dataDir: dir, resourcesDir, host: 'web', version: 'test', logger: createLogger({ level: 'silent' }), hubPollIntervalMs: 60_000 });
  desk = services.handlers({ setKnowledgePaneDetached: () => ({ detached: false }) });
  services.settings.update({ hubUrl: running.url });
  await enrolDesk(services, running.url);
});
afterEach(() => {
  services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const quiet = { warn: () => undefined, error: () => undefined };
const api = <M extends DeskMethod>(method: M, input: unknown): Promise<Result<DeskOutput<M>>> => invokeDeskMethod(desk, method, input, quiet) as Promise<Result<DeskOutput<M>>>;

/** The window as China Standard Time writes it: the `+` of the offset must survive the query string. */
const cst = (at: number): string => new Date(at + 8 * 3_600_000).toISOString().replace('Z', '+08:00').replace('.000', '');

describe('statistics through the DeskApi', () => {
  it('reads the hub’s statistics for a supervisor, and refuses an operator and a backwards window', async () => {
    const now = Date.now();
    const operator = await signIn(running.url, 'op02', 'desk-ds-0001');
    const registered = registerOp(1, 'op02', { category: ['生态环境', '噪声污染'] });
    await hubClient(running.url)('POST', '/v1/sync/push', { deskId: 'desk-ds-0001', operations: [registered, changeOp(2, 'op02', 'ticket.transfer', registered.ticketId, sampleTransfer)] }, operator.token);
    const window = { from: cst(now - 3_600_000), to: cst(now + 60_000) };

    const signedOut = await api('ticketStats', window);
    expect(signedOut).toMatchObject({ ok: false, error: { code: 'HUB_UNAUTHENTICATED', details: { reason: 'NOT_SIGNED_IN' } } });

    await api('hubSignIn', { username: 'sup01', password: DEMO_PASSWORD });
    const read = await api('ticketStats', window);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.total).toBe(1);
    expect(read.value.matters).toEqual([{ category: ['生态环境', '噪声污染'], count: 1 }]);
    expect(read.value.departments).toMatchObject([{ department: 'city-urban', transferred: 1, responded: 0, responseRate: 0, resolutionRate: null }]);
    expect(read.value.hourly.reduce((sum, h) => sum + h.transferred, 0)).toBe(1);

    // The contract refuses a backwards window before anything reaches the hub.
    expect(await api('ticketStats', { from: window.to, to: window.from })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    await api('hubSignIn', { username: 'op01', password: DEMO_PASSWORD });
    expect(await api('ticketStats', window)).toMatchObject({ ok: false, error: { code: 'HUB_FORBIDDEN', details: { reason: 'ROLE_NOT_ALLOWED' } } });
  });
});
