/**
 * The transfer directory kept in the hub's catalogue on PostgreSQL: seeded
 * with the sample numbers, edited by admins only, and replicated to a desk
 * through the sync pull, where it is searched by pinyin even with the hub down.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeskServices } from '../../electron/services/desk-services';
import { createLogger } from '../../electron/services/logger';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';
import type { DirectoryEntry } from '../../shared/dispatch/directory';
import type { DeskHandlers } from '../../shared/desk-handlers';
import { invokeDeskMethod } from '../../shared/desk-handlers';
import type { DeskMethod, DeskOutput } from '../../shared/desk-api';
import { startTcpProxy } from '../support/tcp-proxy';
import type { TcpProxy } from '../support/tcp-proxy';
import { adminToken, enrolDesk } from './support/desk-enrolment';
import type { RunningHub } from './support/hub-harness';
import { hubClient, resourcesDir, signIn, startHub } from './support/hub-harness';
import type { ThrowAwayPostgres } from './support/postgres';
import { startThrowAwayPostgres } from './support/postgres';

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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-directory-'));
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
async function api<M extends DeskMethod>(method: M, input: unknown): Promise<DeskOutput<M>> {
  const result = await invokeDeskMethod(desk, method, input, quiet);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as DeskOutput<M>;
}

const expert: DirectoryEntry = { id: 'city-water-he', kind: 'expert', departmentId: 'city-water', name: '何青山', topic: '水利工程与防汛', number: '8799' };

describe('the transfer directory in the hub’s catalogue', () => {
  it('is seeded with a number for every department, and only admins change it, with clear refusals', async () => {
    const call = hubClient(running.url);
    const supervisor = await signIn(running.url, 'sup01');
    const listed = await call<DirectoryEntry[]>('GET', '/v1/directory', undefined, supervisor.token);
    expect(listed.status).toBe(200);
    expect(listed.body.find((e) => e.id === 'city-hrss-wang')).toMatchObject({ kind: 'expert', name: '王建国', number: '8711' });
    const [departments] = await running.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM departments WHERE NOT deleted');
    expect(listed.body.filter((e) => e.kind === 'department')).toHaveLength(departments!.n);

    expect((await call('PUT', `/v1/directory/${expert.id}`, expert, supervisor.token)).status).toBe(403);
    const admin = await adminToken(running.url);
    const badNumber = await call<{ message: string }>('PUT', `/v1/directory/${expert.id}`, { ...expert, number: '请拨总机' }, admin);
    expect(badNumber.status).toBe(400);
    expect(badNumber.body).toMatchObject({ error: 'INVALID_INPUT', issues: [{ path: 'number' }] });
    const unknownDept = await call<{ message: string }>('PUT', `/v1/directory/${expert.id}`, { ...expert, departmentId: 'no-such-dept' }, admin);
    expect(unknownDept.status).toBe(400);
    expect(unknownDept.body).toMatchObject({ reason: 'UNKNOWN_DEPARTMENTS', refs: ['no-such-dept'] });
    // A department whose numbers are still listed cannot be removed.
    const { sql } = running;
    await sql.query(`INSERT INTO departments (id, doc, version) VALUES ('tmp-dept', '{"id":"tmp-dept","name":"临时专班","level":"市级部门","parent":null,"district":null}', 1)`);
    expect((await call('PUT', '/v1/directory/tmp-dept-main', { id: 'tmp-dept-main', kind: 'department', departmentId: 'tmp-dept', name: '总机', topic: '', number: '8999' }, admin)).status).toBe(200);
    const refused = await call<{ message: string }>('DELETE', '/v1/departments/tmp-dept', undefined, admin);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ reason: 'DEPARTMENT_HAS_LINES', subject: 'tmp-dept', refs: ['tmp-dept-main'] });
    expect((await call('DELETE', '/v1/directory/tmp-dept-main', undefined, admin)).status).toBe(200);
    expect((await call('DELETE', '/v1/departments/tmp-dept', undefined, admin)).status).toBe(200);
  });

  it('reaches a desk with its next pull, additions and deletions, and is searched there with the hub down', async () => {
    await api('hubSignIn', { username: 'op01', password: DEMO_PASSWORD });
    await api('syncNow', undefined);
    expect(await api('searchDirectory', { text: 'hqs' })).toEqual([]);
    const wang = await api('searchDirectory', { text: 'wjg' });
    expect(wang[0]).toMatchObject({ id: 'city-hrss-wang', departmentName: '临沂市人力资源和社会保障局', number: '8711' });

    const call = hubClient(running.url);
    const admin = await adminToken(running.url);
    expect((await call('PUT', `/v1/directory/${expert.id}`, expert, admin)).status).toBe(200);
    expect((await call('PUT', '/v1/directory/city-hrss-wang', { ...wang[0], departmentName: undefined, lead: undefined, number: 'sip:wang.jianguo@pbx.example' }, admin)).status).toBe(200);
    expect((await call('DELETE', '/v1/directory/city-hrss-liu', undefined, admin)).status).toBe(200);
    await api('syncNow', undefined);

    proxy.setRefusing(true);
    proxy.cutAll();
    expect(await api('searchDirectory', { text: 'hqs' })).toMatchObject([{ id: 'city-water-he', departmentName: '临沂市水利局', number: '8799' }]);
    expect((await api('searchDirectory', { text: 'wangjianguo' }))[0]).toMatchObject({ number: 'sip:wang.jianguo@pbx.example' });
    expect(await api('searchDirectory', { text: 'lxy' })).toEqual([]);
    // The lead department of the dispatch suggestion comes first.
    const led = await api('searchDirectory', { text: '', leadDepartmentId: 'city-water', limit: 3 });
    expect(led.map((h) => [h.id, h.lead])).toEqual([['city-water-main', true], ['city-water-he', true], [expect.any(String), false]]);
  });
});
