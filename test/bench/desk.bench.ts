import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TicketRegistration } from '../../shared/tickets/ticket';
import { closeDatabase, openDatabase } from '../../electron/services/db/database';
import { TicketStore } from '../../electron/services/tickets/ticket-store';
import { sampleRegistration } from '../support/sample-ticket';
import { createHub } from '../../server/src/app';
import { connectPostgres } from '../../server/src/db/pg-driver';
import type { AddressInfo } from 'node:net';
import { DutyReplica } from '../../electron/services/dispatch/duty-replica';
import { KbService } from '../../electron/services/kb/kb-service';
import { HubHttp } from '../../electron/services/sync/hub-http';
import { HubSyncPort, PUSH_BATCH } from '../../electron/services/sync/hub-sync-port';
import { OutboxQueue } from '../../electron/services/sync/outbox-queue';
import { startThrowAwayPostgres } from '../hub/support/postgres';
import { resourcesDir, signIn } from '../hub/support/hub-harness';
import type { BenchArea, BenchRow } from './bench-area';
import { median, percentile } from './bench-area';
import { coldStart1gb } from './cold-start';

const SAVES = 1_000;

const registration = (i: number): TicketRegistration =>
  sampleRegistration({ description: `第 ${i} 张：来电人反映沿街门店把货架摆到人行道上，行人只能走机动车道，要求处理。` });

/** Saves tickets one transaction each (ticket row + outbox entry), as the desk does, on a real file. */
function saveTimes(synchronous: 'FULL' | 'NORMAL'): number[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-save-'));
  const db = openDatabase(path.join(dir, 'desk.sqlite3'));
  db.pragma(`synchronous = ${synchronous}`);
  const store = new TicketStore(db);
  const times: number[] = [];
  try {
    for (let i = 0; i < SAVES; i++) {
      const started = performance.now();
      store.register(registration(i), { author: 'A-017', trainee: false });
      times.push(performance.now() - started);
    }
  } finally {
    closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return times;
}

const QUEUED = 10_000;

/**
 * Drains 10,000 queued tickets from a real desk database to a hub on a real
 * PostgreSQL server (fsync on), through HTTP, the way the sync engine does
 * (batches of 100, each answer recorded in one SQLite transaction).
 */
async function drainSeconds(): Promise<{ seconds: number; settings: string }> {
  const postgres = await startThrowAwayPostgres({ fsync: true });
  const sql = connectPostgres(postgres.url);
  const hub = await createHub({ sql, resourcesDir, demoAccounts: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-drain-'));
  const db = openDatabase(path.join(dir, 'desk.sqlite3'));
  try {
    await hub.app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${String((hub.app.server.address() as AddressInfo).port)}`;
    const deskId = 'desk-bench-drain-0001';
    const session = await signIn(url, 'op01', deskId);
    const store = new TicketStore(db);
    for (let i = 0; i < QUEUED; i++) store.register(registration(i), { author: 'op01', trainee: false });
    const outbox = new OutboxQueue(db);
    const port = new HubSyncPort({
      db,
      http: new HubHttp(url, () => session.token, 60_000),
      deskId,
      outbox,
      kb: new KbService(db, resourcesDir),
      duties: new DutyReplica(db),
    });
    const started = performance.now();
    await port.push();
    const seconds = (performance.now() - started) / 1000;
    if (outbox.summary().pending !== 0) throw new Error('outbox not drained');
    const [count] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets');
    if (count?.n !== QUEUED) throw new Error(`hub holds ${String(count?.n)} tickets, expected ${String(QUEUED)}`);
    const settings = `desk: WAL synchronous=${String(db.pragma('synchronous', { simple: true }))} (2=FULL); hub: PostgreSQL fsync=on, one process, batches of ${String(PUSH_BATCH)}`;
    return { seconds, settings };
  } finally {
    closeDatabase(db);
    await hub.close();
    await sql.close();
    postgres.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const deskBench: BenchArea = {
  name: 'desk',
  description: `local ticket save (ticket + outbox entry in one transaction, WAL) on a real file, ${SAVES} saves, synchronous=FULL beside NORMAL; drain of ${QUEUED} queued tickets to a hub on PostgreSQL; desk start on a 1 GB file`,
  async run(): Promise<BenchRow[]> {
    const full = saveTimes('FULL');
    const normal = saveTimes('NORMAL');
    const round = (ms: number): number => Math.round(ms * 1000) / 1000;
    const drain = await drainSeconds();
    const cold = await coldStart1gb();
    const mb = (bytes: number): string => `${String(Math.round(bytes / 1024 ** 2))} MB`;
    return [
      {
        key: 'desk.cold_start_1gb_ms',
        value: Math.round(cold.startMs),
        unit: 'ms',
        note: `new DeskServices on a ${mb(cold.bytes)} desk file (${String(cold.rows)} hub_tickets rows, just written, so in the page cache) to getAppInfo + getSettings + getSyncStatus answered; the quick_check it no longer waits for took ${String(Math.round(cold.quickCheckMs))} ms on the main thread, and answered ${String(Math.round(cold.checkMs))} ms after start on its worker`,
      },
      { key: 'desk.drain_10k_s', value: round(drain.seconds), unit: 's', note: `${String(Math.round(QUEUED / drain.seconds))} tickets/s; ${drain.settings}` },
      { key: 'desk.save_p95_ms', value: round(percentile(full, 95)), unit: 'ms', note: `journal_mode=WAL synchronous=FULL (as shipped); median ${round(median(full))} ms` },
      { key: 'desk.save_p95_ms_normal', value: round(percentile(normal, 95)), unit: 'ms', note: `synchronous=NORMAL for comparison only; median ${round(median(normal))} ms` },
      { key: 'desk.save_full_over_normal', value: round(percentile(full, 95) / percentile(normal, 95)), unit: '×', note: 'what durability costs, same run' },
    ];
  },
};
