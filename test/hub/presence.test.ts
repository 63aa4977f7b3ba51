/**
 * Live presence across hub processes: a desk reports to one process, a
 * supervisor watches through another, and PostgreSQL's LISTEN/NOTIFY carries
 * the change between them. The second hub is a real child process.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { LiveMessage, Seat } from '../../shared/hub/presence';
import type { ThrowAwayPostgres } from './support/postgres';
import { startThrowAwayPostgres } from './support/postgres';
import type { RunningHub } from './support/hub-harness';
import { hubClient, resourcesDir, signIn, startHub } from './support/hub-harness';

let server: ThrowAwayPostgres;
beforeAll(async () => {
  server = await startThrowAwayPostgres();
}, 60_000);
afterAll(() => {
  server.stop();
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `server/src/main.ts` as its own process on the given database; resolves when it listens. */
async function startHubProcess(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const root = path.resolve(import.meta.dirname, '..', '..');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'src', 'main.ts')], {
    cwd: root,
    env: { ...process.env, HUB_DATABASE_URL: databaseUrl, HUB_PORT: String(port), HUB_RESOURCES: resourcesDir, HUB_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/v1/health`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('second hub process did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A supervisor's socket with the messages it has received. */
async function watch(baseUrl: string, token: string): Promise<{ messages: LiveMessage[]; next(predicate: (m: LiveMessage) => boolean): Promise<LiveMessage>; close(): void }> {
  const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/v1/live`, { headers: { authorization: `Bearer ${token}` } });
  const messages: LiveMessage[] = [];
  const waiters: { predicate: (m: LiveMessage) => boolean; resolve: (m: LiveMessage) => void }[] = [];
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as LiveMessage;
    messages.push(message);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return {
    messages,
    next: (predicate) =>
      new Promise((resolve, reject) => {
        const found = messages.find(predicate);
        if (found) {
          resolve(found);
          return;
        }
        const timer = setTimeout(() => reject(new Error(`no matching live message; got ${JSON.stringify(messages)}`)), 10_000);
        waiters.push({
          predicate,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      }),
    close: () => socket.close(),
  };
}

const report = (state: Seat['state'], callStartedAt: string | null = null) => ({ state, since: new Date().toISOString(), callStartedAt, reason: null, helpRequested: false });

describe('presence across two hub processes on one PostgreSQL database', () => {
  let first: RunningHub;
  let second: { url: string; child: ChildProcess };
  beforeAll(async () => {
    first = await startHub('postgres', server);
    second = await startHubProcess(first.databaseUrl!);
  }, 60_000);
  afterAll(async () => {
    second.child.kill('SIGTERM');
    await first.close();
  });

  it('delivers a desk’s state change reported to one process to a supervisor connected to the other', async () => {
    const supervisor = await signIn(second.url, 'sup01');
    const live = await watch(second.url, supervisor.token);
    await live.next((m) => m.type === 'snapshot');
    const desk = await signIn(first.url, 'op01', 'desk-pres-0001');
    const call = hubClient(first.url);
    expect((await call('PUT', '/v1/presence', report('ready'), desk.token)).status).toBe(200);
    const ready = await live.next((m) => m.type === 'seat' && m.seat.deskId === 'desk-pres-0001' && m.seat.state === 'ready');
    expect(ready).toMatchObject({ seat: { operator: 'op01', displayName: '李话务', team: '一组' } });
    const callStart = new Date().toISOString();
    await call('PUT', '/v1/presence', report('on_call', callStart), desk.token);
    await live.next((m) => m.type === 'seat' && m.seat.state === 'on_call' && m.seat.callStartedAt === callStart);
    live.close();

    // A supervisor connecting later gets the seat in the snapshot.
    const late = await watch(first.url, supervisor.token);
    const snapshot = await late.next((m) => m.type === 'snapshot');
    expect(snapshot.type === 'snapshot' && snapshot.seats.find((s) => s.deskId === 'desk-pres-0001')?.state).toBe('on_call');
    late.close();
  });

  it('refuses the live feed to an operator and a missing token', async () => {
    const operator = await signIn(first.url, 'op02', 'desk-pres-0002');
    for (const token of [operator.token, '']) {
      const socket = new WebSocket(`${first.url.replace('http', 'ws')}/v1/live`, { headers: { authorization: `Bearer ${token}` } });
      const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
      expect(code).toBe(4001);
    }
  });
});

describe('presence on the embedded default (one process)', () => {
  it('delivers a state change to a connected supervisor', async () => {
    const running = await startHub('pglite');
    try {
      const supervisor = await signIn(running.url, 'sup01');
      const live = await watch(running.url, supervisor.token);
      const desk = await signIn(running.url, 'op03', 'desk-pres-0003');
      await hubClient(running.url)('PUT', '/v1/presence', report('break'), desk.token);
      await live.next((m) => m.type === 'seat' && m.seat.deskId === 'desk-pres-0003' && m.seat.state === 'break');
      live.close();
    } finally {
      await running.close();
    }
    // Starting an embedded PostgreSQL (PGlite) takes most of this test's time and can take tens of seconds on a loaded machine.
  }, 90_000);
});
