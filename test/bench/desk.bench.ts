import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TicketRegistration } from '../../shared/tickets/ticket';
import { closeDatabase, openDatabase } from '../../electron/services/db/database';
import { TicketStore } from '../../electron/services/tickets/ticket-store';
import { sampleRegistration } from '../support/sample-ticket';
import type { BenchArea, BenchRow } from './bench-area';
import { median, percentile } from './bench-area';

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

export const deskBench: BenchArea = {
  name: 'desk',
  description: `local ticket save (ticket + outbox entry in one transaction, WAL) on a real file, ${SAVES} saves, synchronous=FULL beside NORMAL`,
  run(): Promise<BenchRow[]> {
    const full = saveTimes('FULL');
    const normal = saveTimes('NORMAL');
    const round = (ms: number): number => Math.round(ms * 1000) / 1000;
    return Promise.resolve([
      { key: 'desk.save_p95_ms', value: round(percentile(full, 95)), unit: 'ms', note: `journal_mode=WAL synchronous=FULL (as shipped); median ${round(median(full))} ms` },
      { key: 'desk.save_p95_ms_normal', value: round(percentile(normal, 95)), unit: 'ms', note: `synchronous=NORMAL for comparison only; median ${round(median(normal))} ms` },
      { key: 'desk.save_full_over_normal', value: round(percentile(full, 95) / percentile(normal, 95)), unit: '×', note: 'what durability costs, same run' },
    ]);
  },
};
