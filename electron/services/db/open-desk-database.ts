import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DeskDatabase } from './database';
import { FutureSchemaError, openDatabase } from './database';

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
 * Opens `desk.sqlite3` in `dataDir` and runs `quick_check` on it. A damaged
 * file is never repaired in place and never deleted: it is moved with its WAL
 * into `damaged/` (support can salvage rows from it with `.recover`), and the
 * desk starts on a fresh file so the operator can keep taking calls; the sync
 * engine then pulls the replicas back from the hub. A file from a newer build
 * is not damage: that error goes to the caller untouched.
 */
export function openDeskDatabase(dataDir: string, now: () => Date = () => new Date()): OpenedDeskDatabase {
  const file = path.join(dataDir, 'desk.sqlite3');
  let reason: string;
  try {
    const db = openDatabase(file);
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check === 'ok') return { db, recovery: null };
    db.close();
    reason = `quick_check: ${check}`;
  } catch (error) {
    if (error instanceof FutureSchemaError || !isDamage(error)) throw error;
    reason = `${error.code}: ${error.message}`;
  }
  const keptAt = keepDamagedFile(file, now());
  return { db: openDatabase(file), recovery: { keptAt, reason } };
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
