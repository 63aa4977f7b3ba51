/**
 * A desk in front of a hub that misbehaves: live-seat frames that are not
 * the protocol's, answers larger than any the desk should read, and pushes
 * answered without acknowledging anything. A proxy between the desk's real
 * services and a real hub on PostgreSQL plays the misbehaving part; in each
 * case the desk names the fault with its own code and keeps working.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeskServices } from '../../electron/services/desk-services';
import { LiveSeats } from '../../electron/services/hub/live-seats';
import { HubHttp } from '../../electron/services/sync/hub-http';
import { SyncError } from '../../electron/services/sync/sync-engine';
import { createLogger } from '../../electron/services/logger';
import { DEMO_PASSWORD } from '../../server/src/catalogue/seed';
import type { DeskMethod, DeskOutput } from '../../shared/desk-api';
import type { DeskHandlers } from '../../shared/desk-handlers';
import { invokeDeskMethod } from '../../shared/desk-handlers';
import type { HubTicket } from '../../shared/hub/hub-ticket';
import type { LiveMessage } from '../../shared/hub/presence';
import { sampleRegistration } from '../support/sample-ticket';
import type { HubFaultProxy } from '../support/hub-fault-proxy';
import { startHubFaultProxy } from '../support/hub-fault-proxy';
import { enrolDesk } from './support/desk-enrolment';
import type { RunningHub } from './support/hub-harness';
import { hubClient, signIn, resourcesDir, startHub } from './support/hub-harness';
import type { ThrowAwayPostgres } from './support/postgres';
import { startThrowAwayPostgres } from './support/postgres';

let server: ThrowAwayPostgres;
let running: RunningHub;
let proxy: HubFaultProxy;
beforeAll(async () => {
  server = await startThrowAwayPostgres();
  running = await startHub('postgres', server);
  proxy = await startHubFaultProxy(running.url);
}, 90_000);
afterAll(async () => {
  await proxy.close();
  await running.close();
  server.stop();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${String(timeoutMs)} ms (last: ${JSON.stringify(value)})`);
    await sleep(50);
  }
}

describe('the live-seat feed of a supervisor’s desk', () => {
  it('drops garbage frames with HUB_BAD_RESPONSE and goes on; an oversized frame is refused and the feed comes back whole', async () => {
    const supervisor = await signIn(running.url, 'sup01');
    const messages: LiveMessage[] = [];
    const errors: unknown[] = [];
    const feed = new LiveSeats({
      http: new HubHttp(proxy.url, () => supervisor.token),
      token: () => supervisor.token,
      onMessage: (message) => messages.push(message),
      onError: (error) => errors.push(error),
      maxFrameBytes: 1024 * 1024,
    });
    feed.start();
    try {
      await until(() => messages.filter((m) => m.type === 'snapshot').length, (n) => n === 1, 10_000, 'first snapshot');
      proxy.inject('{"type":"seat","seat":');
      proxy.inject(JSON.stringify({ type: 'seat', seat: { deskId: 42, state: 'dancing' } }));
      proxy.inject(Buffer.from([0xff, 0xfe, 0x00, 0x9c]));
      const codes = await until(
        () => errors.map((e) => (e instanceof SyncError ? e.code : String(e))),
        (list) => list.length >= 3,
        5_000,
        'three refusals',
      );
      expect(codes).toEqual(['HUB_BAD_RESPONSE', 'HUB_BAD_RESPONSE', 'HUB_BAD_RESPONSE']);
      expect(feed.rejectedFrames).toBe(3);

      // The feed still works: a desk's next state change reaches this supervisor.
      const desk = await signIn(running.url, 'op01', 'desk-guard-01');
      const report = { state: 'ready', since: new Date().toISOString(), callStartedAt: null, reason: null, helpRequested: false };
      expect((await hubClient(running.url)('PUT', '/v1/presence', report, desk.token)).status).toBe(200);
      await until(() => feed.all().find((s) => s.deskId === 'desk-guard-01')?.state, (state) => state === 'ready', 10_000, 'seat update after garbage');

      // A frame beyond the cap closes the link before it is buffered; the board is told it is stale, then whole.
      proxy.inject('"' + 'x'.repeat(2 * 1024 * 1024) + '"');
      await until(() => errors.some((e) => e instanceof SyncError && e.code === 'HUB_RESPONSE_TOO_LARGE'), Boolean, 5_000, 'oversized refusal');
      await until(() => messages.some((m) => m.type === 'feed' && m.stale), Boolean, 5_000, 'stale notice');
      await until(() => messages.some((m) => m.type === 'feed' && !m.stale), Boolean, 15_000, 'feed whole again');
      expect(messages.filter((m) => m.type === 'snapshot').length).toBe(2);
      expect(feed.all().find((s) => s.deskId === 'desk-guard-01')?.state).toBe('ready');
    } finally {
      feed.stop();
    }
  }, 60_000);
});

describe('a desk’s exchange with a misbehaving hub', () => {
  let dir: string;
  let services: DeskServices;
  let desk: DeskHandlers;
  beforeEach(async () => {
    proxy.mode = 'pass';
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-guards-'));
    services = new DeskServices({ dataDir: dir, resourcesDir, host: 'web', version: 'test', logger: createLogger({ level: 'silent' }), hubPollIntervalMs: 60_000 });
    desk = services.handlers({ setKnowledgePaneDetached: () => ({ detached: false }) });
    services.settings.update({ hubUrl: proxy.url });
    await enrolDesk(services, proxy.url);
    await api('hubSignIn', { username: 'op02', password: DEMO_PASSWORD });
  }, 30_000);
  afterEach(() => {
    proxy.mode = 'pass';
    services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const quiet = { warn: () => undefined, error: () => undefined };
  async function api<M extends DeskMethod>(method: M, input: unknown): Promise<DeskOutput<M>> {
    const result = await invokeDeskMethod(desk, method, input, quiet);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as DeskOutput<M>;
  }
  const onHub = async (id: string): Promise<number> => {
    const supervisor = await signIn(running.url, 'sup01');
    return (await hubClient(running.url)<HubTicket>('GET', `/v1/tickets/${id}`, undefined, supervisor.token)).status;
  };

  it('refuses an oversized answer unread with HUB_RESPONSE_TOO_LARGE, keeps the ticket queued, and sends it once the hub is sane', async () => {
    proxy.mode = 'oversized';
    const reg = sampleRegistration({ description: '答复过大时登记：小区路灯不亮。' });
    await api('registerTicket', { registration: reg, trainee: false });
    const refused = await api('syncNow', undefined);
    expect(refused).toMatchObject({ connection: 'offline', pending: 1, lastError: { code: 'HUB_RESPONSE_TOO_LARGE' } });
    // The desk keeps working meanwhile: a second ticket is registered and queued.
    const second = sampleRegistration({ description: '答复过大时登记的第二张：井盖缺失。' });
    await api('registerTicket', { registration: second, trainee: false });
    proxy.mode = 'pass';
    expect(await api('syncNow', undefined)).toMatchObject({ connection: 'online', pending: 0, lastError: null });
    expect([await onHub(reg.id), await onHub(second.id)]).toEqual([200, 200]);
  }, 30_000);

  it('backs off with growing, jittered pauses while pushes are not acknowledged, and resets once they are', async () => {
    proxy.mode = 'unacknowledged-push';
    const from = proxy.pushes.length;
    const reg = sampleRegistration({ description: '推送未获确认时登记：占道经营。' });
    await api('registerTicket', { registration: reg, trainee: false });
    // Three attempts, each failing with its own code; they are spaced out, not sent back to back.
    const status = await until(
      () => api('getSyncStatus', undefined),
      (s) => proxy.pushes.length - from >= 3 && s.connection === 'offline',
      15_000,
      'three failed push attempts',
    );
    expect(status).toMatchObject({ connection: 'offline', pending: 1, lastError: { code: 'HUB_NO_PROGRESS' } });
    expect(status.nextAttemptAt).not.toBeNull();
    const times = proxy.pushes.slice(from, from + 3);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
    // hubBackoff: the n-th retry waits between 20 % and 100 % of 1 s × 2^(n-1).
    expect(gaps[0]).toBeGreaterThanOrEqual(150);
    expect(gaps[1]).toBeGreaterThanOrEqual(350);
    expect(proxy.pushes.length - from).toBeLessThanOrEqual(4);

    proxy.mode = 'pass';
    await until(() => api('getSyncStatus', undefined), (s) => s.pending === 0 && s.connection === 'online', 20_000, 'recovery on its own');
    expect(await onHub(reg.id)).toBe(200);
    // Reset on success: the next ticket goes at once, not after the last pause.
    const next = sampleRegistration({ description: '恢复后登记：噪音扰民。' });
    const sentFrom = proxy.pushes.length;
    await api('registerTicket', { registration: next, trainee: false });
    await until(() => proxy.pushes.length - sentFrom, (n) => n >= 1, 1_500, 'immediate push after recovery');
    await until(() => api('getSyncStatus', undefined), (s) => s.pending === 0, 5_000, 'second ticket sent');
    expect(await onHub(next.id)).toBe(200);
  }, 60_000);
});
