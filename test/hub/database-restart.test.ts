/**
 * The hub through a PostgreSQL restart, and the limits its pool puts on a
 * statement and an idle transaction. The cluster is this file's own: it is
 * stopped and started again under a running hub.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectPostgres } from '../../server/src/db/pg-driver';
import type { LiveMessage, Seat } from '../../shared/hub/presence';
import type { ThrowAwayPostgres } from './support/postgres';
import { startThrowAwayPostgres } from './support/postgres';
import type { RunningHub } from './support/hub-harness';
import { hubClient, signIn, startHub } from './support/hub-harness';

let server: ThrowAwayPostgres;
let running: RunningHub;
beforeAll(async () => {
  server = await startThrowAwayPostgres();
  running = await startHub('postgres', server);
}, 90_000);
afterAll(async () => {
  await running.close();
  server.stop();
});

/** A supervisor's socket that keeps every message and waits for the first one matching a predicate. */
function watch(token: string): { messages: LiveMessage[]; next(predicate: (m: LiveMessage) => boolean, timeoutMs?: number): Promise<LiveMessage>; close(): void } {
  const socket = new WebSocket(`${running.url.replace('http', 'ws')}/v1/live`, { headers: { authorization: `Bearer ${token}` } });
  const messages: LiveMessage[] = [];
  socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString()) as LiveMessage));
  return {
    messages,
    next: async (predicate, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching live message within ${String(timeoutMs)} ms; got ${JSON.stringify(messages.map((m) => m.type))}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => socket.close(),
  };
}

const report = (state: Seat['state']) => ({ state, since: new Date().toISOString(), callStartedAt: null, reason: null, helpRequested: false });

/** Retries a call while the database is still coming back (the hub answers 5xx meanwhile). */
async function eventually<T>(work: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await work().catch(() => null);
    if (value !== null && ok(value)) return value;
    if (Date.now() > deadline) throw new Error('did not succeed in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a hub whose PostgreSQL restarts', () => {
  it('re-opens its LISTEN connections: the board is told it went stale, gets a fresh snapshot, then the next update', async () => {
    const call = hubClient(running.url);
    const supervisor = await signIn(running.url, 'sup01');
    const desk = await signIn(running.url, 'op01', 'desk-restart-01');
    expect((await call('PUT', '/v1/presence', report('ready'), desk.token)).status).toBe(200);
    const live = watch(supervisor.token);
    await live.next((m) => m.type === 'snapshot');

    await server.restart(1_000);
    const stale = await live.next((m) => m.type === 'feed' && m.stale);
    // After the database is back: the gap is closed with a fresh snapshot first, then the end of the gap.
    const whole = await live.next((m) => m.type === 'feed' && !m.stale);
    expect(whole).toMatchObject({ since: (stale as { since: string }).since });
    const afterGap = live.messages.slice(live.messages.indexOf(stale));
    expect(afterGap.findIndex((m) => m.type === 'snapshot')).toBeLessThan(afterGap.indexOf(whole));

    // The next change a desk reports reaches the board through the re-opened LISTEN.
    await eventually(
      () => call('PUT', '/v1/presence', report('on_call'), desk.token),
      (reply) => reply.status === 200,
    );
    const seat = await live.next((m) => m.type === 'seat' && m.seat.deskId === 'desk-restart-01' && m.seat.state === 'on_call');
    expect(seat).toMatchObject({ seat: { operator: 'op01' } });
    live.close();
  }, 60_000);

  it('goes stale and whole again on a second restart, with the gap the board went without updates', async () => {
    const supervisor = await signIn(running.url, 'sup01');
    const live = watch(supervisor.token);
    await live.next((m) => m.type === 'snapshot');
    await server.restart(2_000);
    const whole = await live.next((m) => m.type === 'feed' && !m.stale);
    if (whole.type !== 'feed' || !whole.until) throw new Error('the end of the gap carries its time');
    const gapS = (Date.parse(whole.until) - Date.parse(whole.since)) / 1000;
    expect(gapS).toBeGreaterThanOrEqual(2);
    expect(gapS).toBeLessThan(30);
    live.close();
  }, 60_000);
});

describe('the hub pool’s time limits', () => {
  it('cancels a statement that runs longer than the statement timeout, and the pool goes on serving', async () => {
    const sql = connectPostgres(running.databaseUrl!, { max: 1, statementTimeoutMs: 200 });
    try {
      const started = Date.now();
      await expect(sql.query('SELECT pg_sleep(5)')).rejects.toMatchObject({ code: '57014' });
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(await sql.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await sql.close();
    }
  });

  it('ends a transaction left idle longer than the idle-in-transaction timeout, releasing its locks', async () => {
    const sql = connectPostgres(running.databaseUrl!, { max: 2, idleInTransactionTimeoutMs: 300 });
    try {
      await sql.query('CREATE TABLE IF NOT EXISTS idle_probe (id int PRIMARY KEY)');
      const stuck = sql.transaction(async (tx) => {
        await tx.query('INSERT INTO idle_probe VALUES (1)');
        // A request that stalls inside its transaction (awaiting something else) while holding the row lock.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await tx.query('SELECT 1');
      });
      await expect(stuck).rejects.toThrow();
      // The lock is gone: the same row can be written at once, and it was never committed.
      await sql.query('INSERT INTO idle_probe VALUES (1)', []);
      expect(await sql.query<{ n: string }>('SELECT count(*) AS n FROM idle_probe')).toEqual([{ n: '1' }]);
    } finally {
      await sql.close();
    }
  });

  it('has defaults (30 s per statement, 60 s idle in a transaction) on every pooled connection', async () => {
    const settings = await running.sql.query<{ statement_timeout: string; idle_in_transaction_session_timeout: string }>(
      'SELECT current_setting($1) AS statement_timeout, current_setting($2) AS idle_in_transaction_session_timeout',
      ['statement_timeout', 'idle_in_transaction_session_timeout'],
    );
    expect(settings).toEqual([{ statement_timeout: '30s', idle_in_transaction_session_timeout: '1min' }]);
  });
});
