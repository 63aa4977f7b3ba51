import Database from 'better-sqlite3';
import type { Migration } from './migrations';
import { migrations as defaultMigrations } from './migrations';

import type { DeskDatabase } from './desk-database';

export type { DeskDatabase } from './desk-database';

export class FutureSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`database schema version ${found} is newer than this build supports (${supported}); refusing to open it`);
    this.name = 'FutureSchemaError';
  }
}

/**
 * Opens (or creates) the desk's database with durable settings:
 * - WAL so the UI's reads never wait for the sync engine's writes;
 * - synchronous=FULL because better-sqlite3 defaults to NORMAL, which can lose
 *   the last commits on power loss, and a ticket typed during a call must not;
 * - foreign keys on, and a busy timeout so a second connection waits instead of failing.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = defaultMigrations): DeskDatabase {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: DeskDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: DeskDatabase, migrations: readonly Migration[]): number {
  assertOrdered(migrations);
  const supported = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > supported) throw new FutureSchemaError(current, supported);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersion(db);
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.reduce((previous, migration) => {
    if (!Number.isInteger(migration.version) || migration.version <= previous) {
      throw new Error(`migration ${migration.version} (${migration.name}) is out of order`);
    }
    return migration.version;
  }, 0);
}

/**
 * Runs on close: lets SQLite refresh its planner statistics and folds the WAL
 * back. Both are housekeeping: on a full or read-only disk they fail, and the
 * file must still be closed (the WAL is folded back at the next open).
 */
export function closeDatabase(db: DeskDatabase): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Nothing is lost: committed transactions are in the WAL already.
  } finally {
    db.close();
  }
}
