import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DeskDatabase } from './database';
import { FutureSchemaError, openDatabase } from './database';
import type { QuickCheckOutcome } from './quick-check-off-thread';
import { quickCheckOffThread } from './quick-check-off-thread';

export interface StorageRecovery {
  /** Where the damaged database (and its -wal/-shm) was moved; nothing is deleted. */
  keptAt: string;
  reason: string;
}

export interface OpenedDeskDatabase {
  db: DeskDatabase;
  /** Set when the file was damaged at start and a fresh one was opened beside the kept copy. */
  recovery: StorageRecovery | null;
}

const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_VTAB']);

/**
 * Opens (and migrates) `desk.sqlite3` in `dataDir` without reading it whole:
 * the integrity check runs after start on a worker thread (`checkAfterStart`),
 * because on a file of a gigabyte or two it takes seconds. A damaged file is
 * never repaired in place and never deleted: it is moved with its WAL into
 * `damaged/` (support can salvage rows from it with `.recover`), and the desk
 * starts on a fresh file so the operator can keep taking calls; the sync
 * engine then pulls the replicas back from the hub. That happens here when the
 * open itself fails on damage, or when the last run's check found damage (it
 * left a mark beside the file; the file is checked again before it is moved).
 * A file from a newer build is not damage: that error goes to the caller untouched.
 */
export function openDeskDatabase(dataDir: string, now: () => Date = () => new Date()): OpenedDeskDatabase {
  const file = deskDatabaseFile(dataDir);
  const suspect = fs.existsSync(damageMark(file));
  let reason: string;
  try {
    const db = openDatabase(file);
    if (!suspect) return { db, recovery: null };
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check === 'ok') {
      fs.rmSync(damageMark(file), { force: true });
      return { db, recovery: null };
    }
    db.close();
    reason = `quick_check: ${check}`;
  } catch (error) {
    if (error instanceof FutureSchemaError || !isDamage(error)) throw error;
    reason = `${error.code}: ${error.message}`;
  }
  const keptAt = keepDamagedFile(file, now());
  fs.rmSync(damageMark(file), { force: true });
  return { db: openDatabase(file), recovery: { keptAt, reason } };
}

export function deskDatabaseFile(dataDir: string): string {
  return path.join(dataDir, 'desk.sqlite3');
}

/** Written when the check after start finds damage: the next start re-checks the file before opening it and keeps it aside. */
function damageMark(file: string): string {
  return `${file}.damaged`;
}

/**
 * `quick_check` of the open desk file on a worker thread (its own read-only
 * connection). Damage found here cannot be recovered under the running
 * services (they hold the connection, and refusing to save would lose the
 * operator's work for certain), so it is marked for the next start and
 * returned for the caller to report: restarting the desk then keeps the file
 * aside and continues on a fresh one, as for damage found at open.
 */
export async function checkAfterStart(dataDir: string): Promise<QuickCheckOutcome> {
  const file = deskDatabaseFile(dataDir);
  const outcome = await quickCheckOffThread(file);
  if (!outcome.ok) fs.writeFileSync(damageMark(file), `${outcome.reason}\n`);
  return outcome;
}

function isDamage(error: unknown): error is InstanceType<typeof Database.SqliteError> {
  return error instanceof Database.SqliteError && DAMAGE_CODES.has(error.code);
}

function keepDamagedFile(file: string, at: Date): string {
  const dir = path.join(path.dirname(file), 'damaged');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const keptAt = path.join(dir, `${path.basename(file, '.sqlite3')}-${stamp}.sqlite3`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, keptAt + suffix);
  }
  return keptAt;
}

/** The full check, for a scheduled run at a quiet hour (it reads every page). */
export function integrityCheck(db: DeskDatabase): { ok: boolean; problems: string[] } {
  const rows = db.pragma('integrity_check(20)') as { integrity_check: string }[];
  const problems = rows.map((r) => r.integrity_check).filter((line) => line !== 'ok');
  return { ok: problems.length === 0, problems };
}
