import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { deskDatabaseFile } from '../../electron/services/db/open-desk-database';
import { DeskServices } from '../../electron/services/desk-services';
import { createLogger } from '../../electron/services/logger';
import { resourcesDir } from '../hub/support/hub-harness';

const TARGET_BYTES = 1024 ** 3;
/** About the size of a hub ticket with its trail, so 1 GB holds ~250k rows (a busy desk's replica after a few years). */
const DOC_PAD_HEX = 1_900;

const startServices = (dataDir: string): DeskServices =>
  new DeskServices({ dataDir, resourcesDir, host: 'web', version: 'bench', logger: createLogger({ level: 'silent' }), hubPollIntervalMs: 600_000 });

/**
 * A desk file of about 1 GB: a desk started once (schema, seeded knowledge
 * base, desk identity: what every later start finds), then the hub
 * ticket replica filled by one INSERT ... SELECT from a recursive CTE in one
 * transaction (random padding, so the pages are not trivially compressible).
 */
function writeBigDeskFile(dataDir: string): { bytes: number; rows: number } {
  const file = deskDatabaseFile(dataDir);
  startServices(dataDir).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const perRow = DOC_PAD_HEX * 2 + 200;
  const rows = Math.ceil(TARGET_BYTES / perRow);
  db.transaction(() => {
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO hub_tickets (id, number, state, doc, version, updated_at)
       SELECT printf('bench-%08d', i), printf('20261204%06d', i), 'transferred',
              json_object('id', printf('bench-%08d', i), 'pad', hex(randomblob(${String(DOC_PAD_HEX)}))), i, '2026-12-04T08:00:00.000Z'
       FROM n`,
    ).run(rows);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { bytes: fs.statSync(file).size, rows };
}

/** The first calls the workbench makes when it loads (app shell, settings, status bar). */
async function firstAnswers(services: DeskServices): Promise<void> {
  const desk = services.handlers({ setKnowledgePaneDetached: () => ({ detached: false }) });
  await desk.getAppInfo(undefined);
  await desk.getSettings(undefined);
  await desk.getSyncStatus(undefined);
}

export interface ColdStart {
  /** From `new DeskServices` (open, migrate, every service constructed) to the workbench's first calls answered. */
  startMs: number;
  /** The integrity check on its worker thread, from start to its answer (the operator works meanwhile). */
  checkMs: number;
  /** What the start paid before: `quick_check` on the main thread on the same file. */
  quickCheckMs: number;
  bytes: number;
  rows: number;
}

export async function coldStart1gb(): Promise<ColdStart> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-cold-'));
  try {
    const { bytes, rows } = writeBigDeskFile(dataDir);
    const started = performance.now();
    const services = startServices(dataDir);
    await firstAnswers(services);
    const startMs = performance.now() - started;
    const outcome = await services.checkedAfterStart;
    const checkMs = performance.now() - started;
    if (!outcome?.ok) throw new Error(`integrity check after start did not pass: ${JSON.stringify(outcome)}`);
    services.close();
    const db = new Database(deskDatabaseFile(dataDir), { readonly: true });
    const before = performance.now();
    db.pragma('quick_check', { simple: true });
    const quickCheckMs = performance.now() - before;
    db.close();
    return { startMs, checkMs, quickCheckMs, bytes, rows };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
