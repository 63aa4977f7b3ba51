/**
 * Early warning on both drivers: a burst of tickets about one matter in one
 * place raises an alert that reaches a supervisor's live feed; the usual rate
 * of a busy place does not; a repeat caller is flagged; alerts are acknowledged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Alert } from '../../shared/hub/alerts';
import { defaultAlertSettings } from '../../shared/hub/alerts';
import type { ThrowAwayPostgres } from './support/postgres';
import { startThrowAwayPostgres } from './support/postgres';
import type { RunningHub } from './support/hub-harness';
import { hubClient, registerOp, signIn, startHub } from './support/hub-harness';

let server: ThrowAwayPostgres;
beforeAll(async () => {
  server = await startThrowAwayPostgres();
}, 60_000);
afterAll(() => {
  server.stop();
});

describe.each(['postgres', 'pglite'] as const)('early warning on %s', (driver) => {
  let running: RunningHub;
  let call: ReturnType<typeof hubClient>;
  beforeAll(async () => {
    running = await startHub(driver, server);
    call = hubClient(running.url);
  }, 60_000);
  afterAll(async () => {
    await running.close();
  });

  const waitForAlerts = async (token: string, predicate: (alerts: Alert[]) => boolean): Promise<Alert[]> => {
    for (let i = 0; i < 100; i++) {
      const alerts = (await call<Alert[]>('GET', '/v1/alerts', undefined, token)).body;
      if (predicate(alerts)) return alerts;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('expected alerts did not appear');
  };

  it('raises a burst for one matter in one place, live to the supervisor, flags the repeat caller, and is acknowledged', async () => {
    const supervisor = await signIn(running.url, 'sup01');
    const operator = await signIn(running.url, 'op01', 'desk-alerts-op01');
    expect((await call('PUT', '/v1/alert-settings', { ...defaultAlertSettings, manyMin: 100, newMin: 100 }, operator.token)).status).toBe(403);
    expect((await call('PUT', '/v1/alert-settings', { ...defaultAlertSettings, burstMin: 1 }, supervisor.token)).status).toBe(400);
    expect((await call('PUT', '/v1/alert-settings', { ...defaultAlertSettings, manyMin: 100, newMin: 100 }, supervisor.token)).status).toBe(200);

    // A busy place: 600 tickets of the same matter over the last week make 6 in an hour ordinary there.
    const desk = await signIn(running.url, 'op01', 'desk-alert-0001');
    const seedBusy = [registerOp(1, 'op01', { category: ['城市管理', '占道经营'], location: { district: '罗庄区', town: null, address: '' } })];
    await call('POST', '/v1/sync/push', { deskId: 'desk-alert-0001', operations: seedBusy }, desk.token);
    await running.sql.query(
      `INSERT INTO tickets (id, number, desk_id, author, state, caller_number, category_1, category_2, district, confidential, trainee, review, registration, created_at, updated_at, version)
       SELECT gen_random_uuid(), 'B-' || g, desk_id, author, state, caller_number, category_1, category_2, district, confidential, trainee, review, registration,
              now() - (g * interval '16 minutes') - interval '2 hours', now(), version
         FROM tickets, generate_series(1, 600) AS g WHERE id = $1`,
      [seedBusy[0]!.ticketId],
    );

    const socket = new WebSocket(`${running.url.replace('http', 'ws')}/v1/live`, { headers: { authorization: `Bearer ${supervisor.token}` } });
    const liveAlerts: Alert[] = [];
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string; alert?: Alert };
      if (message.type === 'alert' && message.alert) liveAlerts.push(message.alert);
    });
    await new Promise((resolve) => socket.once('open', resolve));

    const place = { location: { district: '兰山区', town: '银雀山街道', address: '' }, category: ['城市管理', '占道经营'] as [string, string] };
    const operations = [
      ...Array.from({ length: 3 }, (_, i) => registerOp(i + 2, 'op01', { ...place, callerNumber: '13600000001' })),
      ...Array.from({ length: 3 }, (_, i) => registerOp(i + 5, 'op01', { ...place, callerNumber: `1360000010${String(i)}` })),
      ...Array.from({ length: 6 }, (_, i) => registerOp(i + 8, 'op01', { category: ['城市管理', '占道经营'], location: { district: '罗庄区', town: null, address: '' }, callerNumber: `1370000020${String(i)}` })),
    ];
    expect((await call('POST', '/v1/sync/push', { deskId: 'desk-alert-0001', operations }, desk.token)).status).toBe(200);

    const alerts = await waitForAlerts(supervisor.token, (list) => list.some((a) => a.kind === 'burst') && list.some((a) => a.kind === 'repeat'));
    const bursts = alerts.filter((a) => a.kind === 'burst');
    expect(bursts).toHaveLength(1);
    expect(bursts[0]).toMatchObject({ matter: ['城市管理', '占道经营'], district: '兰山区', ticketCount: 6, acknowledgedAt: null });
    expect(bursts[0]!.tickets).toHaveLength(6);
    expect(bursts[0]!.tickets[0]!.number).toMatch(/^\d{8}-\d{6}$/);
    expect(alerts.find((a) => a.kind === 'repeat')).toMatchObject({ callerNumber: '13600000001', ticketCount: 3 });
    expect(alerts.some((a) => a.kind === 'many' || a.kind === 'new')).toBe(false);
    for (let i = 0; i < 50 && !liveAlerts.some((a) => a.kind === 'burst'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(liveAlerts.find((a) => a.kind === 'burst')).toMatchObject({ id: bursts[0]!.id, district: '兰山区' });

    const acked = await call<Alert>('POST', `/v1/alerts/${String(bursts[0]!.id)}/ack`, undefined, supervisor.token);
    expect(acked.body).toMatchObject({ acknowledgedBy: 'sup01' });
    expect((await call('POST', `/v1/alerts/${String(bursts[0]!.id)}/ack`, undefined, supervisor.token)).status).toBe(409);
    const open = (await call<Alert[]>('GET', '/v1/alerts', undefined, supervisor.token)).body;
    expect(open.some((a) => a.id === bursts[0]!.id)).toBe(false);
    const all = (await call<Alert[]>('GET', '/v1/alerts?all=true', undefined, supervisor.token)).body;
    expect(all.find((a) => a.id === bursts[0]!.id)?.acknowledgedBy).toBe('sup01');
    expect((await call('GET', '/v1/alerts', undefined, operator.token)).status).toBe(403);
    socket.close();
  });

  it('raises 新发 and 多发 for a matter with no district, counted across pushes into one growing alert each', async () => {
    const supervisor = await signIn(running.url, 'sup01');
    const settings = { ...defaultAlertSettings, manyMin: 4, newMin: 3, burstMin: 10_000, repeatMin: 50 };
    expect((await call('PUT', '/v1/alert-settings', settings, supervisor.token)).status).toBe(200);
    const desk = await signIn(running.url, 'op02', 'desk-alert-0002');
    const matter = { category: ['测试大类', '前所未有的事项'] as [string, string], location: { district: null, town: null, address: '' } };
    const first = Array.from({ length: 3 }, (_, i) => registerOp(i + 1, 'op02', { ...matter, callerNumber: `1350000000${String(i)}` }));
    expect((await call('POST', '/v1/sync/push', { deskId: 'desk-alert-0002', operations: first }, desk.token)).status).toBe(200);
    const raised = await waitForAlerts(supervisor.token, (list) => list.some((a) => a.kind === 'new' && a.matter[1] === '前所未有的事项'));
    expect(raised.find((a) => a.kind === 'new' && a.matter[1] === '前所未有的事项')).toMatchObject({ district: null, ticketCount: 3 });
    expect(raised.some((a) => a.kind === 'many' && a.matter[1] === '前所未有的事项')).toBe(false);

    // Two more pushes right after each other: counted together or one after the other, never as a second alert.
    for (const seq of [4, 5]) {
      const op = registerOp(seq, 'op02', { ...matter, callerNumber: `1350000001${String(seq)}` });
      expect((await call('POST', '/v1/sync/push', { deskId: 'desk-alert-0002', operations: [op] }, desk.token)).status).toBe(200);
    }
    const grown = await waitForAlerts(supervisor.token, (list) => list.some((a) => a.kind === 'many' && a.matter[1] === '前所未有的事项' && a.ticketCount === 5));
    const ours = grown.filter((a) => a.matter[1] === '前所未有的事项');
    expect(ours.map((a) => [a.kind, a.district, a.ticketCount]).sort()).toEqual([
      ['many', null, 5],
      ['new', null, 5],
    ]);
  });
});
